import Accord
import Foundation
import AccordTestSupport
import Testing

@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    @Test("docs/rules.md explains every code with its severity")
    func documented() throws {
        let text = try String(contentsOf: Fixtures.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            let heading = text.components(separatedBy: "\n").first { $0.hasPrefix("### \(code.rawValue) ") }
            #expect(heading != nil, "docs/rules.md has no '### \(code.rawValue)' heading")
        }
    }

    @Test("every file in examples/invalid produces the code written beside it")
    func invalidExamplesProduceTheirCodes() throws {
        let table = try String(contentsOf: Fixtures.invalidExamples.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var listed: Set<String> = []
        for line in table.split(separator: "\n").dropFirst() where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count >= 2, "bad line in expected.tsv: \(line)")
            listed.insert(fields[0])
            let file = Fixtures.invalidExamples.appendingPathComponent(fields[0])
            let result = try RecordValidator().validateRecordFile(atPath: file.path)
            let code = try #require(DiagnosticCode(rawValue: fields[1]), "unknown code \(fields[1])")
            #expect(result.diagnostics.contains { $0.code == code }, "\(fields[0]) should produce \(code.rawValue), got \(result.diagnostics.map(\.formatted))")
            if fields.count >= 3 {
                // The clerk's sentence, and for a schema error libxml2's own words beside it.
                let said = result.diagnostics.first { $0.code == code && $0.message.contains(fields[2]) }
                #expect(said != nil, "\(fields[0]) should say '\(fields[2])', got \(result.diagnostics.map(\.formatted))")
                if code == .schemaViolation { #expect(said?.technical?.isEmpty == false, "\(fields[0]) keeps libxml2's text") }
            }
            #expect(result.diagnostics.allSatisfy { $0.location.line != nil || $0.code == .documentTooLarge }, "\(fields[0]): every diagnostic has a line")
            if code.severity == .warning {
                #expect(result.isValid, "\(fields[0]) carries only warnings")
            } else {
                #expect(!result.isValid, "\(fields[0]) is refused")
            }
        }
        let files = Set(Fixtures.invalidExampleFiles.map(\.lastPathComponent))
        #expect(files == listed, "every invalid example is listed in expected.tsv and vice versa")
    }
}
