import AccordTestSupport
import Foundation
import Testing

/// `accord pack`, `validate`, `inspect` and `unpack` on bundles, as a user runs them.
@Suite("accord pack, inspect, unpack")
struct BundleCommandsTests {
    let folder: URL
    let bundle: URL

    init() throws {
        folder = try Fixtures.temporaryFolder()
        bundle = folder.appendingPathComponent("bundle.tar.gz")
    }

    func accord(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments, environment: environment)
    }

    func pack(_ extra: [String] = [], environment: [String: String] = [:]) throws -> ExternalTool.Output {
        try accord(["pack"] + Fixtures.validExampleFiles.map(\.path) + ["-o", bundle.path, "--sender", "ID-MOD", "--recipient", "FI-MOD=FIN"] + extra,
                   environment: environment)
    }

    @Test("pack, validate, inspect, unpack: the whole exchange")
    func wholeExchange() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let packed = try pack(["--created", "2025-07-30T00:00:00Z"])
        #expect(packed.status == 0, "\(packed.standardError)")
        #expect(packed.standardOutput.contains("wrote 3 records"))

        let validated = try accord(["validate", bundle.path])
        #expect(validated.status == 0)
        #expect(validated.standardOutput.contains("\(bundle.path): valid"))

        let inspected = try accord(["inspect", bundle.path])
        #expect(inspected.status == 0)
        for fact in ["ID-MOD-20250730T000000Z", "FI-MOD (FIN)", "2025-07-30T00:00:00Z", "restricted", "ID-MOD-2025-BLR-001", "announced",
                     "Opening of military cooperation between Indonesia and Belarus", "sha512 "] {
            #expect(inspected.standardOutput.contains(fact), "inspect shows \(fact)")
        }
        let json = try accord(["inspect", "--format", "json", bundle.path])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        let envelope = try #require(document["envelope"] as? [String: Any])
        #expect(envelope["sender"] as? String == "ID-MOD")
        #expect((envelope["records"] as? [[String: Any]])?.count == 3)
        #expect((document["files"] as? [[String: Any]])?.allSatisfy { ($0["sha512"] as? String)?.count == 128 } == true)
        #expect(BundleFixtureListing.names(folder) == ["bundle.tar.gz"], "inspect writes nothing")

        let target = folder.appendingPathComponent("inbox")
        let unpacked = try accord(["unpack", bundle.path, "-o", target.path])
        #expect(unpacked.status == 0, "\(unpacked.standardError)")
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("data/records/ID-MOD-2025-BLR-001.xml").path))
        #expect(try accord(["unpack", bundle.path, "-o", target.path]).status == 2, "an existing folder is not replaced")
        #expect(try accord(["unpack", bundle.path, "-o", target.path, "--force"]).status == 0)
        #expect(try accord(["validate", target.path]).status == 0, "the unpacked folder validates as a bag")
    }

    @Test("SOURCE_DATE_EPOCH makes the bundle reproducible")
    func sourceDateEpoch() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try pack(environment: ["SOURCE_DATE_EPOCH": "1753833600"]).status == 0)
        let first = try Data(contentsOf: bundle)
        #expect(try pack(["--force"], environment: ["SOURCE_DATE_EPOCH": "1753833600"]).status == 0)
        #expect(try Data(contentsOf: bundle) == first)
        #expect(try accord(["inspect", bundle.path]).standardOutput.contains("2025-07-30T00:00:00Z"))
    }

    @Test("pack refuses invalid records: exit 1, every failure on stderr, nothing written")
    func packRefusesInvalid() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try accord(["pack", Fixtures.motivatingExample.path,
                                 Fixtures.invalidExamples.appendingPathComponent("dates-out-of-order.xml").path,
                                 Fixtures.invalidExamples.appendingPathComponent("record-id-prefix.xml").path,
                                 "-o", bundle.path, "--sender", "ID-MOD", "--recipient", "BY-MOD"])
        #expect(output.status == 1)
        #expect(output.standardError.contains("error[R003]"))
        #expect(output.standardError.contains("error[R002]"))
        #expect(output.standardOutput.contains("not written"))
        #expect(BundleFixtureListing.names(folder).isEmpty)
    }

    @Test("usage errors exit 2", arguments: [
        ["pack", "x.xml", "-o", "out.tar.gz", "--sender", "ID-MOD"],
        ["pack", "x.xml", "-o", "out.tar.gz", "--sender", "ID-MOD", "--recipient", "B", "--level", "12"],
        ["pack", "x.xml", "-o", "out.tar.gz", "--sender", "ID-MOD", "--recipient", "B", "--created", "yesterday"],
        ["unpack", "x.tar.gz"],
    ])
    func usage(arguments: [String]) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try accord(arguments).status == 2)
    }

    @Test("identifiers are checked on the command line, naming the option and the rule, before any bundle exists", arguments: [
        (["--sender", "Ministry of Defence, Indonesia", "--recipient", "BY-MOD"], "--sender 'Ministry of Defence, Indonesia' is not an organisation identifier", "looks like the organisation's name"),
        (["--sender", "ID-MOD", "--recipient", "BY MOD"], "--recipient 'BY MOD' is not an organisation identifier", "such as ID-MOD"),
        (["--sender", "ID-MOD", "--recipient", "BY-MOD=Belarus"], "'Belarus' is not an ISO 3166-1 alpha-3 country code", "BLR for Belarus"),
        (["--sender", "ID-MOD", "--recipient", "BY-MOD", "--policy", "ID MOD"], "--policy 'ID MOD' is not an organisation identifier", "letters and digits"),
        (["--sender", "ID-MOD", "--recipient", "BY-MOD", "--id", "my bundle"], "--id 'my bundle' is not a bundle identifier", "names the bundle's folder"),
        (["--sender", "ID-MOD", "--recipient", "BY-MOD", "--releasable-to", "GHN"], "--releasable-to GHN: not an ISO 3166-1 alpha-3 country code", "BLR for Belarus"),
    ])
    func optionsChecked(arguments: [String], says: String, hint: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try accord(["pack", Fixtures.motivatingExample.path, "-o", bundle.path] + arguments)
        #expect(output.status == 2)
        #expect(output.standardError.contains(says) && output.standardError.contains(hint), "\(output.standardError)")
        #expect(!output.standardError.contains("error[S002]") && !output.standardError.contains("error[B"), "no diagnostic of a bundle never written")
        #expect(!FileManager.default.fileExists(atPath: bundle.path))
    }

    @Test("inspect --summary: counts, sizes, labels and signers, without a line per record, as text and JSON")
    func inspectSummary() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try pack(["--created", "2025-07-30T00:00:00Z"]).status == 0)
        let text = try accord(["inspect", "--summary", bundle.path])
        #expect(text.status == 0)
        for fact in ["Records     3: 2 unclassified, 1 restricted", "Recipients  FI-MOD (FIN)", "releasable to EST, FIN, LVA, LTU, SWE", "Attachments 1", "Signatures  none"] {
            #expect(text.standardOutput.contains(fact), "\(text.standardOutput)")
        }
        #expect(!text.standardOutput.contains("ID-MOD-2025-BLR-001"), "no per-record listing")
        let json = try accord(["inspect", "--summary", "--format", "json", bundle.path])
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let summary = document?["summary"] as? [String: Any]
        #expect(summary?["records"] as? Int == 3)
        #expect((summary?["classifications"] as? [String: Int]) == ["unclassified": 2, "restricted": 1])
    }

    @Test("a damaged bundle: validate and unpack exit 1 and name the problem")
    func damagedBundle() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try pack().status == 0)
        var bytes = try Data(contentsOf: bundle)
        bytes[bytes.count - 6] ^= 0xFF
        try bytes.write(to: bundle)
        let validated = try accord(["validate", bundle.path])
        #expect(validated.status == 1)
        #expect(validated.standardError.contains("error[B002]"))
        let target = folder.appendingPathComponent("inbox")
        #expect(try accord(["unpack", bundle.path, "-o", target.path]).status == 1)
        #expect(BundleFixtureListing.names(folder) == ["bundle.tar.gz"])
    }

    @Test("help shows examples", arguments: ["pack", "inspect", "unpack", "convert"])
    func help(command: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try accord([command, "--help"])
        #expect(output.status == 0)
        #expect(output.standardOutput.contains("EXAMPLES"))
        #expect(output.standardOutput.contains("EXIT STATUS"))
    }
}

enum BundleFixtureListing {
    static func names(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }
}
