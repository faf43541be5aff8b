// swift-tools-version:6.0
// The `accord` command-line tool, in a package of its own so that hosts embedding the
// library (the package at the repository's root) never resolve or build
// swift-argument-parser or its plugins.
import PackageDescription

let package = Package(
    name: "AccordCLI",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "accord", targets: ["AccordCLI"]),
    ],
    dependencies: [
        .package(name: "Accord", path: ".."),
        // The command line: subcommands, options, help with examples.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "AccordCLI",
            dependencies: [
                .product(name: "Accord", package: "Accord"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AccordCLITests",
            dependencies: ["AccordCLI", .product(name: "AccordTestSupport", package: "Accord")]
        ),
    ]
)
