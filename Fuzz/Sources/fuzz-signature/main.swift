// libFuzzer target: a signature file (BundleSignatureFile.read) and a bare statement (SignatureStatement).
// Run with scripts/fuzz.sh signature; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.signatureFile(bytes)
    return 0
}
