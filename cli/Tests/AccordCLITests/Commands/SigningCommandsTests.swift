import AccordTestSupport
import Foundation
import Testing

/// `accord keygen`, `pack --sign`, `sign` and `validate --trust`, as a user runs them.
@Suite("accord keygen, sign, validate --trust")
struct SigningCommandsTests {
    let folder: URL

    init() throws {
        folder = try Fixtures.temporaryFolder()
    }

    func accord(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    @Test("two key pairs; pack and sign with one; validate against each trust folder")
    func wholeFlow() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["ours", "theirs"] {
            try FileManager.default.createDirectory(atPath: path("trust-\(name)"), withIntermediateDirectories: true)
            let made = try accord(["keygen", "--out", path("\(name)")])
            #expect(made.status == 0)
            #expect(made.standardOutput.contains("fingerprint  SHA256:"))
            #expect(!made.standardOutput.contains("PRIVATE KEY"), "the private key is never printed")
            try FileManager.default.copyItem(atPath: path("\(name).pub"), toPath: path("trust-\(name)/\(name).pub"))
        }
        let mode = try FileManager.default.attributesOfItem(atPath: path("ours.key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try accord(["keygen", "--out", path("ours")]).status == 2, "an existing key is never replaced")

        let bundle = path("b.tar.gz")
        #expect(try accord(["pack", Fixtures.motivatingExample.path, "-o", bundle, "--sender", "ID-MOD", "--recipient", "BY-MOD", "--sign", path("ours.key")]).status == 0)

        let wrongFolder = try accord(["validate", bundle, "--trust", path("trust-theirs")])
        #expect(wrongFolder.status == 0)
        #expect(wrongFolder.standardError.contains("warning[B023]"))
        let required = try accord(["validate", bundle, "--trust", path("trust-theirs"), "--require-signature"])
        #expect(required.status == 1)
        #expect(required.standardError.contains("error[B023]"))
        let right = try accord(["validate", bundle, "--trust", path("trust-ours"), "--require-signature"])
        #expect(right.status == 0, "\(right.standardError)")
        #expect(right.standardError.isEmpty)

        // A countersignature by the other key; inspect shows both and which are trusted.
        #expect(try accord(["sign", bundle, "--key", path("theirs.key")]).status == 0)
        let inspected = try accord(["inspect", bundle, "--trust", path("trust-ours")])
        #expect(inspected.standardOutput.contains("Signatures (2)"))
        #expect(inspected.standardOutput.contains("verified, trusted as 'ours'"))
        #expect(inspected.standardOutput.contains("not verified: key not trusted"))
        let json = try accord(["inspect", bundle, "--trust", path("trust-ours"), "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect((report["signatures"] as? [[String: Any]])?.count == 2)
    }

    @Test("--require-signature without --trust is a usage error; a bad trust folder is named")
    func usage() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try accord(["validate", "x.tar.gz", "--require-signature"]).status == 2)
        try FileManager.default.createDirectory(atPath: path("trust"), withIntermediateDirectories: true)
        try Data("not a key".utf8).write(to: folder.appendingPathComponent("trust/broken.pub"))
        let bad = try accord(["validate", Fixtures.motivatingExample.path, "--trust", path("trust")])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("broken.pub"))
    }

    @Test("help shows examples", arguments: ["keygen", "sign"])
    func help(command: String) throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try accord([command, "--help"])
        #expect(output.status == 0 && output.standardOutput.contains("EXAMPLES"))
    }
}
