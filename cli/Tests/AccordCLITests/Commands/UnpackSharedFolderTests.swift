import AccordTestSupport
import Foundation
import Testing

/// `accord unpack` into a folder other users can write to, with a second process (as the
/// unprivileged user `nobody` where the suite runs as root) attacking while it works.
/// Nothing outside the target may be touched, and the target is the whole bag or absent.
@Suite("accord unpack in a shared folder", .serialized)
struct UnpackSharedFolderTests {
    /// The attacker's loop, in Python: for `seconds`, act on every new name in the shared
    /// folder that starts with `prefix`.
    static let attacker = #"""
    import os, sys, time
    shared, victim, mode, seconds = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    done = set(os.listdir(shared))  # only names that appear once the attack starts
    print("ready", flush=True)
    end = time.time() + seconds
    moved = 0
    while time.time() < end:
        for name in os.listdir(shared):
            if not name.startswith(".accord-work-") or name in done:
                continue
            done.add(name)
            path = os.path.join(shared, name)
            try:
                if mode.startswith("swap"):
                    # (b): move the work folder away and put a link to our folder in its place.
                    os.rename(path, os.path.join(shared, "moved-%d" % moved))
                    moved += 1
                    print("moved", name, flush=True)
                    os.symlink(victim, path)
                    if mode == "swap-claim":
                        # and take the destination's name with a link to our folder
                        for inner in ("bag", "inbox"):
                            try:
                                os.symlink(victim, os.path.join(shared, inner))
                            except OSError:
                                pass
                else:
                    # (a): in a sticky folder only our own names can change: try anyway.
                    os.rename(path, os.path.join(shared, "moved-%d" % moved))
            except OSError as error:
                print("refused:", name, error, flush=True)
        time.sleep(0.0005)
    """#

    static var asNobody: Bool { geteuid() == 0 && ExternalTool.path("setpriv") != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") }

    /// Runs the attacker, as `nobody` when this process is root; what it did goes to `log`.
    static func startAttacker(shared: URL, victim: URL, mode: String, seconds: Double, log: URL) throws -> Process {
        let script = shared.deletingLastPathComponent().appendingPathComponent("attacker.py")
        try Data(attacker.utf8).write(to: script)
        let process = Process()
        let arguments = [script.path, shared.path, victim.path, mode, String(seconds)]
        if asNobody {
            // The system's Python: a per-user one (pyenv under /root) is out of nobody's reach.
            process.executableURL = URL(fileURLWithPath: ExternalTool.path("setpriv")!)
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3"] + arguments
        } else {
            print("note: not root; the attacker runs as this user")
            process.executableURL = URL(fileURLWithPath: ExternalTool.path("python3") ?? "/usr/bin/python3")
            process.arguments = arguments
        }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: log)
        try process.run()
        // Only once it watches: a work folder made before would not be attacked.
        for _ in 0..<2000 where lines(log, starting: "ready") == 0 && process.isRunning { usleep(5000) }
        return process
    }

    static func lines(_ log: URL, starting prefix: String) -> Int {
        ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").filter { $0.hasPrefix(prefix) }.count
    }

    /// The victim: a folder of 20 files owned by the attacker, which must come out as it went in.
    static func makeVictim(in folder: URL) throws -> URL {
        let victim = folder.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        for index in 0..<20 { try Data("file \(index)".utf8).write(to: victim.appendingPathComponent("f\(index).txt")) }
        _ = chown(victim.path, 65534, 65534)
        return victim
    }

    static func expectUntouched(_ victim: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: victim.path).sorted()
        #expect(names == (0..<20).map { "f\($0).txt" }.sorted(), "the attacker's folder holds \(names)")
    }

    static func setUp() throws -> (folder: URL, bundle: URL, expected: [String]) {
        let folder = try Fixtures.temporaryFolder()
        _ = chmod(folder.path, 0o755)
        let records = try InterruptsTests.corpus(in: folder)
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try ExternalTool.run(Fixtures.accordExecutable, InterruptsTests.packArguments(records, to: bundle)).status == 0)
        let reference = folder.appendingPathComponent("reference")
        #expect(try ExternalTool.run(Fixtures.accordExecutable, ["unpack", bundle.path, "-o", reference.path]).status == 0)
        return (folder, bundle, InterruptsTests.listing(reference))
    }

    @Test("(a) a sticky, world-writable folder with planted names: nothing of another folder is deleted")
    func stickyFolder() throws {
        let (folder, bundle, expected) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        _ = chmod(shared.path, 0o1777)
        let victim = try Self.makeVictim(in: folder)
        // Planted in advance: the old predictable staging name and work-folder look-alikes
        // with a dead process's marker, each holding a link to the victim's folder.
        for name in [".inbox.staging-\(getpid() + 1)", ".accord-work-0000000000000000", ".accord-work-planted"] {
            let planted = shared.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: planted, withIntermediateDirectories: true)
            try Data("accord work folder 1\npid 999999\nstart 1\nboot x\nhost \(ProcessInfo.processInfo.hostName)\n".utf8)
                .write(to: planted.appendingPathComponent("owner"))
            try FileManager.default.createSymbolicLink(atPath: planted.appendingPathComponent("link").path, withDestinationPath: victim.path)
            _ = chown(planted.path, 65534, 65534)
            _ = chown(planted.appendingPathComponent("owner").path, 65534, 65534)
        }
        let log = folder.appendingPathComponent("attacker.log")
        let attacker = try Self.startAttacker(shared: shared, victim: victim, mode: "rename", seconds: 8, log: log)
        let inbox = shared.appendingPathComponent("inbox")
        let unpacked = try ExternalTool.run(Fixtures.accordExecutable, ["unpack", bundle.path, "-o", inbox.path])
        attacker.waitUntilExit()
        #expect(unpacked.status == 0, "\(unpacked.standardError)")
        let whole = InterruptsTests.listing(inbox) == expected
        #expect(whole, "the whole bag")
        try Self.expectUntouched(victim)
        for name in [".inbox.staging-\(getpid() + 1)", ".accord-work-0000000000000000", ".accord-work-planted"] {
            #expect(FileManager.default.fileExists(atPath: shared.appendingPathComponent(name).appendingPathComponent("owner").path), "\(name) was not Accord's to remove")
        }
        #expect(InterruptsTests.workFolders(in: shared).sorted() == [".accord-work-0000000000000000", ".accord-work-planted"])
        if Self.asNobody {
            #expect(Self.lines(log, starting: "refused") >= 1, "the attacker tried, and the sticky folder refused it")
        }
    }

    @Test("(b) a writable, non-sticky folder: the work folder renamed away and replaced by a link, nothing lands outside")
    func swappedFolder() throws {
        let (folder, bundle, expected) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        _ = chmod(shared.path, 0o777)
        let victim = try Self.makeVictim(in: folder)
        _ = chmod(victim.path, 0o777)
        for round in 0..<3 {
            let log = folder.appendingPathComponent("attacker-\(round).log")
            let attacker = try Self.startAttacker(shared: shared, victim: victim, mode: round == 2 ? "swap-claim" : "swap", seconds: 6, log: log)
            let inbox = shared.appendingPathComponent("inbox")
            let unpacked = try ExternalTool.run(Fixtures.accordExecutable, ["unpack", bundle.path, "-o", inbox.path])
            attacker.waitUntilExit()
            try Self.expectUntouched(victim)
            #expect(Self.lines(log, starting: "moved") >= 1, "round \(round): the attacker swapped the work folder")
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isFolder)
            let attributes = try? FileManager.default.attributesOfItem(atPath: inbox.path)
            if unpacked.status == 0 {
                #expect(round < 2, "round \(round): with the destination's name taken, nothing is unpacked")
                #expect(attributes?[.type] as? FileAttributeType == .typeDirectory, "round \(round): the destination is a real folder")
                let whole = InterruptsTests.listing(inbox) == expected
                #expect(whole, "round \(round): the whole bag")
            } else {
                // The attacker won a race (for the work folder's name just after it was made,
                // or for the destination's name): refused, and nothing written through it.
                #expect(unpacked.status == 2)
                #expect(["already exists", "symbolic link", "something else took the place"].contains { unpacked.standardError.contains($0) },
                        "round \(round): \(unpacked.standardError)")
                #expect(!exists || attributes?[.type] as? FileAttributeType == .typeSymbolicLink)
            }
            // Whatever the attacker moved away holds nothing of ours.
            for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) where name.hasPrefix("moved-") {
                let inside = (try? FileManager.default.contentsOfDirectory(atPath: shared.appendingPathComponent(name).path)) ?? []
                #expect(inside.isEmpty, "round \(round): \(name) holds \(inside)")
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: shared.path) {
                try? FileManager.default.removeItem(at: shared.appendingPathComponent(name))
            }
        }
    }
}
