// swift-tools-version:6.0
// Benchmarks for Accord, kept in their own package so that nothing here ever enters the
// dependency graph of a package that depends on Accord. See README.md beside this file.
import PackageDescription

let package = Package(
    name: "AccordBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The Accord package at the repository root, whatever its folder is called.
        .package(name: "Accord", path: ".."),
    ],
    targets: [
        // Writes a deterministic corpus of valid partnership records.
        .executableTarget(
            name: "generate-corpus",
            dependencies: [.product(name: "Accord", package: "Accord")]
        ),
    ]
)
