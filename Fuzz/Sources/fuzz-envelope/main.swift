// libFuzzer target: the envelope tag file, from memory and from a scratch file (EnvelopeStreamReader).
// Run with scripts/fuzz.sh envelope; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.envelope(bytes)
    return 0
}
