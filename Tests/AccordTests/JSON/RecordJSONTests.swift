@testable import Accord
import AccordTestSupport
import Foundation
import Testing

@Suite("JSON: records")
struct RecordJSONTests {
    static var generated: [PartnershipRecord] {
        var generator = RecordGenerator(seed: 42)
        return (0..<25).map { generator.record(index: $0) }
    }

    static func examples() throws -> [PartnershipRecord] {
        try Fixtures.validExampleFiles.map { try PartnershipRecord(validatingXML: Fixtures.bytes($0)) }
    }

    @Test("generated records are valid and use every element")
    func generatedRecordsAreValid() throws {
        for record in Self.generated {
            let result = RecordValidator().validate(record.xmlBytes(), file: record.id)
            #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        }
        let xml = Self.generated.map { String(decoding: $0.xmlBytes(), as: UTF8.self) }.joined()
        for element in XSDNames.elements(in: Fixtures.recordSchema) {
            #expect(xml.contains("<\(element)") || xml.contains(":\(element)"), "no generated record uses <\(element)>")
        }
    }

    @Test("XML to JSON to XML gives the canonical XML byte for byte; JSON to XML to JSON the same JSON")
    func roundTrips() throws {
        for record in try Self.examples() + Self.generated {
            let xml = record.xmlBytes()
            let json = record.jsonBytes()
            let fromJSON = RecordValidator().validateJSON(json, file: "\(record.id).json")
            let back = try #require(fromJSON.record, "\(fromJSON.diagnostics.map(\.formatted))")
            #expect(back.xmlBytes() == xml, "\(record.id)")
            #expect(back.jsonBytes() == json, "\(record.id)")
            #expect(back == record)
            let compact = RecordValidator().validateJSON(record.jsonBytes(compact: true), file: "compact")
            #expect(compact.record == record)
        }
    }

    @Test("the JSON is natural: arrays where the schema repeats, no @ or $ keys, amounts as strings")
    func naturalShape() throws {
        let record = try #require(Self.generated.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record.jsonBytes())) as? [String: Any])
        #expect(object["parties"] is [Any])
        #expect(object["title"] is [[String: Any]])
        let values = try #require(object["values"] as? [[String: Any]])
        #expect(values[0]["amount"] is String)
        let equipment = try #require(object["equipment"] as? [[String: Any]])
        #expect((equipment[0]["quantities"] as? [[String: Any]])?.first?["count"] is Int)
        let text = String(decoding: record.jsonBytes(), as: UTF8.self)
        #expect(!text.contains("\"@") && !text.contains("\"$"))
        // A single item is still an array.
        var single = record
        single.objectives = [single.objectives[0]]
        let singleObject = try #require(try JSONSerialization.jsonObject(with: Data(single.jsonBytes())) as? [String: Any])
        #expect((singleObject["objectives"] as? [Any])?.count == 1)
    }

    @Test("bad JSON is refused with its JSON path", arguments: [
        ("parties.1.country", "\"XKX\"", "$.parties[1].country", DiagnosticCode.invalidJSONStructure, "ISO 3166-1 alpha-3"),
        ("status", "\"maybe\"", "$.status", .invalidJSONStructure, "expected one of"),
        ("parties.0.colour", "\"red\"", "$.parties[0].colour", .invalidJSONStructure, "unknown property"),
        ("values.0.currency", "\"XBT\"", "$.values[0].currency", .invalidJSONStructure, "ISO 4217"),
        ("equipment.0.quantities.0.count", "\"twelve\"", "$.equipment[0].quantities[0].count", .invalidJSONStructure, "whole number"),
        ("events.0.date", "\"2025-13-45\"", "$.events[0]", .schemaViolation, "a date written year-month-day"),
        ("officials.0.party", "\"ZZZ\"", "$.officials[0]", .unknownPartyReference, "not a declared party"),
        ("extensions.0", "\"<broken\"", "$.extensions[0]", .invalidJSONStructure, "one XML element"),
    ])
    func badJSON(key: String, value: String, path: String, code: DiagnosticCode, message: String) throws {
        let record = try #require(Self.generated.first)
        let json = try JSONEdit.set(record.jsonBytes(), key: key, to: value)
        let result = RecordValidator().validateJSON(json, file: "bad.json")
        #expect(!result.isValid)
        let diagnostic = result.diagnostics.first { $0.code == code }
        #expect(diagnostic?.location.path == path, "\(result.diagnostics.map(\.formatted))")
        #expect(diagnostic?.message.contains(message) == true, "\(result.diagnostics.map(\.formatted))")
        #expect(diagnostic?.formatted.hasPrefix("bad.json:\(path): error[\(code.rawValue)]") == true)
    }

    @Test("a missing required property and a single party are named")
    func missingProperties() throws {
        let record = try #require(Self.generated.first)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(record.jsonBytes())) as? [String: Any])
        object.removeValue(forKey: "recordId")
        object["parties"] = Array((object["parties"] as! [Any]).prefix(1))
        let result = RecordValidator().validateJSON(Array(try JSONSerialization.data(withJSONObject: object)), file: "bad.json")
        let messages = result.diagnostics.map(\.formatted)
        #expect(messages.contains { $0.contains("$: error[J002]: missing required property 'recordId'") }, "\(messages)")
        #expect(messages.contains { $0.contains("$.parties: error[J002]: expected at least 2 items") }, "\(messages)")
    }

    @Test("validateRecordFile reads JSON by its name or its first character, XML otherwise")
    func recordFilesOfEitherForm() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let record = try Fixtures.motivatingRecord()
        let files = [
            ("record.json", record.jsonBytes()), ("record.txt", Array(" \n".utf8) + record.jsonBytes()),
            ("record.xml", record.xmlBytes()), ("bom.data", [0xEF, 0xBB, 0xBF] + record.jsonBytes(compact: true)),
        ]
        for (name, bytes) in files {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try RecordValidator().validateRecordFile(atPath: path)
            #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.formatted))")
            #expect(result.record == record, "\(name)")
        }
        let broken = folder.appendingPathComponent("broken.json").path
        try Data("not json".utf8).write(to: URL(fileURLWithPath: broken))
        #expect(try RecordValidator().validateRecordFile(atPath: broken).diagnostics.map(\.code) == [.malformedJSON])
    }

