// swift-tools-version:6.0
// Fuzz targets for Accord's parsers of untrusted bytes (libFuzzer), kept in their own package
// so that nothing here ever enters the build of a package that depends on Accord, as
// Benchmarks/ is. Built and run by scripts/fuzz.sh; see README.md beside this file.
import PackageDescription

/// One libFuzzer target: an executable exporting `LLVMFuzzerTestOneInput`, whose `main` is
/// libFuzzer's (the build passes `--sanitize=fuzzer`).
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(name: name, dependencies: [.product(name: "Accord", package: "Accord")])
}

let package = Package(
    name: "AccordFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        // The Accord package at the repository root, whatever its folder is called.
        .package(name: "Accord", path: ".."),
    ],
    targets: [
        fuzzTarget("fuzz-record-xml"),
        fuzzTarget("fuzz-record-json"),
        fuzzTarget("fuzz-envelope"),
        fuzzTarget("fuzz-signature"),
        fuzzTarget("fuzz-tar"),
        fuzzTarget("fuzz-gzip"),
        fuzzTarget("fuzz-bagit"),
        fuzzTarget("fuzz-bundle"),
        // Writes the seed corpora from the examples (run from LLVMFuzzerInitialize, since
        // libFuzzer owns `main` in this build).
        fuzzTarget("fuzz-seeds"),
    ]
)
