import Accord
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The machine-readable report of `--format json`: one entry per input. Its form,
/// `accord-report/1`, is `schemas/accord-report-v1.schema.json`; a field may be added in a
/// later minor form, never renamed or removed.
struct JSONReport: Encodable {
    struct Entry: Encodable {
        var file: String
        var kind: String
        var valid: Bool
        var recordId: String?
        var bundleId: String?
        var errors: Int
        var warnings: Int
        var diagnostics: [JSONDiagnostic]
        /// Whether some checks could not run until the problems reported are fixed.
        var checksRemain: Bool
        /// Set when the input could not be read (or the output written) at all.
        var failure: String?
    }

    struct JSONDiagnostic: Encodable {
        var code: String
        var severity: String
        var message: String
        var file: String
        var entry: String?
        var line: Int?
        var column: Int?
        var path: String?
        /// libxml2's words, when `message` translates them.
        var technical: String?

        init(_ diagnostic: Diagnostic) {
            code = diagnostic.code.rawValue
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            file = diagnostic.location.file
            entry = diagnostic.location.entry
            line = diagnostic.location.line
            column = diagnostic.location.column
            path = diagnostic.location.path
            technical = diagnostic.technical
        }
    }

    var format = "accord-report/1"
    var tool = "accord"
    var version = AccordVersion.current
    var valid: Bool
    var files: [Entry]
}

/// Encodes any report as pretty-printed JSON with sorted keys.
func encodeJSON<Value: Encodable>(_ value: Value) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
}
