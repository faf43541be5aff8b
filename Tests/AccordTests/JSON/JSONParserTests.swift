@testable import Accord
import Testing

@Suite("JSON: parser and serializer")
struct JSONParserTests {
    @Test("parses and writes back canonically", arguments: [
        #"{"a": [1, -2.5e3, true, false, null], "b": {"c": "d"}}"#,
        #"{"text": "\u00e9\ud83d\ude00 \"quoted\" \\ tab\t"}"#,
        #"[]"#, #"{}"#, #""only a string""#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONParser.parse(Array(text.utf8))
        let written = JSONSerializer.pretty(value)
        #expect(try JSONParser.parse(written) == value)
        #expect(JSONSerializer.pretty(try JSONParser.parse(written)) == written)
        #expect(try JSONParser.parse(JSONSerializer.compact(value)) == value)
    }

    @Test("refuses what RFC 8259 refuses, with line and column", arguments: [
        (#"{"a": 1,}"#, "expected a property name"),
        (#"[1, 2,]"#, "expected a value"),
        (#"{"a": 1, "a": 2}"#, "appears twice"),
        (#"{"a": 01}"#, "cannot start with 0"),
        (#""\ud800""#, "surrogate"),
        ("\"tab\there\"", "control characters"),
        (#"{"a": 1} x"#, "after the JSON value"),
        (#"// comment"#, "expected a value"),
        (#"{"a": tru}"#, "expected a value"),
    ])
    func refuses(text: String, message: String) {
        #expect {
            _ = try JSONParser.parse(Array(text.utf8))
        } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains(message) == true
        }
    }

    @Test("invalid UTF-8 and deep nesting are refused")
    func hostile() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        let deep = Array((String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)).utf8)
        #expect { _ = try JSONParser.parse(deep, maxDepth: 64) } throws: { error in
            (error as? JSONParser.SyntaxError)?.message.contains("nested more than 64") == true
        }
    }

    @Test("line and column point at the problem")
    func position() {
        do {
            _ = try JSONParser.parse(Array("{\n  \"a\": 1,\n  \"b\" 2\n}".utf8))
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.line == 3)
            #expect(error.column == 7)
        }
    }
}
