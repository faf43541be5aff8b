// swift-tools-version:6.0
// The library hosts embed. The `accord` command-line tool is the package in cli/, so
// that a host depending on this package pulls in swift-crypto alone.
import PackageDescription

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Accord", targets: ["Accord"]),
        // Paths to the examples and a runner for standard tools, for the tests of this
        // package and of the command-line tool's (cli/); no host needs it.
        .library(name: "AccordTestSupport", targets: ["AccordTestSupport"]),
    ],
    dependencies: [
        // SHA-512 for BagIt manifests (and Ed25519 for signatures): BoringSSL-backed, audited.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
    ],
    targets: [
        // C libraries, each isolated in its own system-library target with a shim header.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The few system calls Swift's Glibc module does not expose (renameat2, O_TMPFILE).
        .target(name: "CPlatform"),
        // The library hosts embed: model, XML, schema, rules, validation.
        .target(
            name: "Accord",
            dependencies: ["CLibXML2", "CZlib", "CPlatform", .product(name: "Crypto", package: "swift-crypto")],
            resources: [
                // schemas/ is the single source of truth; the binary carries a copy.
                .embedInCode("../../schemas/partnership-record-v1.xsd"),
                .embedInCode("../../schemas/bundle-envelope-v1.xsd"),
                .embedInCode("../../schemas/bundle-signature-v1.xsd"),
                .embedInCode("../../schemas/xml.xsd"),
            ]
        ),
        // Paths to the examples and a runner for standard tools, shared by the test targets.
        .target(name: "AccordTestSupport", dependencies: ["Accord"], path: "Tests/AccordTestSupport"),
        .testTarget(name: "AccordTests", dependencies: ["Accord", "AccordTestSupport"]),
    ]
)

// swift-docc-plugin builds the DocC documentation (scripts/build-docs.sh). It is added only when
// ACCORD_DOCS is set: every plugin in a package's graph is compiled when a host builds, and a host
// that depends on the library must pull in swift-crypto alone (scripts/check-library-alone.sh).
if Context.environment["ACCORD_DOCS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
