@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Hostile bundles are refused by `validate` and by `unpack`, quickly, with a message
/// naming the entry, and nothing is written outside the staging folder, which is removed.
@Suite("Bundles: hostile archives")
struct HostileBundleTests {
    /// Each hostile bundle, the code it must produce and a piece of the message.
    static let cases: [(name: String, code: DiagnosticCode, mentions: String)] = [
        ("dotdot-path", .unsafeArchiveEntry, ".."),
        ("absolute-path", .unsafeArchiveEntry, "evil"),
        ("backslash-path", .unsafeArchiveEntry, "evil.txt"),
        ("drive-letter-path", .unsafeArchiveEntry, "C:"),
        ("symlink", .unsafeArchiveEntry, "data/link"),
        ("hard-link", .unsafeArchiveEntry, "data/hard"),
        ("character-device", .unsafeArchiveEntry, "data/null"),
        ("fifo", .unsafeArchiveEntry, "data/pipe"),
        ("setuid-mode", .unsafeArchiveEntry, "run.sh"),
        ("duplicate-name", .unsafeArchiveEntry, "a.txt"),
        ("case-colliding-names", .unsafeArchiveEntry, "report.txt"),
        ("unicode-colliding-names", .unsafeArchiveEntry, "caf"),
        ("two-top-level-folders", .unsafeArchiveEntry, "OTHER"),
        ("pax-rename-escape", .unsafeArchiveEntry, ".."),
        ("nul-in-pax-path", .unsafeArchiveEntry, "\\x00"),
        ("declared-size-lies", .damagedArchive, "big.bin"),
        ("bad-header-checksum", .damagedArchive, "checksum"),
        ("truncated-gzip", .damagedArchive, "truncated"),
        ("trailing-garbage", .damagedArchive, "follow"),
        ("bad-gzip-crc", .damagedArchive, "checksum"),
        ("not-gzip", .damagedArchive, "gzip"),
        ("gzip-bomb", .archiveLimitExceeded, "expands"),
        ("many-entries", .archiveLimitExceeded, "1000 entries"),
    ]

    /// Writes the hostile bundles once for the whole suite.
    static let corpus: (folder: URL, evil: String)? = {
        guard ExternalTool.available("python3") else { return nil }
        let folder = try! Fixtures.temporaryFolder()
        let evil = "/tmp/accord-evil-\(UUID().uuidString).txt"
        let script = Fixtures.root.appendingPathComponent("Tests/Fixtures/make_hostile_bundles.py").path
        let made = try! ExternalTool.run("python3", [script, folder.path, evil])
        precondition(made.status == 0, made.standardError)
        return (folder, evil)
    }()

    static var limits: BundleLimits {
        var limits = BundleLimits()
        limits.maxEntries = 1000
        return limits
    }

    @Test("validate refuses it, naming the entry", arguments: cases.map(\.name))
    func validateRefuses(name: String) throws {
        guard let corpus = Self.corpus else { return }
        let expected = Self.cases.first { $0.name == name }!
        let clock = ContinuousClock()
        var result: BundleValidation!
        let elapsed = try clock.measure {
            result = try BundleValidator(limits: Self.limits).validate(atPath: corpus.folder.appendingPathComponent("\(name).tar.gz").path)
        }
        #expect(!result.isValid)
        let fault = result.diagnostics.first { $0.code == expected.code }
        #expect(fault != nil, "\(result.diagnostics.map(\.formatted))")
        #expect(fault?.message.contains(expected.mentions) == true, "\(fault?.message ?? "")")
        #expect(elapsed < .seconds(5))
        #expect(!FileManager.default.fileExists(atPath: corpus.evil))
    }

    @Test("unpack refuses it and leaves nothing behind", arguments: cases.map(\.name))
    func unpackLeavesNothing(name: String) throws {
        guard let corpus = Self.corpus else { return }
        let workspace = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let destination = workspace.appendingPathComponent("inbox")
        let unpacker = BundleUnpacker(validator: BundleValidator(limits: Self.limits))
        let result = try unpacker.unpack(corpus.folder.appendingPathComponent("\(name).tar.gz").path, to: destination.path)
        #expect(!result.isValid)
        #expect(BundleFixture.listing(workspace).isEmpty, "nothing in the workspace: no destination, no staging folder")
        #expect(!FileManager.default.fileExists(atPath: corpus.evil), "nothing written outside")
    }

