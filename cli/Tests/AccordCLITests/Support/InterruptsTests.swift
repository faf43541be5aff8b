import Accord
import AccordTestSupport
import Foundation
import Testing

/// Interrupted and killed commands: nothing partial under a destination's name, an existing
/// file survives, signals leave nothing, and the next command removes what a kill left.
///
/// `ACCORD_KILL_ROUNDS` sets how many kills each command gets (16 by default; the figures in
/// the closing note of issue 9 come from 100).
@Suite("Interrupts: kills and signals", .serialized)
struct InterruptsTests {
    static let recordCount = 2000
    static var rounds: Int { ProcessInfo.processInfo.environment["ACCORD_KILL_ROUNDS"].flatMap(Int.init) ?? 16 }

    /// A folder of generated records, unclassified so that any recipient may have them.
    static func corpus(in folder: URL) throws -> URL {
        let records = folder.appendingPathComponent("records")
        try FileManager.default.createDirectory(at: records, withIntermediateDirectories: true)
        var generator = RecordGenerator(seed: 9)
        for index in 0..<recordCount {
            var record = generator.record(index: index)
            record.confidentiality = ConfidentialityLabel(policy: "XX-MOD", classification: .unclassified)
            try Data(record.xmlBytes()).write(to: records.appendingPathComponent("r\(index).xml"))
        }
        return records
    }

