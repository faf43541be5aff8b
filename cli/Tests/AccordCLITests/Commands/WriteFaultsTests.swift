import AccordTestSupport
import Foundation
import Testing

/// Faults where a command writes: a full disk, a read-only one, a missing folder, a
/// destination that is a folder, a link or a device. Each gets one clear message, exit
/// status 2, and nothing is left behind.
@Suite("Write faults", .serialized)
struct WriteFaultsTests {
    static func accord(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments, environment: environment)
    }

    static let examplePack = Fixtures.validExampleFiles.map(\.path) + ["--sender", "ID-MOD", "--recipient", "FI-MOD=FIN", "--created", "2025-07-30T00:00:00Z"]

    /// Mounts a tmpfs of `size` at a new folder (root only); nil, with a note, where it cannot.
    static func mountTmpfs(in folder: URL, options: String) -> URL? {
        let point = folder.appendingPathComponent("mounted")
        try? FileManager.default.createDirectory(at: point, withIntermediateDirectories: true)
        guard let mounted = try? ExternalTool.run("mount", ["-t", "tmpfs", "-o", options, "tmpfs", point.path]), mounted.status == 0 else {
            print("skipped: a tmpfs cannot be mounted here (the disk-full checks need root, as CI has)")
            return nil
        }
        return point
    }

    static func unmount(_ point: URL) {
        _ = try? ExternalTool.run("umount", [point.path])
    }

    static func contents(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// One line on standard error, saying `message`, exit status 2.
    static func expectOneClearMessage(_ output: ExternalTool.Output, _ message: String, _ what: String) {
        #expect(output.status == 2, "\(what): exit \(output.status)")
        let lines = output.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(message), "\(what): \(output.standardError)")
    }

    @Test("a full disk under the output, for pack, unpack and convert")
    func fullDisk() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try InterruptsTests.corpus(in: folder)
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try Self.accord(InterruptsTests.packArguments(records, to: bundle)).status == 0)
        guard let small = Self.mountTmpfs(in: folder, options: "size=256k") else { return }
        defer { Self.unmount(small) }
        let packed = try Self.accord(InterruptsTests.packArguments(records, to: small.appendingPathComponent("b.tar.gz")))
        Self.expectOneClearMessage(packed, "\(small.path): cannot write: the disk is full", "pack")
        #expect(Self.contents(small).isEmpty)
        let unpacked = try Self.accord(["unpack", bundle.path, "-o", small.appendingPathComponent("inbox").path])
        Self.expectOneClearMessage(unpacked, "\(small.path)/inbox", "unpack")
        #expect(unpacked.standardError.contains("the disk is full"))
        #expect(Self.contents(small).isEmpty)
        let converted = try Self.accord(["convert", bundle.path, "--ndjson", "-o", small.appendingPathComponent("b.ndjson").path])
        #expect(converted.status == 2 && converted.standardError.contains("the disk is full"), "\(converted.standardError)")
        #expect(Self.contents(small).isEmpty)
    }

    @Test("a full $TMPDIR: validate checks the bundle the held way, and leaves nothing there")
    func fullTemporaryFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try Self.accord(["pack"] + Self.examplePack + ["-o", bundle.path]).status == 0)
        guard let tiny = Self.mountTmpfs(in: folder, options: "size=4k") else { return }
        defer { Self.unmount(tiny) }
        let validated = try Self.accord(["validate", bundle.path], environment: ["TMPDIR": tiny.path])
        #expect(validated.status == 0, "\(validated.standardError)")
        #expect(Self.contents(tiny).isEmpty)
    }

    @Test("a read-only disk, a missing folder, a folder, a link or a device as the output")
    func refusedDestinations() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Self.accord(["keygen", "--out", folder.appendingPathComponent("keys/id-mod").path])
        Self.expectOneClearMessage(missing, "\(folder.path)/keys: this folder does not exist; create it first", "keygen into a missing folder")
        Self.expectOneClearMessage(try Self.accord(["pack"] + Self.examplePack + ["-o", folder.path, "--force"]), "is a folder", "pack -o FOLDER")
        let link = folder.appendingPathComponent("link.tar.gz")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: folder.appendingPathComponent("elsewhere.tar.gz").path)
        Self.expectOneClearMessage(try Self.accord(["pack"] + Self.examplePack + ["-o", link.path, "--force"]), "is a symbolic link", "pack -o LINK")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("elsewhere.tar.gz").path))
        Self.expectOneClearMessage(
            try Self.accord(["convert", Fixtures.motivatingExample.path, "-o", "/dev/full", "--force"]), "/dev/full: is a device", "convert -o /dev/full")
        #expect(Self.contents(folder) == ["link.tar.gz"])
        guard let readOnly = Self.mountTmpfs(in: folder, options: "ro,size=64k") else { return }
        defer { Self.unmount(readOnly) }
        Self.expectOneClearMessage(
            try Self.accord(["pack"] + Self.examplePack + ["-o", readOnly.appendingPathComponent("b.tar.gz").path]),
            "\(readOnly.path): cannot write: the disk is read-only", "pack onto a read-only disk")
    }
}
