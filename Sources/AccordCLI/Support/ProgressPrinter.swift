import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows progress on standard error when it is a terminal, at most a few times a second;
/// stays silent otherwise (pipes, logs, CI).
final class ProgressPrinter: @unchecked Sendable {
    private var lastPrint: Int = 0
    private var mutex = pthread_mutex_t()
    private let enabled: Bool

    init(enabled: Bool = Terminal.standardErrorIsTerminal) {
        self.enabled = enabled
        pthread_mutex_init(&mutex, nil)
    }

    /// The callback to hand to the library, or nil when progress is not shown.
    var callback: (@Sendable (ProgressReport) -> Void)? {
        enabled ? { @Sendable [self] progress in self.show(progress) } : nil
    }

    private func show(_ progress: ProgressReport) {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let milliseconds = Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
        let last = progress.total.map { progress.done == $0 } ?? false
        guard milliseconds - lastPrint >= 200 || last else { return }
        lastPrint = milliseconds
        let amount = progress.phase == "reading" ? "\(progress.done / (1 << 20)) MiB" : "\(progress.done)"
        let total = progress.total.map { " of \($0)" } ?? ""
        Terminal.writeError("\r\u{1B}[K\(progress.phase) \(amount)\(total)")
    }

    /// Clears the progress line before normal output resumes.
    func finish() {
        if enabled { Terminal.writeError("\r\u{1B}[K") }
    }
}
