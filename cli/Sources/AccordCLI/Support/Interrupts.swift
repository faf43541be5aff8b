import Accord
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `accord` does on SIGINT, SIGTERM and SIGHUP: removes every file and folder the
/// command was still preparing (``WorkInProgress/removeAll()``), erases the progress
/// line, and exits with 128 + the signal's number (130 for SIGINT, 143 for SIGTERM, 129
/// for SIGHUP), as shells report a command ended by a signal.
///
/// The signals are taken by dispatch sources rather than a C signal handler, so the
/// clean-up runs as ordinary code on a thread of its own, whatever the command's threads
/// are doing (a worker validating a record, a read blocked on a pipe).
enum Interrupts {
    private static let queue = DispatchQueue(label: "accord.interrupts")
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Starts handling the signals; call once, before any work. A signal the parent set to
    /// be ignored (`nohup`, a background job of a script) stays ignored.
    static func install() {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            let previous = signal(signalNumber, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                WorkInProgress.removeAll()
                Terminal.eraseProgressLine()
                let name = signalNumber == SIGINT ? "interrupted" : "stopped by signal \(signalNumber)"
                Terminal.printError("accord: \(name); nothing was left behind")
                _exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

extension Interrupts {
    /// Before writing `output`: removes what killed Accord commands left in its folder,
    /// and names what cannot be judged, for the user to remove by hand.
    static func noteLeftovers(beside output: String) {
        var output = Substring(output)
        while output.count > 1 && output.hasSuffix("/") { output = output.dropLast() }
        let folder = output.lastIndex(of: "/").map { String(output[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        for path in WorkInProgress.sweep(folder) {
            Terminal.printError("accord: note: \(path) was left by an Accord command that cannot be identified; if no Accord command is running there, remove it: rm -r '\(path)'")
        }
    }
}
