@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Bag-level defects found with other projects' suites (issue 14, item 4), each refused with
/// a message that names the file and, where there is one, the line.
@Suite("Bundles: bag-level defects")
struct BagLevelDefectTests {
    /// A valid bundle extracted as a bag folder, to be damaged and validated.
    struct Bag {
        let fixture: BundleFixture
        let url: URL

        init() throws {
            fixture = try BundleFixture()
            url = try fixture.extract(into: "bag")
        }

        func write(_ text: String, to name: String) throws {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }

        func write(_ bytes: [UInt8], to name: String) throws {
            try Data(bytes).write(to: url.appendingPathComponent(name))
        }

        func remove(_ name: String) throws {
            try FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }

        /// Rewrites tagmanifest-sha512.txt over `names` (default: the four Accord writes), so
        /// that only the damage under test is reported.
        func resealTagManifest(_ names: [String] = [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope]) throws {
            var tags = Manifest()
            for name in names {
                tags.add(path: name, digest: SHA512Hasher.hex(Array(try Data(contentsOf: url.appendingPathComponent(name)))))
            }
            try tags.text().write(to: url.appendingPathComponent(BagLayout.tagManifest), atomically: true, encoding: .utf8)
        }

        func validate(_ validator: BundleValidator = BundleValidator()) throws -> BundleValidation {
            try validator.validate(.file(url.path))
        }
    }

