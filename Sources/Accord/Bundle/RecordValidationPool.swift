import Dispatch

/// Validates records on all cores while a bundle streams past.
///
/// `submit` blocks when enough records are waiting, so memory stays bounded by a few
/// records per core however large the bundle. Of each record only a ``BundleRecord`` is
/// kept, and diagnostics stop being kept (only counted) past ``diagnosticBudget`` for the
/// whole bundle, so that a bundle of many bad records cannot fill memory with reports.
final class RecordValidationPool: @unchecked Sendable {
    /// The most record diagnostics kept for one bundle.
    static let diagnosticBudget = 1000

    private let validator: RecordValidator
    private let queue = DispatchQueue(label: "accord.record-validation", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let state = Locked(State())

    private struct State {
        var results: [String: BundleRecord] = [:]
        var kept = 0
        var dropped = 0
        var droppedErrors = false
    }

    init(validator: RecordValidator, width: Int = RecordValidationPool.activeProcessorCount) {
        self.validator = validator
        slots = DispatchSemaphore(value: max(1, width) * 2)
    }

    /// Queues the record at bag path `entry`; results are keyed by that path.
    func submit(_ bytes: [UInt8], entry: String, bundleFile: String) {
        slots.wait()
        queue.async(group: group) { [validator, state, slots] in
            var result = BundleRecord(validator.validate(bytes, file: bundleFile))
            for index in result.diagnostics.indices { result.diagnostics[index].location.entry = entry }
            state.withLock { state in
                let room = max(0, Self.diagnosticBudget - state.kept)
                if result.diagnostics.count > room {
                    state.dropped += result.diagnostics.count - room
                    state.droppedErrors = state.droppedErrors || result.diagnostics[room...].containsErrors
                    result.diagnostics.removeSubrange(room...)
                }
                state.kept += result.diagnostics.count
                state.results[entry] = result
            }
            slots.signal()
        }
    }

    /// Waits for every submitted record; returns the results by bag path and, when some
    /// diagnostics were not kept, one diagnostic that says how many.
    func finish(bundleFile: String) -> (records: [String: BundleRecord], overflow: Diagnostic?) {
        group.wait()
        return state.withLock { state in
            guard state.dropped > 0 else { return (state.results, nil) }
            var overflow = Diagnostic(
                .moreProblemsNotShown, "\(state.dropped) more problems in the records are not shown (the first \(Self.diagnosticBudget) are)",
                at: SourceLocation(file: bundleFile))
            overflow.severity = state.droppedErrors ? .error : .warning
            return (state.results, overflow)
        }
    }

    /// The number of processors available to this process.
    static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
