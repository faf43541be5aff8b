import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows progress on standard error when it is a terminal (or when asked with
/// `--progress`), on one line redrawn in place at most five times a second and erased at
/// the end: the phase, done of total, the percentage and the time left, as
/// `checking  4.1 of 9.6 MiB  43%  about 12 s left`. Silent otherwise (pipes, logs, CI).
final class ProgressPrinter: @unchecked Sendable {
    private let enabled: Bool
    private let lock = NSLockLike()
    private var lastDraw = 0
    private var phase = ""
    private var phaseStart = 0
    private var drawn = false
    private var drewEnd = false

    /// A printer for `options`: `--quiet` silences it, `--progress` forces it, and
    /// otherwise it shows only on a terminal.
    init(_ options: ReportOptions) {
        enabled = options.progress || (!options.quiet && Terminal.standardErrorIsTerminal)
    }

    /// The callback to hand to the library, or nil when progress is not shown.
    var callback: (@Sendable (ProgressReport) -> Void)? {
        enabled ? { @Sendable [self] report in self.show(report) } : nil
    }

    private func show(_ report: ProgressReport) {
        lock.withLock {
            let now = Self.milliseconds()
            if report.phase != phase {
                phase = report.phase
                phaseStart = now
                drewEnd = false
            }
            // The end of a phase is drawn once, at once; everything else at most five times a second.
            let end = report.total.map { report.done >= $0 } ?? false
            guard now - lastDraw >= 200 || (end && !drewEnd) else { return }
            if end { drewEnd = true }
            lastDraw = now
            let line = Self.line(report, elapsed: Double(now - phaseStart) / 1000)
            Terminal.writeError("\r\u{1B}[K" + String(line.prefix(Terminal.width - 1)))
            drawn = true
        }
    }

    /// The text of one report, `elapsed` seconds into its phase.
    static func line(_ report: ProgressReport, elapsed: Double) -> String {
        var parts = [report.phase]
        let amount = Self.amount(report.done, report.unit)
        if let total = report.total, total > 0 {
            parts.append("\(amount) of \(Self.amount(total, report.unit))")
            let fraction = min(1, Double(report.done) / Double(total))
            parts.append("\(Int(fraction * 100))%")
            if elapsed >= 1, fraction > 0.01, fraction < 1 {
                parts.append("about \(Self.duration(elapsed * (1 - fraction) / fraction)) left")
            }
        } else {
            parts.append(amount)
        }
        return parts.joined(separator: "  ")
    }

    private static func amount(_ count: Int, _ unit: ProgressReport.Unit) -> String {
        switch unit {
        case .bytes:
            let mebibytes = Double(count) / 1_048_576
            return mebibytes >= 10 ? "\(Int(mebibytes)) MiB" : "\(Int(mebibytes * 10) / 10).\(Int(mebibytes * 10) % 10) MiB"
        case .records: return "\(count) record\(count == 1 ? "" : "s")"
        case .entries: return "\(count) entr\(count == 1 ? "y" : "ies")"
        case .items: return "\(count)"
        }
    }

    /// `12 s`, `3 min 5 s`.
    static func duration(_ seconds: Double) -> String {
        let whole = max(1, Int(seconds.rounded()))
        return whole < 60 ? "\(whole) s" : "\(whole / 60) min \(whole % 60) s"
    }

    private static func milliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Erases the progress line before normal output resumes.
    func finish() {
        lock.withLock {
            if drawn { Terminal.writeError("\r\u{1B}[K") }
            drawn = false
        }
    }
}

/// A pthread mutex (Foundation's NSLock is not in FoundationEssentials).
private final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
