@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// The partners file: what it gives, every mistake by line, and that it is TOML.
@Suite("Partners: the partners file")
struct PartnersFileTests {
    static let example = Fixtures.examples.appendingPathComponent("partners.toml")

    @Test("the shipped example gives each partner's state, name and signing keys")
    func example() throws {
        let partners = try Partners(file: Self.example.path)
        let belarus = try #require(partners.partner("BY-MOD"))
        #expect(belarus.state == "BLR")
        #expect(belarus.name == "Ministry of Defence of the Republic of Belarus")
        #expect(partners.recipient("BY-MOD") == .init("BY-MOD", state: "BLR"))
        #expect(partners.recipient("XX-MOD") == .init("XX-MOD"))
        #expect(partners.partner("FI-MOD")?.state == "FIN")
    }

    @Test("signing keys are read relative to the file, and become a trust store")
    func signingKeys() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = SigningKey()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("keys"), withIntermediateDirectories: true)
        try Data(key.publicKey.pem.utf8).write(to: folder.appendingPathComponent("keys/by-mod.pub"))
        let file = folder.appendingPathComponent("partners.toml")
        try Data("[BY-MOD]\nstate = \"BLR\"   # Belarus\nsigning-keys = [\"keys/by-mod.pub\"]\n".utf8).write(to: file)
        let partners = try Partners(file: file.path)
        #expect(partners.partner("BY-MOD")?.signingKeys == [key.publicKey])
        #expect(partners.trustStore.entries[key.publicKey.fingerprint]?.name == "BY-MOD")
    }

    @Test("every mistake is reported with its line, in one pass")
    func mistakes() throws {
        let text = """
            # partners of ID-MOD
            state = "IDN"
            [BY-MOD]
            state = "BY"
            [RU MOD]
            state = "RUS"
            colour = "red"
            [FI-MOD]
            name = "Finland's ministry
            [BY-MOD]
            state = "BLR"
            state = "BLR"
            just words
            [SE-MOD]
            state = ["SWE"]
            signing-keys = ["missing.pub"]
            """
        #expect(throws: PartnersFileError.self) { try PartnersFile.parse(text, path: "p.toml", keyFolder: "/nonexistent") }
        do {
            _ = try PartnersFile.parse(text, path: "p.toml", keyFolder: "/nonexistent")
        } catch {
            let lines = error.problems.compactMap(\.line)
            #expect(lines == [2, 4, 5, 7, 8, 9, 10, 12, 13, 15, 16], "\(error.description)")
            #expect(error.description.contains("p.toml:4: 'BY' is not an ISO 3166-1 alpha-3 country code"))
            #expect(error.description.contains("p.toml:7: 'colour' is not a setting"))
            #expect(error.description.contains("p.toml:8: [FI-MOD] has no state"))
            #expect(error.description.contains("p.toml:10: [BY-MOD] is given twice"))
        }
    }

    @Test("a file saved with CR LF line ends reads the same; a file that names no partner is a mistake")
    func lineEnds() throws {
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        let crlf = try PartnersFile.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), path: "p.toml", keyFolder: ".")
        #expect(crlf == (try Partners(file: Self.example.path)))
        #expect(throws: PartnersFileError.self) { try PartnersFile.parse("# nothing here\r\n", path: "p.toml", keyFolder: ".") }
    }

    @Test("the format is TOML: Python's tomllib reads the example the same way")
    func isTOML() throws {
        guard ExternalTool.available("python3") else { return }
        let script = "import sys, tomllib\nd = tomllib.load(open(sys.argv[1], 'rb'))\nprint('\\n'.join(k + ' ' + v['state'] for k, v in d.items()))"
        let output = try ExternalTool.run("python3", ["-c", script, Self.example.path])
        #expect(output.status == 0, "\(output.standardError)")
        let partners = try Partners(file: Self.example.path)
        #expect(output.standardOutput == partners.partners.map { "\($0.organisation) \($0.state)\n" }.joined())
    }
}
