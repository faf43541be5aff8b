@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// The report's form belongs to the library: what a host encodes is what the command line
/// prints, and what the schema describes.
@Suite("Validation: the JSON report")
struct ValidationReportTests {
    static func invalid(_ name: String) throws -> RecordValidation {
        try RecordValidator().validateRecordFile(atPath: Fixtures.invalidExamples.appendingPathComponent(name).path)
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }

    @Test("a diagnostic encodes flat, as one diagnostic of the report, and decodes back")
    func diagnosticShape() throws {
        var diagnostic = Diagnostic(.schemaViolation, "the date is not a date", at: SourceLocation(
            file: "b.tar.gz", entry: "data/records/X.xml", line: 12, column: 3, path: "/partnershipRecord/events/event[1]/date"))
        diagnostic.technical = "Element 'date': '2025-13-45' is not a valid value of the atomic type 'xs:date'."
        let object = try #require(try JSONSerialization.jsonObject(with: Self.encoder.encode(diagnostic)) as? [String: Any])
        #expect(Set(object.keys) == ["code", "severity", "message", "file", "entry", "line", "column", "path", "technical"])
        #expect(object["code"] as? String == "S001")
        #expect(object["severity"] as? String == "error")
        #expect(object["line"] as? Int == 12)
        #expect(try JSONDecoder().decode(Diagnostic.self, from: Self.encoder.encode(diagnostic)) == diagnostic)
        let bare = Diagnostic(.malformedXML, "x", at: SourceLocation(file: "r.xml"))
        #expect(String(decoding: try Self.encoder.encode(bare), as: UTF8.self) == """
            {
              "code" : "X001",
              "file" : "r.xml",
              "message" : "x",
              "severity" : "error"
            }
            """)
    }

    @Test("a record's validation encodes as a report entry; an entry and a report decode back")
    func entryShape() throws {
        let validation = try Self.invalid("dates-out-of-order.xml")
        let object = try #require(try JSONSerialization.jsonObject(with: Self.encoder.encode(validation)) as? [String: Any])
        #expect(Set(object.keys) == ["file", "kind", "valid", "errors", "warnings", "diagnostics", "checksRemain", "recordId"])
        #expect(object["kind"] as? String == "record")
        #expect(object["valid"] as? Bool == false)
        #expect(object["errors"] as? Int == 1)
        #expect(((object["diagnostics"] as? [[String: Any]])?.first?["code"]) as? String == "R003")
        let report = ValidationReport(files: [ValidationReport.Entry(validation), ValidationReport.Entry(file: "gone.xml", kind: .record, diagnostics: [], failure: "gone.xml: cannot open")])
        #expect(report.valid == false)
        #expect(report.files[1].valid == false)
        let decoded = try JSONDecoder().decode(ValidationReport.self, from: Self.encoder.encode(report))
        #expect(decoded == report)
        #expect(decoded.files[0].diagnostics == validation.diagnostics)
    }

    @Test("refusing warnings makes an entry with warnings invalid, as --strict does")
    func refusingWarnings() throws {
        let validation = try Self.invalid("duplicate-narrative-language.xml")
        #expect(validation.isValid && !validation.diagnostics.isEmpty)
        #expect(ValidationReport.Entry(validation).valid)
        #expect(!ValidationReport.Entry(validation, refusingWarnings: true).valid)
        #expect(ValidationReport.Entry(validation).warnings == validation.diagnostics.count)
    }

    @Test("encoded validations (records, a record value, a bundle) are valid against schemas/accord-report-v1.schema.json")
    func matchesTheReportSchema() throws {
        guard ExternalTool.available("python3"), try ExternalTool.run("python3", ["-c", "import jsonschema"]).status == 0 else {
            print("skipped: Python's jsonschema is not installed")
            return
        }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notABundle = folder.appendingPathComponent("not-a-bundle.tar.gz")
        try Data("not a bundle".utf8).write(to: notABundle)
        let bundle = try BundleValidator().validate(atPath: notABundle.path)
        #expect(!bundle.isValid)
        var record = try Fixtures.motivatingRecord()
        record.officials[1].party = "ZZZ"
        let value = RecordValidator().validate(record)
        #expect(value.diagnostics.first?.location.property != nil)
        let records = try ["three-independent-mistakes.xml", "malformed.xml", "date-not-year-month-day.xml"].map(Self.invalid)
        let report = ValidationReport(files: records.map { ValidationReport.Entry($0) } + [ValidationReport.Entry(value), ValidationReport.Entry(bundle)])
        let reportFile = folder.appendingPathComponent("report.json")
        try Self.encoder.encode(report).write(to: reportFile)
        // The validations themselves, encoded, are entries of that form.
        let entries = folder.appendingPathComponent("entries.json")
        try Self.encoder.encode(ValidationReport(files: []).withEncodedFiles(records, value, bundle)).write(to: entries)
        let broken = folder.appendingPathComponent("broken.json")
        try Data(#"{"format": "accord-report/1", "tool": "accord", "version": "0", "valid": true, "files": [{"file": "x"}]}"#.utf8).write(to: broken)
        let output = try JSONSchemaCheck.run(schema: "accord-report-v1.schema.json", files: [reportFile.path, entries.path])
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(try JSONSchemaCheck.run(schema: "accord-report-v1.schema.json", files: [broken.path]).status == 1, "the check can fail")
    }
}

/// A report document whose `files` are the validations encoded directly (not through
/// `ValidationReport.Entry`), to check that their own encoding is the entry form.
private struct EncodedFiles: Encodable {
    var report: ValidationReport
    var records: [RecordValidation]
    var value: RecordValidation
    var bundle: BundleValidation

    enum CodingKeys: String, CodingKey { case format, tool, version, valid, files }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.format, forKey: .format)
        try container.encode(report.tool, forKey: .tool)
        try container.encode(report.version, forKey: .version)
        try container.encode(false, forKey: .valid)
        var files = container.nestedUnkeyedContainer(forKey: .files)
        for record in records { try files.encode(record) }
        try files.encode(value)
        try files.encode(bundle)
    }
}

extension ValidationReport {
    fileprivate func withEncodedFiles(_ records: [RecordValidation], _ value: RecordValidation, _ bundle: BundleValidation) -> EncodedFiles {
        EncodedFiles(report: self, records: records, value: value, bundle: bundle)
    }
}
