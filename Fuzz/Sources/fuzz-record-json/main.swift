// libFuzzer target: a record as JSON: syntax, structure, then the XML path (RecordValidator.validateJSON).
// Run with scripts/fuzz.sh record-json; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.recordJSON(bytes)
    return 0
}
