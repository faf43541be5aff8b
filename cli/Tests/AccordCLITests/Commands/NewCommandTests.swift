import AccordTestSupport
import Foundation
import Testing

/// `accord new record`: a skeleton a clerk fills in, valid once filled.
@Suite("accord new record")
struct NewCommandTests {
    static func accord(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments)
    }

    @Test("the skeleton says what each FILL-IN should hold, and is valid once they are filled; it never replaces a file")
    func skeleton() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("draft.xml")
        #expect(try Self.accord(["new", "record", "-o", draft.path]).status == 0)
        let unfilled = try Self.accord(["validate", draft.path])
        #expect(unfilled.status == 1)
        #expect(unfilled.standardError.contains("'FILL-IN', which is not a date and time with its time zone"))

        // What a clerk writes, FILL-IN by FILL-IN, in the order they appear.
        let answers = [
            "ID-MOD-2025-BLR-002", "ID-MOD", "IDN", "Ministry of Defence of the Republic of Indonesia",
            "2025-08-01T09:00:00+07:00", "Follow-up talks on joint training",
            "memorandum-of-understanding", "bilateral", "under-negotiation",
            "IDN", "IDN", "Ministry of Defence of the Republic of Indonesia",
            "BLR", "BLR", "Ministry of Defence of the Republic of Belarus",
            "ID-MOD", "unclassified",
        ]
        let skeleton = try String(contentsOf: draft, encoding: .utf8)
        // Every FILL-IN the schema accepts as it is must still be caught: one left in a name.
        var partial = skeleton
        for (index, answer) in answers.enumerated() {
            guard let range = partial.range(of: #"(?<=[>"])FILL-IN[^<"]*"#, options: .regularExpression) else { break }
            partial.replaceSubrange(range, with: index == 3 ? "Ministry of FILL-IN" : answer)
        }
        try partial.write(to: draft, atomically: true, encoding: .utf8)
        let half = try Self.accord(["validate", draft.path])
        #expect(half.status == 1 && half.standardError.contains("error[R014]: <reportingOrg> still holds FILL-IN"), "\(half.standardError)")

        var text = skeleton
        for answer in answers {
            // A placeholder inside a narrative carries a hint after it: the whole text goes.
            guard let range = text.range(of: #"(?<=[>"])FILL-IN[^<"]*"#, options: .regularExpression) else { Issue.record("fewer FILL-INs than answers"); return }
            text.replaceSubrange(range, with: answer)
        }
        #expect(text.range(of: #"(?<=[>"])FILL-IN"#, options: .regularExpression) == nil, "every FILL-IN answered")
        try text.write(to: draft, atomically: true, encoding: .utf8)
        let filled = try Self.accord(["validate", draft.path])
        #expect(filled.status == 0, "\(filled.standardError)")

        let again = try Self.accord(["new", "record", "-o", draft.path])
        #expect(again.status == 2 && again.standardError.contains("already exists"))
    }
}
