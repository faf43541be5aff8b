// swift-tools-version:6.0
// The code of the README's "Using the library" section, as a host program would hold it:
// a separate package that depends on Accord and uses its public API alone. CI builds and
// runs it (scripts/check-examples.sh), so the README's code cannot go stale.
import PackageDescription

let package = Package(
    name: "AccordEmbeddingExample",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Accord", path: "../.."),
    ],
    targets: [
        .executableTarget(name: "embedding", dependencies: [.product(name: "Accord", package: "Accord")]),
    ]
)
