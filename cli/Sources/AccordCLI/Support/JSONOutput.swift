import Accord
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes any report as pretty-printed JSON with sorted keys. The report of
/// `--format json` is the library's ``ValidationReport``, its diagnostics ``Diagnostic``s, so
/// that a host embedding the library writes the same form.
func encodeJSON<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}
