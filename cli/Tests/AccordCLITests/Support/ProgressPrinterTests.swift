@testable import AccordCLI
import Accord
import AccordTestSupport
import Foundation
import Testing

/// Progress: drawn in place on a terminal, with done of total, a percentage and the time
/// left; erased at the end; silent where standard error is not a terminal.
@Suite("Progress", .serialized)
struct ProgressPrinterTests {
    @Test("a line says the phase, done of total, the percentage and the time left")
    func line() {
        let half = ProgressPrinter.line(ProgressReport(phase: "checking", done: 5 << 20, total: 10 << 20, unit: .bytes), elapsed: 6)
        #expect(half == "checking  5.0 MiB of 10 MiB  50%  about 6 s left")
        let records = ProgressPrinter.line(ProgressReport(phase: "validating", done: 2500, total: 10000, unit: .records), elapsed: 30)
        #expect(records == "validating  2500 records of 10000 records  25%  about 1 min 30 s left")
        #expect(ProgressPrinter.line(ProgressReport(phase: "converting", done: 12, total: nil, unit: .records), elapsed: 3) == "converting  12 records")
        #expect(ProgressPrinter.line(ProgressReport(phase: "checking", done: 1, total: 10, unit: .items), elapsed: 0.2) == "checking  1 of 10  10%")
    }

    /// Runs `arguments` with standard error on a pseudo-terminal (when `terminal`) and
    /// returns what was written there.
    static func standardError(_ arguments: [String], terminal: Bool) throws -> String {
        let program = """
            import os, pty, subprocess, sys
            terminal = sys.argv[1] == "1"
            if terminal:
                master, slave = pty.openpty()
                process = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
                os.close(slave)
                out = b""
                while True:
                    try:
                        chunk = os.read(master, 65536)
                    except OSError:
                        break
                    if not chunk:
                        break
                    out += chunk
                process.wait()
            else:
                out = subprocess.run(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).stderr
            sys.stdout.write(out.decode("utf-8", "replace").replace("\\x1b", "<ESC>").replace("\\r", "<CR>"))
            """
        let output = try ExternalTool.run("python3", ["-c", program, terminal ? "1" : "0", Fixtures.accordExecutable] + arguments,
                                          environment: ["COLUMNS": "100"])
        return output.standardOutput
    }

    @Test("on a terminal progress is drawn in place and erased; elsewhere, or with --quiet, nothing")
    func terminal() throws {
        guard ExternalTool.available("python3") else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let records = try InterruptsTests.corpus(in: folder)
        let bundle = folder.appendingPathComponent("b.tar.gz")
        #expect(try ExternalTool.run(Fixtures.accordExecutable, InterruptsTests.packArguments(records, to: bundle)).status == 0)

        let drawn = try Self.standardError(["validate", bundle.path], terminal: true)
        #expect(drawn.hasPrefix("<CR><ESC>[Kchecking  "), "\(drawn.prefix(200))")
        #expect(drawn.contains(" MiB of ") && drawn.contains("%"), "\(drawn.prefix(300))")
        #expect(drawn.hasSuffix("<CR><ESC>[K"), "the line is erased at the end: \(drawn.suffix(120))")

        let packing = try Self.standardError(InterruptsTests.packArguments(records, to: folder.appendingPathComponent("c.tar.gz")), terminal: true)
        #expect(packing.contains("validating  ") && packing.contains("records of 2000 records"), "\(packing.prefix(300))")
        #expect(packing.contains("writing  "))

        #expect(try Self.standardError(["validate", bundle.path], terminal: false).isEmpty, "no terminal, no progress")
        #expect(try Self.standardError(["validate", bundle.path, "--quiet"], terminal: true).isEmpty, "--quiet")
        let forced = try Self.standardError(["validate", bundle.path, "--progress"], terminal: false)
        #expect(forced.contains("checking  "), "--progress draws even without a terminal")
    }
}
