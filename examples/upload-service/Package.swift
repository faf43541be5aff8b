// swift-tools-version:6.2
// A reference host: an HTTP service that validates bundles streamed to it, built on
// Hummingbird 2 and the Accord library's public API alone. A separate package, so that
// the library's users never pull in its dependencies. CI builds and tests it
// (scripts/check-examples.sh).
import PackageDescription

let package = Package(
    name: "AccordUploadService",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Accord", path: "../.."),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
    ],
    targets: [
        // The service: routes, options, and how a validation becomes an HTTP answer.
        .target(
            name: "UploadService",
            dependencies: [
                .product(name: "Accord", package: "Accord"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ]
        ),
        // `upload-service --port 8080 --trust partners/`.
        .executableTarget(
            name: "upload-service",
            dependencies: ["UploadService", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "UploadServiceTests",
            dependencies: [
                "UploadService",
                .product(name: "Accord", package: "Accord"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
    ]
)