    @Test("the JSON of every example and generated record validates against the published JSON Schema")
    func jsonSchema() throws {
        guard ExternalTool.available("python3"),
              try ExternalTool.run("python3", ["-c", "import jsonschema"]).status == 0 else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, record) in (try Self.examples() + Self.generated).enumerated() {
            let file = folder.appendingPathComponent("\(index).json")
            try Data(record.jsonBytes()).write(to: file)
            files.append(file.path)
        }
        let output = try JSONSchemaCheck.run(schema: "partnership-record-v1.schema.json", files: files)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        // And a broken one fails, so the check above can fail.
        let broken = folder.appendingPathComponent("broken.json")
        try Data(JSONEdit.set(Self.generated[0].jsonBytes(), key: "status", to: "\"maybe\"")).write(to: broken)
        #expect(try JSONSchemaCheck.run(schema: "partnership-record-v1.schema.json", files: [broken.path]).status == 1)
    }
}

/// Edits one value in a JSON document, by a dotted path of keys and indexes.
enum JSONEdit {
    static func set(_ json: [UInt8], key: String, to value: String) throws -> [UInt8] {
        var root = try JSONSerialization.jsonObject(with: Data(json))
        let replacement = try JSONSerialization.jsonObject(with: Data(value.utf8), options: .fragmentsAllowed)
        func apply(_ node: Any, _ keys: ArraySlice<Substring>) -> Any {
            guard let first = keys.first else { return replacement }
            if var array = node as? [Any], let index = Int(first) {
                array[index] = apply(array[index], keys.dropFirst())
                return array
            }
            var object = node as? [String: Any] ?? [:]
            object[String(first)] = apply(object[String(first)] ?? [String: Any](), keys.dropFirst())
            return object
        }
        root = apply(root, key.split(separator: ".")[...])
        return Array(try JSONSerialization.data(withJSONObject: root))
    }
}
