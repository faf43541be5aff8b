@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// libxml2's schema errors in a clerk's words: each kind, from libxml2's own text.
@Suite("Schema: messages for people")
struct SchemaErrorTranslationTests {
    /// (libxml2 code, element, parent, libxml2's text, what the clerk reads).
    static let cases: [(Int32, String, String?, String, String)] = [
        (1824, "event", "events", "Element 'event', attribute 'date': '12/09/2024' is not a valid value of the atomic type 'xs:date'.",
         "the date of <event> is '12/09/2024', which is not a date written year-month-day; write it like 2025-07-28"),
        (1839, "lastUpdated", "partnershipRecord", "Element 'lastUpdated': [facet 'pattern'] The value '2025-07-30T00:00:00' is not accepted by the pattern '.+(Z|[+\\-][0-9]{2}:[0-9]{2})'.",
         "<lastUpdated> is '2025-07-30T00:00:00', which is not a date and time with its time zone"),
        (1839, "party", "parties", "Element 'party', attribute 'country': [facet 'pattern'] The value 'GH' is not accepted by the pattern '[A-Z]{3}'.",
         "the country of <party> is 'GH', which is not a country's ISO 3166-1 alpha-3 code"),
        (1839, "party", "parties", "Element 'party', attribute 'country': [facet 'pattern'] The value 'Ghana' is not accepted by the pattern '[A-Z]{3}'.",
         "(Ghana is GHA)"),
        (1839, "value", "values", "Element 'value', attribute 'currency': [facet 'pattern'] The value 'usd' is not accepted by the pattern '[A-Z]{3}'.",
         "which is not an ISO 4217 currency code"),
        (1839, "recordId", "partnershipRecord", "Element 'recordId': [facet 'pattern'] The value 'bad id' is not accepted by the pattern '[A-Za-z0-9]+(-[A-Za-z0-9]+)*-[A-Za-z0-9._\\-]+'.",
         "which is not a record id"),
        (1839, "reportingOrg", "partnershipRecord", "Element 'reportingOrg', attribute 'ref': [facet 'pattern'] The value 'Ministry of Defence' is not accepted by the pattern '[A-Za-z0-9]+(-[A-Za-z0-9]+)*'.",
         "which is not an organisation identifier"),
        (1840, "status", "partnershipRecord", "Element 'status': [facet 'enumeration'] The value 'anounced' is not an element of the set {'announced', 'under-negotiation', 'signed'}.",
         "<status> is 'anounced', which is not one of the values it can take: announced, under-negotiation, signed; did you mean 'announced'?"),
        (1871, "description", "partnershipRecord", "Element 'description': This element is not expected. Expected is ( title ).",
         "<partnershipRecord> needs <title> here, before <description>: add it if it is missing, or move it here if it comes later"),
        (1871, "statsu", "partnershipRecord", "Element 'statsu': This element is not expected. Expected is ( status ).",
         "<statsu> is not an element of a record; did you mean <status>?"),
        (1871, "partnershipRecord", nil, "Element 'partnershipRecord': Missing child element(s). Expected is one of ( relatedRecords, confidentiality ).",
         "<partnershipRecord> is missing <confidentiality>, which it needs (it may also have <relatedRecords> before it)"),
        (1868, "partnershipRecord", nil, "Element 'partnershipRecord': The attribute 'xml:lang' is required but missing.",
         "<partnershipRecord> does not say its language: add xml:lang=\"en\""),
        (1866, "narrative", "name", "Element 'narrative', attribute 'lang': The attribute 'lang' is not allowed.",
         "a language is written xml:lang=\"en\""),
        (1866, "partnershipRecord", nil, "Element 'partnershipRecord', attribute 'xml:lnag': The attribute 'xml:lnag' is not allowed.",
         "a language is written xml:lang=\"en\""),
        (1832, "locality", "place", "Element 'locality': [facet 'maxLength'] The value has a length of '300'; this exceeds the allowed maximum length of '256'.",
         "<locality> is 300 characters long; at most 256 are allowed"),
    ]

    @Test("each kind of schema error becomes a sentence a clerk can act on", arguments: 0..<cases.count)
    func translates(index: Int) {
        let (code, element, parent, message, expected) = Self.cases[index]
        let said = SchemaErrorTranslation.translate(.init(code: code, message: message, element: element, attribute: nil, parent: parent))
        #expect(said?.contains(expected) == true, "\(said ?? "nil")")
    }

    @Test("what it does not know keeps libxml2's words")
    func unknown() {
        #expect(SchemaErrorTranslation.translate(.init(code: 9999, message: "Something odd.", element: "x", attribute: nil, parent: nil)) == nil)
    }

    @Test("misspellings: two edits at most, a swap counting as one")
    func misspellings() {
        #expect(Spelling.editDistance("statsu", "status") == 1)
        #expect(Spelling.closest(to: "titel", in: ["title", "description"]) == "title")
        #expect(Spelling.closest(to: "banana", in: ["title", "description"]) == nil)
    }

    @Test("a record with three independent mistakes reports all three in one run, and counts what it reports")
    func threeMistakes() throws {
        let file = Fixtures.invalidExamples.appendingPathComponent("three-independent-mistakes.xml")
        let result = try RecordValidator().validateRecordFile(atPath: file.path)
        #expect(result.diagnostics.map(\.code) == [.schemaViolation, .recordIdPrefix, .unknownCountryCode], "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.allSatisfy { $0.severity == .error && $0.location.line != nil })
        #expect(!result.checksRemain)
        #expect(result.record == nil, "a record the schema refuses is not handed out")
        guard ExternalTool.available("xmllint") else { return }
        // xmllint sees the schema's one; the rules see the other two.
        let linted = try ExternalTool.run("xmllint", ["--noout", "--schema", Fixtures.recordSchema.path, file.path])
        #expect(linted.standardError.components(separatedBy: "Schemas validity error").count - 1 == 1)
    }

    @Test("a record the rules cannot read says that more checks follow")
    func checksRemain() throws {
        let result = try RecordValidator().validateRecordFile(atPath: Fixtures.invalidExamples.appendingPathComponent("misspelled-element.xml").path)
        #expect(result.checksRemain)
        let valid = try RecordValidator().validateRecordFile(atPath: Fixtures.motivatingExample.path)
        #expect(!valid.checksRemain)
    }
}
