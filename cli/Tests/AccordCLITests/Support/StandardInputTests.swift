import AccordTestSupport
import Foundation
import Testing

/// `-` for standard input: records and bundles from a pipe, named `-` in every message.
@Suite("Standard input")
struct StandardInputTests {
    static func accord(_ arguments: [String], input: Data) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments, input: input)
    }

    @Test("validate, inspect, unpack and convert read a record or a bundle from a pipe")
    func pipes() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try ExternalTool.run(Fixtures.accordExecutable, ["pack"] + Fixtures.validExampleFiles.map(\.path)
            + ["-o", bundle.path, "--sender", "ID-MOD", "--recipient", "FI-MOD=FIN"]).status == 0)
        let bundleBytes = try Data(contentsOf: bundle)
        let record = try Data(contentsOf: Fixtures.motivatingExample)

        let xml = try Self.accord(["validate", "-"], input: record)
        #expect(xml.status == 0 && xml.standardOutput == "-: valid\n")
        let json = try ExternalTool.run(Fixtures.accordExecutable, ["convert", Fixtures.motivatingExample.path])
        #expect(try Self.accord(["validate", "-"], input: Data(json.standardOutput.utf8)).standardOutput == "-: valid\n")
        let wrong = try Self.accord(["validate", "-"], input: try Data(contentsOf: Fixtures.invalidExamples.appendingPathComponent("date-not-year-month-day.xml")))
        #expect(wrong.status == 1 && wrong.standardError.hasPrefix("-:30: error[S001]: the date of <event>"), "\(wrong.standardError)")

        let checked = try Self.accord(["validate", "-", Fixtures.motivatingExample.path], input: bundleBytes)
        #expect(checked.status == 0 && checked.standardOutput.contains("-: valid"), "\(checked.standardError)")
        let truncated = try Self.accord(["validate", "-"], input: bundleBytes.prefix(bundleBytes.count / 2))
        #expect(truncated.status == 1 && truncated.standardError.hasPrefix("-: error[B002]"), "\(truncated.standardError)")
        #expect(!truncated.standardError.contains("/proc/") && !truncated.standardError.contains("/dev/fd"), "the scratch file is never named")

        let inspected = try Self.accord(["inspect", "--summary", "-"], input: bundleBytes)
        #expect(inspected.status == 0 && inspected.standardOutput.contains("Records     3"))
        let target = folder.appendingPathComponent("inbox")
        let unpacked = try Self.accord(["unpack", "-", "-o", target.path], input: bundleBytes)
        #expect(unpacked.status == 0 && FileManager.default.fileExists(atPath: target.appendingPathComponent("bagit.txt").path))
        let converted = try Self.accord(["convert", "-", "--ndjson"], input: bundleBytes)
        #expect(converted.status == 0 && converted.standardOutput.split(separator: "\n").count == 3)
        // Nothing of standard input is left in $TMPDIR.
        let scratch = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(".accord-stdin-") }
        #expect(scratch.isEmpty, "\(scratch)")
    }
}
