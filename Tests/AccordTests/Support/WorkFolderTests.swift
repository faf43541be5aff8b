@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Work folders: made where nobody can plant them, removed with what they hold, and the
/// leftovers of dead processes swept by their marker, never by name alone.
@Suite("Support: work folders")
struct WorkFolderTests {
    static func workFolders(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(WorkFolder.namePrefix) }.sorted()
    }

    /// A work folder as a process would have left it (0700, with a file inside), and its
    /// marker (0600, naming the folder) made by `marker` from the folder's identity.
    static func leftover(in folder: URL, name: String, mode: mode_t = 0o700, marker: ((String) -> String)?) throws -> URL {
        let url = folder.appendingPathComponent(name)
        #expect(mkdir(url.path, mode) == 0)
        try Data("half a bundle".utf8).write(to: url.appendingPathComponent("file"))
        var status = stat()
        #expect(stat(url.path, &status) == 0)
        if let marker {
            let path = url.appendingPathComponent(WorkFolder.markerName).path
            try Data(marker("\(status.st_dev):\(status.st_ino)").utf8).write(to: URL(fileURLWithPath: path))
            #expect(chmod(path, 0o600) == 0)
        }
        return url
    }

    /// A marker of this process, changed by `change`, for the folder given.
    static func marker(_ change: @escaping (inout ProcessMarker) -> Void) -> (String) -> String {
        { folder in
            var marker = ProcessMarker.current
            marker.folder = folder
            change(&marker)
            return marker.text
        }
    }

    /// The pid of a process that has exited: a child that ran `true`.
    static func deadPid() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a work folder is private, holds its marker, and goes with everything in it")
    func lifecycle() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = try WorkFolder(in: folder.path)
        let path = folder.appendingPathComponent(work.name).path
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(work.name.count == WorkFolder.namePrefix.count + 16)
        let marker = try String(contentsOfFile: path + "/owner", encoding: .utf8)
        var expected = ProcessMarker.current
        let identity = try #require(work.folder.identity)
        expected.folder = "\(identity.device):\(identity.inode)"
        #expect(ProcessMarker(text: marker) == expected)
        #expect(ProcessMarker(text: marker)?.liveness == .alive)
        let inner = try work.folder.makeFolder("bag", mode: 0o700)
        close(try inner.createFile("record.xml", mode: 0o644))
        work.remove()
        #expect(try Self.workFolders(in: folder).isEmpty)
    }

    @Test("the sweep removes a dead process's work folder and keeps a live one's, another user's and one without a marker")
    func sweep() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try Self.deadPid()
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "dead", marker: Self.marker { $0.pid = dead })
        // This pid, but a process that started at another moment; and another boot.
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "reused", marker: Self.marker { $0.startTime = "1" })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "rebooted", marker: Self.marker { $0.boot = "00000000-0000-0000-0000-000000000000" })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "live", marker: Self.marker { _ in })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "elsewhere", marker: Self.marker { $0.host = "another-host"; $0.pid = dead })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "container", marker: Self.marker { $0.pidNamespace = "1"; $0.pid = dead })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "unmarked", marker: nil)
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "garbled", marker: { _ in "accord work folder 1\npid twelve\n" })
        // A dead process's marker that names another folder (an 'owner' file unpacked from a
        // bundle into a folder someone renamed), or in a folder that is not private.
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "moved", marker: { _ in
            var marker = ProcessMarker.current
            marker.pid = dead
            marker.folder = "1:2"
            return marker.text
        })
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "open", mode: 0o755, marker: Self.marker { $0.pid = dead })
        // Same name pattern, but not a work folder of Accord: never touched.
        try Data("keep".utf8).write(to: folder.appendingPathComponent(WorkFolder.namePrefix + "plainfile"))
        let victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: false)
        try Data("precious".utf8).write(to: victim.appendingPathComponent("precious.txt"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(WorkFolder.namePrefix + "link").path, withDestinationPath: victim.path)
        if geteuid() == 0 {
            let foreign = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "foreign", marker: Self.marker { $0.pid = dead })
            #expect(chown(foreign.path, 65534, 65534) == 0)
        }

        let unjudged = WorkInProgress.sweep(try DirectoryHandle(opening: folder.path), unjudgedAfter: 0)
        let left = try Self.workFolders(in: folder)
        #expect(!left.contains(WorkFolder.namePrefix + "dead"))
        #expect(!left.contains(WorkFolder.namePrefix + "reused"))
        #expect(!left.contains(WorkFolder.namePrefix + "rebooted"))
        for kept in ["live", "elsewhere", "container", "unmarked", "garbled", "moved", "open", "plainfile", "link"] + (geteuid() == 0 ? ["foreign"] : []) {
            #expect(left.contains(WorkFolder.namePrefix + kept), "\(kept) is kept")
        }
        #expect(Set(unjudged.map { URL(fileURLWithPath: $0).lastPathComponent })
            == Set(["elsewhere", "container", "unmarked", "garbled", "moved", "open"].map { WorkFolder.namePrefix + $0 }))
        #expect(try String(contentsOf: victim.appendingPathComponent("precious.txt"), encoding: .utf8) == "precious")
    }

    /// (``WorkInProgress/removeAll()`` ends a process's writing for good: the signal tests of
    /// the command line exercise it, in processes of their own.)
    @Test("a new work folder sweeps its folder first")
    func sweepsFirst() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try Self.deadPid()
        _ = try Self.leftover(in: folder, name: WorkFolder.namePrefix + "dead", marker: Self.marker { $0.pid = dead })
        let work = try WorkFolder(in: folder.path)
        #expect(try Self.workFolders(in: folder) == [work.name])
        work.remove()
    }

    @Test("an atomic file never replaces without being asked, and refuses folders, links and devices")
    func atomicFileRefusals() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.tar.gz")
        // A file that appears under the name while the work goes on is not replaced.
        let file = try AtomicFile(destination: target.path, overwrite: false)
        try file.write(Array("new".utf8))
        try Data("someone else's".utf8).write(to: target)
        #expect(throws: FileError(path: target.path, reason: .alreadyExists)) { try file.commit() }
        #expect(try String(contentsOf: target, encoding: .utf8) == "someone else's")
        #expect(try Self.workFolders(in: folder).isEmpty)

        // With overwrite, only the file found when the work began is replaced: another one
        // renamed into its place meanwhile is put back, untouched.
        try Data("old".utf8).write(to: target)
        let replacing = try AtomicFile(destination: target.path, overwrite: true)
        try replacing.write(Array("new".utf8))
        let other = folder.appendingPathComponent("other")
        try Data("another user's".utf8).write(to: other)
        #expect(rename(other.path, target.path) == 0)
        #expect(throws: FileError(path: target.path, reason: .changedBySomeoneElse)) { try replacing.commit() }
        #expect(try String(contentsOf: target, encoding: .utf8) == "another user's")
        let again = try AtomicFile(destination: target.path, overwrite: true)
        try again.write(Array("new".utf8))
        try again.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        #expect(try Self.workFolders(in: folder).isEmpty)

        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        #expect(throws: FileError(path: link.path, reason: .isSymbolicLink)) { try AtomicFile(destination: link.path, overwrite: true) }
        #expect(throws: FileError(path: folder.path, reason: .isDirectory)) { try AtomicFile(destination: folder.path, overwrite: true) }
        #expect(throws: FileError(path: "/dev/full", reason: .notARegularFile)) { try AtomicFile(destination: "/dev/full", overwrite: true) }
        let missing = folder.appendingPathComponent("keys/x.pub").path
        #expect(throws: FileError(path: folder.appendingPathComponent("keys").path, reason: .cannotOpenFolder(errno: ENOENT))) {
            try AtomicFile(destination: missing, overwrite: false)
        }
        #expect(FileError(path: "keys", reason: .cannotOpenFolder(errno: ENOENT)).description == "keys: this folder does not exist; create it first")
    }
}
