// libFuzzer target: a whole bundle from bytes (BundleValidator.validate(.bytes)).
// Run with scripts/fuzz.sh bundle; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.bundle(bytes)
    return 0
}
