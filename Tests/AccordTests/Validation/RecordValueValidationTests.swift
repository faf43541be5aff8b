@testable import Accord
import AccordTestSupport
import Testing

/// A record built in code is validated as a value: its diagnostics point at elements and
/// properties, never at lines of XML the program did not see.
@Suite("Validation: records as values")
struct RecordValueValidationTests {
    @Test("a valid record has no diagnostic and is named 'record <id>'")
    func validRecord() throws {
        let record = try Fixtures.motivatingRecord()
        let result = RecordValidator().validate(record)
        #expect(result.diagnostics.isEmpty)
        #expect(result.isValid)
        #expect(result.file == "record ID-MOD-2025-BLR-001")
        #expect(result.record == record)
        #expect(RecordValidator().validate(record, name: "form 7").file == "form 7")
    }

    @Test("a rule's finding has the element path and the property path, no line or column")
    func ruleFinding() throws {
        var record = try Fixtures.motivatingRecord()
        record.officials[1].party = "ZZZ"
        let result = RecordValidator().validate(record)
        #expect(result.diagnostics.map(\.code) == [.unknownPartyReference])
        let location = try #require(result.diagnostics.first?.location)
        #expect(location == SourceLocation(
            file: "record ID-MOD-2025-BLR-001", path: "/partnershipRecord/officials/official[2]", property: "officials[1]"))
        #expect(result.diagnostics[0].formatted.hasPrefix("record ID-MOD-2025-BLR-001:officials[1]: error[R005]: "))
    }

    @Test("a schema error, which libxml2 gives by line, gets the element's paths instead")
    func schemaError() throws {
        var record = try Fixtures.motivatingRecord()
        record.events[0].date = "2025-13-45"
        record.parties[1].country = "BY"
        let result = RecordValidator().validate(record, name: "draft")
        #expect(!result.isValid)
        #expect(result.diagnostics.allSatisfy { $0.location.line == nil && $0.location.column == nil && $0.location.file == "draft" })
        let properties = result.diagnostics.compactMap(\.location.property)
        #expect(properties == ["parties[1]", "events[0]"], "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.map(\.location.path) == ["/partnershipRecord/parties/party[2]", "/partnershipRecord/events/event[1]"])
        #expect(result.diagnostics.map(\.code) == [.schemaViolation, .schemaViolation])
    }
}
