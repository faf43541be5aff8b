import Dispatch

/// Validates records on all cores while a bundle streams past.
///
/// `submit` blocks when enough records are waiting, so memory stays bounded by a few
/// records per core however large the bundle. Of each record only a ``BundleRecord`` is
/// kept (or, when `keepsRecords` is off, only its diagnostics), and diagnostics stop
/// being kept (only counted) past ``diagnosticBudget`` for the whole bundle, so that a
/// bundle of many bad records cannot fill memory with reports.
final class RecordValidationPool: @unchecked Sendable {
    /// The most record diagnostics kept for one bundle.
    static let diagnosticBudget = 1000

    private let validator: RecordValidator
    private let keepsRecords: Bool
    private let queue = DispatchQueue(label: "accord.record-validation", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let state = Locked(State())

    private struct State {
        var results: [String: BundleRecord] = [:]
        /// When records are not kept: their diagnostics, with the order they were submitted in.
        var diagnostics: [(order: (record: Int, index: Int), diagnostic: Diagnostic)] = []
        var submitted = 0
        var kept = 0
        var dropped = 0
        var droppedErrors = false
        /// What the cross-checks found, up to ``DiagnosticCap/limit`` of each code.
        var crossChecked: [(order: (record: Int, index: Int), diagnostic: Diagnostic)] = []
        var crossCheckCap = DiagnosticCap()
    }

    init(validator: RecordValidator, keepsRecords: Bool, width: Int = RecordValidationPool.activeProcessorCount) {
        self.validator = validator
        self.keepsRecords = keepsRecords
        slots = DispatchSemaphore(value: max(1, width) * 2)
    }

    /// Queues the record at bag path `entry`; results are keyed by that path. `crossCheck`,
    /// when given, runs on the worker with the record's summary; what it finds is kept apart
    /// from the record's diagnostics, under the bag's per-code limit rather than the records'
    /// budget, as the held way's cross-checks are.
    func submit(
        _ bytes: [UInt8], entry: String, bundleFile: String, crossCheck: (@Sendable (BundleRecord) -> [Diagnostic])? = nil
    ) {
        slots.wait()
        let order = state.withLock { state in
            defer { state.submitted += 1 }
            return state.submitted
        }
        queue.async(group: group) { [validator, state, slots, keepsRecords] in
            var result = BundleRecord(validator.validate(bytes, file: bundleFile))
            for index in result.diagnostics.indices { result.diagnostics[index].location.entry = entry }
            let crossChecked = crossCheck?(result) ?? []
            state.withLock { state in
                let room = max(0, Self.diagnosticBudget - state.kept)
                if result.diagnostics.count > room {
                    state.dropped += result.diagnostics.count - room
                    state.droppedErrors = state.droppedErrors || result.diagnostics[room...].containsErrors
                    result.diagnostics.removeSubrange(room...)
                }
                state.kept += result.diagnostics.count
                for (index, diagnostic) in crossChecked.enumerated() where state.crossCheckCap.admits(diagnostic) {
                    state.crossChecked.append(((order, index), diagnostic))
                }
                if keepsRecords {
                    state.results[entry] = result
                } else {
                    state.diagnostics += result.diagnostics.enumerated().map { ((order, $0.offset), $0.element) }
                }
            }
            slots.signal()
        }
    }

    /// What the pool found, once every submitted record is done.
    struct Outcome {
        /// The records' summaries by bag path (empty when records are not kept).
        var records: [String: BundleRecord]
        /// Every diagnostic kept, of the records in the order they were submitted, and, when
        /// some were not kept, a last one that says how many.
        var diagnostics: [Diagnostic]
        /// What the cross-checks found, in the order the records were submitted.
        var crossChecked: [Diagnostic]
        /// What the cross-check findings not kept were.
        var crossCheckCap: DiagnosticCap
    }

    /// Waits for every submitted record and returns what was found.
    func finish(bundleFile: String) -> Outcome {
        group.wait()
        return state.withLock { state in
            let byRecord = state.results.keys.sorted(by: EntryOrder.precedes).flatMap { state.results[$0]!.diagnostics }
            var outcome = Outcome(
                records: state.results,
                diagnostics: byRecord + state.diagnostics.sorted { $0.order < $1.order }.map(\.diagnostic),
                crossChecked: state.crossChecked.sorted { $0.order < $1.order }.map(\.diagnostic),
                crossCheckCap: state.crossCheckCap)
            guard state.dropped > 0 else { return outcome }
            var overflow = Diagnostic(
                .moreProblemsNotShown, "\(state.dropped) more problems in the records are not shown (the first \(Self.diagnosticBudget) are)",
                at: SourceLocation(file: bundleFile))
            overflow.severity = state.droppedErrors ? .error : .warning
            outcome.diagnostics.append(overflow)
            return outcome
        }
    }

    /// The number of processors available to this process.
    static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