    static func packArguments(_ records: URL, to output: URL) -> [String] {
        ["pack", records.path, "-o", output.path, "--sender", "XX-MOD", "--recipient", "YY-MOD=BLR", "--created", "2025-07-30T00:00:00Z"]
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.accordExecutable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments)
    }

    static func workFolders(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".accord-work-") }
    }

    /// Every file below `folder`, with its size: what a complete unpack holds.
    static func listing(_ folder: URL) -> [String] {
        let paths = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? []
        return paths.sorted().map { path in
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.size] as? Int) ?? -1
            return "\(path) \(size)"
        }
    }

    static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Runs `arguments` and kills it with SIGKILL after `delay` seconds (or lets it finish).
    static func kill(_ arguments: [String], after delay: Double) throws {
        let process = try start(arguments)
        usleep(useconds_t(delay * 1_000_000))
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// After a kill, the next command writing in `folder` (here a quick keygen) must remove
    /// what the kill left, and leave nothing of its own.
    static func expectNextRunCleansUp(_ folder: URL, round: Int) throws {
        let left = workFolders(in: folder)
        let key = folder.appendingPathComponent("k\(round)")
        #expect(try run(["keygen", "--out", key.path]).status == 0)
        try? FileManager.default.removeItem(atPath: key.path + ".key")
        try? FileManager.default.removeItem(atPath: key.path + ".pub")
        let after = workFolders(in: folder)
        #expect(after.isEmpty, "round \(round): left \(left), and after the next command \(after)")
    }

    @Test("SIGKILL at random moments during pack: the bundle is absent or whole, an existing one survives, the next command cleans up")
    func killPack() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try Self.corpus(in: folder)
        let reference = folder.appendingPathComponent("reference.tar.gz")
        let duration = try Self.seconds {
            let packed = try Self.run(Self.packArguments(records, to: reference))
            #expect(packed.status == 0)
        }
        let expected = try Data(contentsOf: reference)
        let old = Data("the bundle that was there before".utf8)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let bundle = out.appendingPathComponent("b.tar.gz")
        var random = SplitMix64(seed: 2026)
        var leftovers = 0
        for round in 0..<Self.rounds {
            let replacing = round % 2 == 1
            try? FileManager.default.removeItem(at: bundle)
            if replacing { try old.write(to: bundle) }
            let delay = Double(random.next() % 1000) / 1000 * duration * 1.1
            try Self.kill(Self.packArguments(records, to: bundle) + (replacing ? ["--force"] : []), after: delay)
            let now = try? Data(contentsOf: bundle)
            if replacing {
                #expect(now == old || now == expected, "round \(round): the destination is the old bundle or the whole new one")
            } else {
                #expect(now == nil || now == expected, "round \(round): the destination is absent or the whole bundle")
            }
            leftovers += Self.workFolders(in: out).count
            try Self.expectNextRunCleansUp(out, round: round)
        }
        print("pack: \(Self.rounds) kills over \(String(format: "%.2f", duration)) s, \(leftovers) left a work folder, 0 after the next command")
    }

    @Test("SIGKILL at random moments during unpack: the folder is absent or whole, an existing one survives, the next command cleans up")
    func killUnpack() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try Self.corpus(in: folder)
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try Self.run(Self.packArguments(records, to: bundle)).status == 0)
        let reference = folder.appendingPathComponent("reference")
        let duration = try Self.seconds {
            let unpacked = try Self.run(["unpack", bundle.path, "-o", reference.path])
            #expect(unpacked.status == 0)
        }
        let expected = Self.listing(reference)
        let out = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let target = out.appendingPathComponent("bag")
        var random = SplitMix64(seed: 2027)
        var leftovers = 0
        for round in 0..<Self.rounds {
            let replacing = round % 2 == 1
            try? FileManager.default.removeItem(at: target)
            if replacing {
                try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
                try Data("kept".utf8).write(to: target.appendingPathComponent("previous.txt"))
            }
            let delay = Double(random.next() % 1000) / 1000 * duration * 1.1
            try Self.kill(["unpack", bundle.path, "-o", target.path] + (replacing ? ["--force"] : []), after: delay)
            let now = FileManager.default.fileExists(atPath: target.path) ? Self.listing(target) : nil
            // Compared outside #expect, which would print thousands of names.
            let whole = now == expected
            if replacing {
                let previous = now == ["previous.txt 4"]
                #expect(previous || whole, "round \(round): the previous folder or the whole bag, not \(now?.count ?? 0) files")
            } else {
                #expect(now == nil || whole, "round \(round): absent or the whole bag, not \(now?.count ?? 0) files")
            }
            leftovers += Self.workFolders(in: out).count
            try Self.expectNextRunCleansUp(out, round: round)
        }
        print("unpack: \(Self.rounds) kills over \(String(format: "%.2f", duration)) s, \(leftovers) left a work folder, 0 after the next command")
    }

    /// Starts `arguments`, waits until its work folder appears in `folder`, sends `signal`.
    static func interrupt(_ arguments: [String], watching folder: URL, with signal: Int32) throws -> Int32 {
        let process = try start(arguments)
        for _ in 0..<20_000 where workFolders(in: folder).isEmpty && process.isRunning { usleep(500) }
        // Into the work, not at its first moment.
        usleep(50_000)
        Foundation.kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test("SIGINT, SIGTERM and SIGHUP during pack, unpack, sign and convert -o leave nothing, and exit 128 + the signal")
    func signals() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try Self.corpus(in: folder)
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try Self.run(Self.packArguments(records, to: bundle)).status == 0)
        let key = folder.appendingPathComponent("key")
        #expect(try Self.run(["keygen", "--out", key.path]).status == 0)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let commands: [(name: String, arguments: [String])] = [
            ("pack", Self.packArguments(records, to: out.appendingPathComponent("p.tar.gz"))),
            ("unpack", ["unpack", bundle.path, "-o", out.appendingPathComponent("u").path]),
            ("sign", ["sign", bundle.path, "--key", key.path + ".key", "-o", out.appendingPathComponent("s.tar.gz").path]),
            ("convert", ["convert", bundle.path, "--ndjson", "-o", out.appendingPathComponent("c.ndjson").path]),
        ]
        for (name, arguments) in commands {
            for signal in [SIGINT, SIGTERM, SIGHUP] {
                let status = try Self.interrupt(arguments, watching: out, with: signal)
                #expect(status == 128 + signal, "\(name) on signal \(signal) exits \(status)")
                let left = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
                #expect(left.isEmpty, "\(name) on signal \(signal) left \(left)")
            }
        }
    }
}
