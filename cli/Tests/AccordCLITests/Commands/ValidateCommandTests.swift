import AccordTestSupport
import Foundation
import Testing

/// `accord validate` as a user runs it: output, exit statuses, JSON report, help.
@Suite("accord validate")
struct ValidateCommandTests {
    func accord(_ arguments: String...) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments)
    }

    @Test("a valid record: exit 0, nothing on stderr")
    func validRecord() throws {
        let output = try accord("validate", Fixtures.motivatingExample.path)
        #expect(output.status == 0)
        #expect(output.standardError.isEmpty)
        #expect(output.standardOutput.contains("indonesia-belarus-2025.xml: valid"))
    }

    @Test("an invalid record: exit 1, compiler-style diagnostics on stderr")
    func invalidRecord() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bad.xml")
        let source = try String(contentsOf: Fixtures.motivatingExample, encoding: .utf8)
            .replacingOccurrences(of: "<official party=\"BLR\"", with: "<official party=\"RUS\"")
            .replacingOccurrences(of: "<status>announced</status>", with: "<status>signed</status>")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let output = try accord("validate", file.path)
        #expect(output.status == 1)
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("\(file.path):") && $0.contains(": error[R005]: ") })
        #expect(lines.contains { $0.contains(": warning[R011]: ") })
        #expect(output.standardOutput.contains("invalid (1 error, 1 warning)"))
    }

    @Test("warnings pass unless --strict")
    func strict() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("warn.xml")
        let source = try String(contentsOf: Fixtures.motivatingExample, encoding: .utf8)
            .replacingOccurrences(of: "<status>announced</status>", with: "<status>signed</status>")
        try source.write(to: file, atomically: true, encoding: .utf8)
        #expect(try accord("validate", file.path).status == 0)
        #expect(try accord("validate", "--strict", file.path).status == 1)
    }

    @Test("--profile bagit checks any BagIt bag by RFC 8493 alone; the Accord profile refuses it")
    func plainBagItProfile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bag = folder.appendingPathComponent("bag")
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data("hello\n".utf8).write(to: bag.appendingPathComponent("data/hello.txt"))
        try Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8).write(to: bag.appendingPathComponent("bagit.txt"))
        try Data("b1946ac92492d2347c6235b4d2611184  data/hello.txt\n".utf8).write(to: bag.appendingPathComponent("manifest-md5.txt"))
        let plain = try accord("validate", "--profile", "bagit", bag.path)
        #expect(plain.status == 0, "\(plain.standardError)")
        let accordProfile = try accord("validate", bag.path)
        #expect(accordProfile.status == 1)
        try Data("00000000000000000000000000000000  data/hello.txt\n".utf8).write(to: bag.appendingPathComponent("manifest-md5.txt"))
        let damaged = try accord("validate", "--profile", "bagit", bag.path)
        #expect(damaged.status == 1)
        #expect(damaged.standardError.contains("[data/hello.txt]: error[B012]: the MD5 digest of 'data/hello.txt' differs from manifest-md5.txt"), "\(damaged.standardError)")
    }

    @Test("a missing file: exit 2 and the file named")
    func missingFile() throws {
        let output = try accord("validate", "/nonexistent/record.xml")
        #expect(output.status == 2)
        #expect(output.standardError.contains("/nonexistent/record.xml: cannot open"))
    }

    @Test("usage errors exit 2")
    func usageError() throws {
        #expect(try accord("validate").status == 2)
        #expect(try accord("validate", "--format", "yaml", Fixtures.motivatingExample.path).status == 2)
        #expect(try accord("frobnicate").status == 2)
    }

    @Test("--format json: a report on stdout that parses, with every diagnostic")
    func jsonReport() throws {
        let files = Fixtures.invalidExampleFiles.prefix(3).map(\.path) + [Fixtures.motivatingExample.path]
        let output = try ExternalTool.run(Fixtures.accordExecutable, ["validate", "--format", "json"] + files)
        #expect(output.status == 1)
        #expect(output.standardError.isEmpty)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [String: Any])
        #expect(report["valid"] as? Bool == false)
        let entries = try #require(report["files"] as? [[String: Any]])
        #expect(entries.map { $0["file"] as? String } == files)
        #expect(entries.last?["valid"] as? Bool == true)
        #expect(entries.last?["recordId"] as? String == "ID-MOD-2025-BLR-001")
        for entry in entries.dropLast() {
            let diagnostics = try #require(entry["diagnostics"] as? [[String: Any]])
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { ($0["code"] as? String)?.count == 4 && $0["severity"] != nil && $0["message"] != nil })
        }
    }

    @Test("help shows examples and exit statuses", arguments: [["--help"], ["validate", "--help"]])
    func help(arguments: [String]) throws {
        let output = try ExternalTool.run(Fixtures.accordExecutable, arguments)
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("EXAMPLES"))
        #expect(output.standardOutput.contains("EXIT STATUS"))
    }
}
