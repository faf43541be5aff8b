import AccordTestSupport
import Foundation
import Testing

/// The JSON Schemas are kept in step with the XSDs: every element and attribute of an XSD
/// is a property of its JSON Schema (under the renames of docs/json-mapping.md), and
/// every property of a JSON Schema comes from the XSD.
@Suite("JSON: schemas in step with the XSDs")
struct SchemaSyncTests {
    /// XSD names that have no JSON property of their own, and renamed ones.
    static let dropped: Set<String> = ["narrative", "party", "official", "event", "area", "item", "objective", "value", "document", "relatedRecord", "record", "recipient", "attachment"]
    static let renamed = ["quantity": "quantities", "partnershipRecord": nil, "bundleEnvelope": nil] as [String: String?]

    static func properties(_ schema: Any) -> Set<String> {
        var names: Set<String> = []
        func walk(_ node: Any) {
            if let object = node as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] { names.formUnion(properties.keys) }
                object.values.forEach(walk)
            } else if let array = node as? [Any] {
                array.forEach(walk)
            }
        }
        walk(schema)
        return names
    }

    /// The JSON properties the XSD calls for: its attributes, its elements but those that
    /// vanish into arrays, the renamed ones, and `lang`/`text` for narratives.
    static func expected(fromXSD url: URL, droppingAttributes: Set<String> = []) -> Set<String> {
        var names: Set<String> = ["lang", "text"]
        for name in XSDNames.elements(in: url) where !dropped.contains(name) {
            if let renamed = renamed[name] {
                if let renamed { names.insert(renamed) }
            } else {
                names.insert(name)
            }
        }
        names.formUnion(Set(XSDNames.attributes(in: url)).subtracting(droppingAttributes))
        return names
    }

    @Test("record: XSD and JSON Schema name the same things")
    func record() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.root.appendingPathComponent("schemas/partnership-record-v1.schema.json")))
        let json = Self.properties(schema)
        // The text of <value> and <quantity> becomes "amount" and "count".
        let xsd = Self.expected(fromXSD: Fixtures.recordSchema).union(["amount", "count"])
        #expect(xsd.subtracting(json).isEmpty, "in the XSD, not the JSON Schema: \(xsd.subtracting(json).sorted())")
        #expect(json.subtracting(xsd).isEmpty, "in the JSON Schema, not the XSD: \(json.subtracting(xsd).sorted())")
    }

    @Test("bundle envelope: XSD and JSON Schema name the same things")
    func envelope() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.root.appendingPathComponent("schemas/bundle-v1.schema.json")))
        let json = Self.properties(schema)
        // sender and recipients carry their ref directly as strings, and the recipients'
        // states are gathered in recipientStates; the bundle document wraps the envelope
        // and the records.
        let xsd = Self.expected(fromXSD: Fixtures.root.appendingPathComponent("schemas/bundle-envelope-v1.xsd"), droppingAttributes: ["ref", "state"])
            .union(["envelope", "records", "recipientStates"])
        #expect(xsd.subtracting(json).isEmpty, "in the XSD, not the JSON Schema: \(xsd.subtracting(json).sorted())")
        #expect(json.subtracting(xsd).isEmpty, "in the JSON Schema, not the XSD: \(json.subtracting(xsd).sorted())")
    }
}
