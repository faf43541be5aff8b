// libFuzzer target: a gzip stream inflated to its end within the limits (GzipReader).
// Run with scripts/fuzz.sh gzip; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.gzip(bytes)
    return 0
}
