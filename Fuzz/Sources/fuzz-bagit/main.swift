// libFuzzer target: bagit.txt, bag-info.txt and SHA-512 manifests (BagInfo, Manifest, ManifestReader).
// Run with scripts/fuzz.sh bagit; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.bagitTagFile(bytes)
    return 0
}