    @Test("with refusingWarnings, a bundle carrying only warnings is not kept either")
    func strictUnpack() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "warned")
        // bag-info.txt without Bag-Software-Agent: valid, with the warning B007.
        let info = bag.appendingPathComponent(BagLayout.bagInfo)
        let text = try String(contentsOf: info, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("Bag-Software-Agent") }.joined(separator: "\n") + "\n"
        try text.write(to: info, atomically: true, encoding: .utf8)
        var tags = Manifest()
        for name in [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope] {
            tags.add(path: name, digest: SHA512Hasher.hex(Array(try Data(contentsOf: bag.appendingPathComponent(name)))))
        }
        try tags.text().write(to: bag.appendingPathComponent(BagLayout.tagManifest), atomically: true, encoding: .utf8)
        let archive = try fixture.archive(bag, as: "warned.tar.gz")
        let lenient = try BundleUnpacker().unpack(archive.path, to: fixture.folder.appendingPathComponent("lenient").path)
        #expect(lenient.isValid && lenient.diagnostics.map(\.code) == [.incompleteBagInfo])
        let strictTarget = fixture.folder.appendingPathComponent("strict")
        _ = try BundleUnpacker().unpack(archive.path, to: strictTarget.path, refusingWarnings: true)
        #expect(!FileManager.default.fileExists(atPath: strictTarget.path))
    }

    @Test("pack refuses to send what receivers would refuse: an attachment that compresses like a bomb")
    func packRefusesBomb() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nordic = Fixtures.examples.appendingPathComponent("nordic-baltic-air-surveillance-2023.xml")
        try FileManager.default.copyItem(at: nordic, to: folder.appendingPathComponent("nordic.xml"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("attachments"), withIntermediateDirectories: true)
        try Data(count: 8 << 20).write(to: folder.appendingPathComponent("attachments/nordic-baltic-agreement-text.txt"))
        let destination = folder.appendingPathComponent("out.tar.gz")
        #expect {
            _ = try BundlePacker().pack([folder.appendingPathComponent("nordic.xml").path], to: destination.path, options: BundleFixture.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            return diagnostics.map(\.code) == [.bundleExceedsLimits]
        }
        #expect(BundleFixture.listing(folder) == ["attachments", "attachments/nordic-baltic-agreement-text.txt", "nordic.xml"])
    }

    @Test("unpack keeps a valid bundle, and never replaces an existing folder without being asked")
    func unpackValid() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let destination = fixture.folder.appendingPathComponent("inbox")
        let result = try BundleUnpacker().unpack(fixture.bundle.path, to: destination.path)
        #expect(result.isValid)
        let attributes = try FileManager.default.attributesOfItem(atPath: destination.path)
        let mask = umask(0)
        umask(mask)
        #expect((attributes[.posixPermissions] as? Int) == Int(0o777 & ~mask), "an ordinary folder, as the umask makes them")
        #expect(Set(BundleFixture.listing(destination)).isSuperset(of: BagLayout.tagFilesInArchiveOrder + ["data/records/ID-MOD-2025-BLR-001.xml"]))
        #expect(throws: FileError.self) { try BundleUnpacker().unpack(fixture.bundle.path, to: destination.path) }
        try Data("mine".utf8).write(to: destination.appendingPathComponent("note.txt"))
        _ = try BundleUnpacker().unpack(fixture.bundle.path, to: destination.path, overwrite: true)
        #expect(!FileManager.default.fileExists(atPath: destination.appendingPathComponent("note.txt").path))
        #expect(BundleFixture.listing(fixture.folder).allSatisfy { !$0.hasPrefix(".") }, "no staging or previous folder left")
    }
}
