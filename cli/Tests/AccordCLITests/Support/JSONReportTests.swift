import AccordTestSupport
import Foundation
import Testing

/// The JSON report: every command that prints one prints the form its schema describes.
@Suite("JSON report")
struct JSONReportTests {
    static func accord(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments)
    }

    @Test("validate, pack, unpack, sign and convert print reports that schemas/accord-report-v1.schema.json accepts")
    func reportsMatchTheirSchema() throws {
        guard ExternalTool.available("python3"), try ExternalTool.run("python3", ["-c", "import jsonschema"]).status == 0 else {
            print("skipped: Python's jsonschema is not installed")
            return
        }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("b.tar.gz").path
        let key = folder.appendingPathComponent("k").path
        let invalid = Fixtures.invalidExamples
        let runs: [(String, [String], Int32)] = [
            ("validate-valid", ["validate", Fixtures.motivatingExample.path, "--format", "json"], 0),
            ("validate-three", ["validate", invalid.appendingPathComponent("three-independent-mistakes.xml").path,
                                invalid.appendingPathComponent("misspelled-element.xml").path, "--format", "json"], 1),
            ("validate-missing", ["validate", folder.appendingPathComponent("nothing.xml").path, "--format", "json"], 2),
            ("pack-refused", ["pack"] + Fixtures.validExampleFiles.map(\.path) + ["-o", bundle, "--sender", "ID-MOD", "--recipient", "BY-MOD=BLR", "--format", "json"], 1),
            ("pack", ["pack"] + Fixtures.validExampleFiles.map(\.path) + ["-o", bundle, "--sender", "ID-MOD", "--recipient", "FI-MOD=FIN", "--format", "json"], 0),
            ("validate-bundle", ["validate", bundle, "--format", "json"], 0),
            ("unpack", ["unpack", bundle, "-o", folder.appendingPathComponent("inbox").path, "--format", "json"], 0),
            ("convert", ["convert", bundle, "-o", folder.appendingPathComponent("b.json").path, "--format", "json"], 0),
            ("keygen", ["keygen", "--out", key], 0),
            ("sign", ["sign", bundle, "--key", key + ".key", "--format", "json"], 0),
        ]
        var reports: [String] = []
        for (name, arguments, status) in runs {
            let output = try Self.accord(arguments)
            #expect(output.status == status, "\(name): \(output.standardError)")
            if arguments.contains("--format") {
                let file = folder.appendingPathComponent("\(name).report.json")
                try Data(output.standardOutput.utf8).write(to: file)
                reports.append(file.path)
            }
        }
        let check = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            for path in sys.argv[2:]:
                jsonschema.Draft202012Validator(schema).validate(json.load(open(path)))
            print("ok", len(sys.argv) - 2)
            """
        let checked = try ExternalTool.run("python3", ["-c", check, Fixtures.root.appendingPathComponent("schemas/accord-report-v1.schema.json").path] + reports)
        #expect(checked.status == 0 && checked.standardOutput.contains("ok \(reports.count)"), "\(checked.standardError)")
    }

    @Test("convert refuses --format json when the document itself goes to standard output")
    func convertRefusesMixedOutput() throws {
        let output = try Self.accord(["convert", Fixtures.motivatingExample.path, "--format", "json"])
        #expect(output.status == 2 && output.standardError.contains("write the document to a file with -o FILE"))
        #expect(output.standardOutput.isEmpty)
    }
}
