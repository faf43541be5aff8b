// libFuzzer target: a tar archive: headers, pax and GNU long-name records, entry data (TarReader).
// Run with scripts/fuzz.sh tar; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.tar(bytes)
    return 0
}
