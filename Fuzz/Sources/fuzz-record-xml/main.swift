// libFuzzer target: a record as XML: safe parse, schema, model, rules (RecordValidator.validate).
// Run with scripts/fuzz.sh record-xml; see Fuzz/README.md.
@_spi(Fuzzing) import Accord

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    _ = FuzzEntryPoints.recordXML(bytes)
    return 0
}
