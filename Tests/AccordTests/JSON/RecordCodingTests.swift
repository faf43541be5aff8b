@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// `Codable` on a record is its JSON form: what `accord convert` writes decodes with
/// `JSONDecoder`, and `JSONEncoder` writes the documented keys.
@Suite("JSON: Codable records")
struct RecordCodingTests {
    static func records() throws -> [PartnershipRecord] {
        try RecordJSONTests.examples() + RecordJSONTests.generated
    }

    @Test("JSONDecoder reads the JSON form (pretty and one NDJSON line) back into the same record")
    func decodesTheJSONForm() throws {
        for record in try Self.records() {
            #expect(try JSONDecoder().decode(PartnershipRecord.self, from: Data(record.jsonBytes())) == record, "\(record.id)")
            #expect(try JSONDecoder().decode(PartnershipRecord.self, from: Data(record.jsonBytes(compact: true))) == record, "\(record.id)")
        }
    }

    @Test("JSONEncoder writes the documented keys and the same value as jsonBytes()")
    func encodesTheJSONForm() throws {
        let record = try Fixtures.motivatingRecord()
        let encoded = try JSONEncoder().encode(record)
        let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        #expect(Set(object.keys) == ["schemaVersion", "lang", "recordId", "reportingOrg", "lastUpdated", "title", "description",
                                     "agreement", "status", "parties", "officials", "events", "cooperationAreas", "equipment", "objectives",
                                     "sources", "confidentiality"])
        #expect(object["recordId"] as? String == "ID-MOD-2025-BLR-001")
        let title = try #require(object["title"] as? [[String: Any]])
        #expect(title.first?["lang"] as? String == "id")
        let label = try #require(object["confidentiality"] as? [String: Any])
        #expect(Set(label.keys) == ["policy", "classification"], "an empty releasableTo is left out")
        // The same value as the canonical bytes: read back, it writes them again.
        let back = RecordValidator().validateJSON(Array(encoded), file: "encoded.json")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics.map(\.formatted))")
        #expect(back.record?.jsonBytes() == record.jsonBytes())
        for generated in RecordJSONTests.generated {
            #expect(try JSONDecoder().decode(PartnershipRecord.self, from: JSONEncoder().encode(generated)) == generated)
        }
    }

    @Test("a decoding failure leads to the problem: coding path and JSON path")
    func decodingFailureNamesThePath() throws {
        let record = try #require(RecordJSONTests.generated.first)
        let bad = try JSONEdit.set(record.jsonBytes(), key: "parties.1.country", to: "\"XKX\"")
        let list = Data("[".utf8 + record.jsonBytes(compact: true) + ",".utf8 + bad + "]".utf8)
        do {
            _ = try JSONDecoder().decode([PartnershipRecord].self, from: list)
            Issue.record("a record with country XKX was decoded")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } == ["1", "parties", "1", "country"])
            #expect(context.debugDescription.hasPrefix("$.parties[1].country: expected an ISO 3166-1 alpha-3 code"), "\(context.debugDescription)")
        }
        let missing = try JSONEdit.set(record.jsonBytes(), key: "status", to: "\"maybe\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(PartnershipRecord.self, from: Data(missing)) }
    }

    @Test("decoding checks the form only; init(json:) runs the schema and the rules too")
    func decodingAgainstValidating() throws {
        let record = try #require(RecordJSONTests.generated.first)
        let json = try JSONEdit.set(record.jsonBytes(), key: "officials.0.party", to: "\"ZZZ\"")
        let decoded = try JSONDecoder().decode(PartnershipRecord.self, from: Data(json))
        #expect(decoded.officials[0].party == "ZZZ")
        #expect(throws: RecordInvalid.self) { try PartnershipRecord(json: json) }
        do {
            _ = try PartnershipRecord(json: json, file: "bad.json")
        } catch {
            #expect(error.diagnostics.map(\.code) == [.unknownPartyReference])
            #expect(error.diagnostics.first?.location.path == "$.officials[0]")
            #expect(error.description.hasPrefix("bad.json:$.officials[0]: error[R005]"), "\(error.description)")
        }
        #expect(try PartnershipRecord(json: record.jsonBytes()) == record)
    }

    @Test("a narrative and a label are Codable in their JSON form")
    func nestedForms() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(String(decoding: try encoder.encode(Narrative("Hai", language: "id")), as: UTF8.self) == #"{"lang":"id","text":"Hai"}"#)
        #expect(String(decoding: try encoder.encode(Narrative("Hello")), as: UTF8.self) == #"{"text":"Hello"}"#)
        let open = ConfidentialityLabel(policy: "ID-MOD", classification: .unclassified)
        #expect(String(decoding: try encoder.encode(open), as: UTF8.self) == #"{"classification":"unclassified","policy":"ID-MOD"}"#)
        let restricted = ConfidentialityLabel(policy: "EE-MOD", classification: .restricted, releasableTo: ["EST", "FIN"])
        #expect(try JSONDecoder().decode(ConfidentialityLabel.self, from: encoder.encode(restricted)) == restricted)
        #expect(try JSONDecoder().decode(ConfidentialityLabel.self, from: Data(#"{"policy":"X","classification":"secret"}"#.utf8))
            == ConfidentialityLabel(policy: "X", classification: .secret))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Narrative.self, from: Data(#"{"language":"en","text":"Hello"}"#.utf8))
        }
    }
}
