import AccordTestSupport
import Foundation
import Testing

/// `accord convert` as a user runs it.
@Suite("accord convert")
struct ConvertCommandTests {
    let folder: URL

    init() throws {
        folder = try Fixtures.temporaryFolder()
    }

    func accord(_ arguments: [String], input: Data? = nil) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments, input: input)
    }

    @Test("record XML to JSON and back gives the canonical XML")
    func recordRoundTrip() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for example in Fixtures.validExampleFiles {
            let json = folder.appendingPathComponent("r.json")
            #expect(try accord(["convert", example.path, "-o", json.path, "--force"]).status == 0)
            let back = try accord(["convert", json.path])
            #expect(back.status == 0, "\(back.standardError)")
            let canonical = try accord(["convert", example.path, "--to", "xml"])
            #expect(back.standardOutput == canonical.standardOutput)
            #expect(back.standardOutput.hasPrefix("<?xml"))
        }
    }

    @Test("JSON on standard input converts to XML")
    func standardInput() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try accord(["convert", Fixtures.motivatingExample.path])
        let xml = try accord(["convert", "-", "--to", "xml"], input: Data(json.standardOutput.utf8))
        #expect(xml.status == 0, "\(xml.standardError)")
        #expect(xml.standardOutput.contains("<recordId>ID-MOD-2025-BLR-001</recordId>"))
    }

    @Test("bad JSON: exit 1, the JSON path named, nothing written")
    func badJSON() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = try accord(["convert", Fixtures.motivatingExample.path]).standardOutput
            .replacingOccurrences(of: "\"country\": \"BLR\",\n      \"role\"", with: "\"country\": \"XKX\",\n      \"role\"")
        let input = folder.appendingPathComponent("bad.json")
        try json.write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.xml")
        let result = try accord(["convert", input.path, "-o", output.path])
        #expect(result.status == 1)
        #expect(result.standardError.contains("bad.json:$.parties[1].country: error[J002]: expected an ISO 3166-1 alpha-3 code"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test("a bundle to one JSON document and to NDJSON; both validate against the JSON Schemas")
    func bundle() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try accord(["pack"] + Fixtures.validExampleFiles.map(\.path) + ["-o", bundle.path, "--sender", "ID-MOD", "--recipient", "FI-MOD=FIN"]).status == 0)
        let document = folder.appendingPathComponent("bundle.json")
        #expect(try accord(["convert", bundle.path, "-o", document.path]).status == 0)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: document)) as? [String: Any])
        #expect((parsed["records"] as? [[String: Any]])?.compactMap { $0["recordId"] as? String }.sorted()
                == ["CL-MINDEF-2017-URY-MOU-01", "EE-MOD-2023-NBAS-001", "ID-MOD-2025-BLR-001"])
        let ndjson = try accord(["convert", bundle.path, "--ndjson"])
        let lines = ndjson.standardOutput.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines {
            #expect((try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["recordId"] != nil)
        }

        guard ExternalTool.available("python3"), try ExternalTool.run("python3", ["-c", "import jsonschema, referencing"]).status == 0 else { return }
        let script = """
            import json, sys, jsonschema, referencing
            record = json.load(open(sys.argv[1])); bundle_schema = json.load(open(sys.argv[2]))
            registry = referencing.Registry().with_resource(record["$id"], referencing.Resource.from_contents(record))
            jsonschema.Draft202012Validator(bundle_schema, registry=registry).validate(json.load(open(sys.argv[3])))
            for line in open(sys.argv[4]):
                jsonschema.Draft202012Validator(record).validate(json.loads(line))
            """
        let lineFile = folder.appendingPathComponent("records.ndjson")
        try Data(ndjson.standardOutput.utf8).write(to: lineFile)
        let checked = try ExternalTool.run("python3", ["-c", script,
            Fixtures.root.appendingPathComponent("schemas/partnership-record-v1.schema.json").path,
            Fixtures.root.appendingPathComponent("schemas/bundle-v1.schema.json").path, document.path, lineFile.path])
        #expect(checked.status == 0, "\(checked.standardError)")
    }

    @Test("an invalid bundle is not converted")
    func invalidBundle() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try accord(["pack", Fixtures.motivatingExample.path, "-o", bundle.path, "--sender", "ID-MOD", "--recipient", "BY-MOD"]).status == 0)
        var bytes = try Data(contentsOf: bundle)
        bytes[bytes.count - 6] ^= 0xFF
        try bytes.write(to: bundle)
        let out = folder.appendingPathComponent("out.json")
        let result = try accord(["convert", bundle.path, "-o", out.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try accord(["convert", bundle.path, "--ndjson"]).standardOutput.isEmpty)
    }

    @Test("pack accepts JSON records beside XML ones")
    func packJSON() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let json = folder.appendingPathComponent("indonesia.json")
        #expect(try accord(["convert", Fixtures.motivatingExample.path, "-o", json.path]).status == 0)
        let chile = Fixtures.examples.appendingPathComponent("chile-uruguay-peacekeeping-mou-2017.xml")
        let bundle = folder.appendingPathComponent("b.tar.gz")
        let packed = try accord(["pack", json.path, chile.path, "-o", bundle.path, "--sender", "ID-MOD", "--recipient", "BY-MOD"])
        #expect(packed.status == 0, "\(packed.standardError)")
        let inspected = try accord(["inspect", bundle.path])
        #expect(inspected.standardOutput.contains("ID-MOD-2025-BLR-001"))
        #expect(inspected.standardOutput.contains("CL-MINDEF-2017-URY-MOU-01"))
    }
}