    static let declarations: [(name: String, text: String, line: Int, says: String)] = [
        ("a space before the colon", "BagIt-Version : 1.0\nTag-File-Character-Encoding: UTF-8\n", 1, "has a space or tab around it"),
        ("lowercase labels", "bagit-version: 1.0\ntag-file-character-encoding: UTF-8\n", 1, "RFC 8493 requires exactly 'BagIt-Version'"),
        ("a third line", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\nExtra: 1\n", 3, "bagit.txt has 3 lines"),
        ("the two lines swapped", "Tag-File-Character-Encoding: UTF-8\nBagIt-Version: 1.0\n", 1, "the two lines are in the wrong order"),
        ("a trailing space", "BagIt-Version: 1.0 \nTag-File-Character-Encoding: UTF-8\n", 1, "ends with a space or tab"),
        ("a byte-order mark", "\u{FEFF}BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", 1, "starts with a byte-order mark"),
        ("two spaces after the colon", "BagIt-Version:  1.0\nTag-File-Character-Encoding: UTF-8\n", 1, "more than one space"),
        ("one line only", "BagIt-Version: 1.0\n", 2, "has no line 2"),
    ]

    @Test("an invalid bagit.txt is refused (B004), naming the file and line", arguments: declarations.map(\.name))
    func invalidDeclaration(name: String) throws {
        let bad = Self.declarations.first { $0.name == name }!
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try bag.write(bad.text, to: BagLayout.bagDeclaration)
        try bag.resealTagManifest()
        let result = try bag.validate()
        #expect(!result.isValid)
        let found = result.diagnostics.first { $0.code == .notABag }
        #expect(found?.location.entry == BagLayout.bagDeclaration, "\(result.diagnostics.map(\.formatted))")
        #expect(found?.location.line == bad.line)
        #expect(found?.message.contains(bad.says) == true, "\(found?.message ?? "none")")
        #expect(!result.diagnostics.contains { $0.message.contains("BagIt-Version ''") })
        // The same in plain-BagIt mode.
        var plain = BundleValidator()
        plain.profile = .bagit
        #expect(try bag.validate(plain).diagnostics.contains { $0.code == .notABag && $0.location.line == bad.line })
    }

    @Test("bagit.txt with CR LF or CR line ends, or without a final line end, is accepted", arguments: ["\r\n", "\r", ""])
    func declarationLineEnds(end: String) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try bag.write("BagIt-Version: 1.0\(end.isEmpty ? "\n" : end)Tag-File-Character-Encoding: UTF-8\(end)", to: BagLayout.bagDeclaration)
        try bag.resealTagManifest()
        let result = try bag.validate()
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("an extra tag file is refused (B028) whether or not the tag manifest lists it", arguments: [true, false])
    func extraTagFile(listed: Bool) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try bag.write("notes\n", to: "notes.txt")
        if listed {
            try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "notes.txt"])
        }
        let result = try bag.validate()
        #expect(!result.isValid)
        #expect(result.diagnostics.contains { $0.code == .tagFileNotAllowed && $0.location.entry == "notes.txt" && $0.message.contains("does not allow") },
                "\(result.diagnostics.map(\.formatted))")
        // Unlisted, it is also outside the digest chain.
        #expect(result.codes.contains(.tagFileMismatch) == !listed)
        // Plain BagIt allows any tag file.
        var plain = BundleValidator()
        plain.profile = .bagit
        #expect(try bag.validate(plain).isValid)
    }

    @Test("fetch.txt is reported even when the tag manifest is missing too")
    func fetchWithoutTagManifest() throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try bag.write("https://example.org/x 10 data/attachments/x\n", to: BagLayout.fetch)
        try bag.remove(BagLayout.tagManifest)
        let result = try bag.validate()
        #expect(result.diagnostics.contains { $0.code == .fetchNotAllowed && $0.location.entry == BagLayout.fetch }, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.contains { $0.code == .missingTagFile && $0.message.contains(BagLayout.tagManifest) })
    }

    /// Writes a manifest of `algorithm` over the payload (or over the tag files, for a tag
    /// manifest), with `change` applied to its lines.
    static func writeManifest(
        _ bag: Bag, algorithm: DigestAlgorithm, tag: Bool = false, change: ([(path: String, digest: String)]) -> [(path: String, digest: String)] = { $0 }
    ) throws {
        let names: [String]
        if tag {
            names = [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope]
        } else {
            names = try FileManager.default.subpathsOfDirectory(atPath: bag.url.appendingPathComponent("data").path)
                .map { "data/" + $0 }
                .filter { var isFolder: ObjCBool = false; _ = FileManager.default.fileExists(atPath: bag.url.appendingPathComponent($0).path, isDirectory: &isFolder); return !isFolder.boolValue }
                .sorted(by: EntryOrder.precedes)
        }
        let lines = try names.map { name in
            (path: name, digest: MultiHasher.digests(Array(try Data(contentsOf: bag.url.appendingPathComponent(name))), [algorithm])[algorithm]!)
        }
        let text = change(lines).map { "\($0.digest)  \($0.path)\n" }.joined()
        try bag.write(text, to: "\(tag ? "tag" : "")manifest-\(algorithm.rawValue).txt")
    }

    /// Both ways of reading: in bundle order (a bag folder is read so) and held (keepsIndex).
    static let ways = [false, true]

    @Test("a correct manifest of every algorithm bagit.py knows is verified and accepted",
          arguments: DigestAlgorithm.allCases.filter { $0 != .sha512 }, ways)
    func otherAlgorithmsAccepted(algorithm: DigestAlgorithm, held: Bool) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: algorithm)
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-\(algorithm.rawValue).txt"])
        try Self.writeManifest(bag, algorithm: algorithm, tag: true)
        var validator = BundleValidator()
        validator.keepsIndex = held
        let result = try bag.validate(validator)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("a wrong digest in manifest-md5.txt is refused (B012), naming the file and the algorithm", arguments: ways)
    func wrongOtherDigest(held: Bool) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: .md5) { lines in
            lines.enumerated().map { $0.offset == 0 ? ($0.element.path, String(repeating: "0", count: 32)) : $0.element }
        }
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-md5.txt"])
        var validator = BundleValidator()
        validator.keepsIndex = held
        let result = try bag.validate(validator)
        #expect(!result.isValid)
        #expect(result.diagnostics.contains { $0.code == .payloadDigestMismatch && $0.message.contains("MD5 digest") && $0.message.contains("manifest-md5.txt") },
                "\(result.diagnostics.map(\.formatted))")
        #expect(!result.codes.contains(.unverifiedManifest))
    }

    @Test("a file listed twice with different digests in manifest-sha256.txt is refused (B009)", arguments: ways)
    func listedTwice(held: Bool) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: .sha256) { lines in
            [(lines[0].path, String(repeating: "a", count: 64))] + lines
        }
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-sha256.txt"])
        var validator = BundleValidator()
        validator.keepsIndex = held
        let result = try bag.validate(validator)
        #expect(!result.isValid)
        #expect(result.diagnostics.contains { $0.code == .malformedManifest && $0.location.entry == "manifest-sha256.txt" && $0.message.contains("listed twice") },
                "\(result.diagnostics.map(\.formatted))")
    }

    @Test("a manifest of another algorithm that misses a file is refused (B011)", arguments: ways)
    func notAllManifestsListAllFiles(held: Bool) throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: .sha1) { Array($0.dropLast()) }
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-sha1.txt"])
        var validator = BundleValidator()
        validator.keepsIndex = held
        let result = try bag.validate(validator)
        #expect(result.diagnostics.contains { $0.code == .unlistedPayloadFile && $0.message.contains("manifest-sha1.txt") }, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("a wrong digest in tagmanifest-sha256.txt is refused (B013)")
    func wrongTagManifestDigest() throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: .sha256, tag: true) { lines in
            lines.map { $0.path == BagLayout.bagInfo ? ($0.path, String(repeating: "1", count: 64)) : $0 }
        }
        let result = try bag.validate()
        #expect(!result.isValid)
        #expect(result.diagnostics.contains {
            $0.code == .tagFileMismatch && $0.location.entry == BagLayout.bagInfo && $0.message.contains("SHA-256") && $0.message.contains("tagmanifest-sha256.txt")
        }, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("a manifest of an algorithm Accord cannot compute is refused (B014, an error)")
    func unknownAlgorithm() throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try bag.write("\(String(repeating: "ab", count: 32))  data/records/x.xml\n", to: "manifest-blake2b.txt")
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-blake2b.txt"])
        let result = try bag.validate()
        #expect(!result.isValid)
        let found = result.diagnostics.first { $0.code == .unverifiedManifest }
        #expect(found?.location.entry == "manifest-blake2b.txt" && found?.severity == .error, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("a manifest of another algorithm after the payload in a tar is still verified (read again with it)")
    func manifestAfterPayload() throws {
        let bag = try Bag()
        defer { bag.fixture.remove() }
        try Self.writeManifest(bag, algorithm: .md5) { lines in
            lines.enumerated().map { $0.offset == 1 ? ($0.element.path, String(repeating: "0", count: 32)) : $0.element }
        }
        try bag.resealTagManifest([BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, "manifest-md5.txt"])
        let name = bag.url.lastPathComponent
        let tar = bag.fixture.folder.appendingPathComponent("late.tar.gz")
        let members = ["\(name)/", "\(name)/data"] + [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, BagLayout.tagManifest, "manifest-md5.txt"].map { "\(name)/\($0)" }
        let output = try ExternalTool.run("tar", ["--no-recursion", "-czf", tar.path, "-C", bag.url.deletingLastPathComponent().path, "\(name)/", "--recursion", "\(name)/data"] + members.dropFirst(2))
        try #require(output.status == 0, "\(output.standardError)")
        let result = try BundleValidator().validate(.file(tar.path))
        #expect(result.diagnostics.filter { $0.code == .payloadDigestMismatch }.count == 1, "\(result.diagnostics.map(\.formatted))")
    }

    @Test("SHA-224, which swift-crypto lacks, gives the FIPS 180-4 digests")
    func sha224Vectors() {
        #expect(MultiHasher.digests(Array("abc".utf8), [.sha224])[.sha224] == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
        #expect(MultiHasher.digests([], [.sha224])[.sha224] == "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")
        let long = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(MultiHasher.digests(long, [.sha224])[.sha224] == "75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525")
    }
}
