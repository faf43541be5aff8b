@testable import Accord
import Foundation
import AccordTestSupport
import Testing

/// Accord's verdict agrees with `xmllint --schema` on the very same schema files:
/// whatever xmllint rejects, Accord rejects; whatever xmllint accepts passes Accord's
/// well-formedness and schema checks. Accord may refuse more: its safety policy (DOCTYPE,
/// depth, size, external loads) and its rules go beyond what xmllint checks.
@Suite("Schema: agreement with xmllint")
struct XmllintAgreementTests {
    /// The codes that correspond to an xmllint rejection.
    static let xmllintCodes: Set<DiagnosticCode> = [.malformedXML, .notAPartnershipRecord, .schemaViolation]

    static func structural(_ result: RecordValidation) -> Bool {
        result.diagnostics.contains { xmllintCodes.contains($0.code) }
    }

    static func xmllintAccepts(_ file: URL) throws -> Bool {
        let output = try ExternalTool.run("xmllint", ["--noout", "--nonet", "--schema", Fixtures.recordSchema.path, file.path])
        return output.status == 0
    }

    static func assertAgreement(_ file: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let result = try RecordValidator().validateRecordFile(atPath: file.path)
        let accordStructural = structural(result)
        let xmllint = try xmllintAccepts(file)
        if xmllint {
            #expect(!accordStructural, "xmllint accepts \(file.lastPathComponent) but accord reports \(result.diagnostics.map(\.formatted))", sourceLocation: sourceLocation)
        } else {
            #expect(!result.isValid, "xmllint rejects \(file.lastPathComponent) but accord accepts it", sourceLocation: sourceLocation)
        }
    }

    @Test("every example, valid and invalid", arguments: Fixtures.validExampleFiles + Fixtures.invalidExampleFiles)
    func examples(file: URL) throws {
        guard ExternalTool.available("xmllint") else { return }
        try Self.assertAgreement(file)
    }

    @Test("valid examples are valid for both")
    func validExamplesValid() throws {
        guard ExternalTool.available("xmllint") else { return }
        for file in Fixtures.validExampleFiles {
            #expect(try Self.xmllintAccepts(file), "\(file.lastPathComponent)")
            #expect(try RecordValidator().validateRecordFile(atPath: file.path).diagnostics.isEmpty, "\(file.lastPathComponent)")
        }
    }

    @Test("documents derived from the examples by random mutation")
    func mutatedDocuments() throws {
        guard ExternalTool.available("xmllint") else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SplitMix64(seed: 2025_07_28)
        var disagreements: [String] = []
        for (index, source) in Fixtures.validExampleFiles.enumerated() {
            let text = String(decoding: try Fixtures.bytes(source), as: UTF8.self)
            for round in 0..<40 {
                let mutated = DocumentMutator.mutate(text, using: &generator)
                let file = folder.appendingPathComponent("m\(index)-\(round).xml")
                try Data(mutated.utf8).write(to: file)
                let result = try RecordValidator().validateRecordFile(atPath: file.path)
                let structural = Self.structural(result)
                let xmllint = try Self.xmllintAccepts(file)
                if xmllint == structural || (!xmllint && result.isValid) {
                    disagreements.append("\(file.lastPathComponent): xmllint \(xmllint ? "accepts" : "rejects"), accord \(result.diagnostics.map(\.formatted))")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}

/// Small textual mutations of a valid record: each keeps the document mostly intact so
/// that the schema, not the parser, is what the mutation tests.
enum DocumentMutator {
    static let garbage = ["", "zzz", "-1", "2025-13-45", "ID MOD", "X", "1.0.0", "bilateral", "999999999999", "en", "ÄÖ", "&amp;"]

    static func mutate(_ text: String, using generator: inout SplitMix64) -> String {
        var lines = text.components(separatedBy: "\n")
        let candidates = Array(2..<(lines.count - 1))
        let index = candidates[Int(generator.next() % UInt64(candidates.count))]
        switch generator.next() % 5 {
        case 0:
            lines.remove(at: index)
        case 1:
            lines.insert(lines[index], at: index)
        case 2:
            lines.swapAt(index, min(index + 1, lines.count - 2))
        case 3:
            // Replace an attribute value.
            let parts = lines[index].components(separatedBy: "\"")
            if parts.count >= 3 {
                var changed = parts
                let slot = 1 + 2 * Int(generator.next() % UInt64(parts.count / 2))
                changed[slot] = garbage[Int(generator.next() % UInt64(garbage.count))]
                lines[index] = changed.joined(separator: "\"")
            }
        default:
            // Replace element text.
            if let open = lines[index].firstIndex(of: ">"), let close = lines[index].lastIndex(of: "<"), open < close {
                let value = garbage[Int(generator.next() % UInt64(garbage.count))]
                lines[index] = String(lines[index][...open]) + value + String(lines[index][close...])
            }
        }
        return lines.joined(separator: "\n")
    }
}
