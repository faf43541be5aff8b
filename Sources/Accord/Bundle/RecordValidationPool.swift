import Dispatch

/// Validates records on all cores while a bundle streams past.
///
/// `submit` blocks when enough records are waiting, so memory stays bounded by a few
/// records per core however large the bundle.
final class RecordValidationPool: @unchecked Sendable {
    private let validator: RecordValidator
    private let queue = DispatchQueue(label: "accord.record-validation", attributes: .concurrent)
    private let group = DispatchGroup()
    private let slots: DispatchSemaphore
    private let results = Locked<[String: RecordValidation]>([:])

    init(validator: RecordValidator, width: Int = RecordValidationPool.activeProcessorCount) {
        self.validator = validator
        slots = DispatchSemaphore(value: max(1, width) * 2)
    }

    /// Queues the record at bag path `entry`; results are keyed by that path.
    func submit(_ bytes: [UInt8], entry: String, bundleFile: String) {
        slots.wait()
        queue.async(group: group) { [validator, results, slots] in
            var result = validator.validate(bytes, file: bundleFile)
            for index in result.diagnostics.indices { result.diagnostics[index].location.entry = entry }
            results.withLock { $0[entry] = result }
            slots.signal()
        }
    }

    /// Waits for every submitted record and returns the results by bag path.
    func finish() -> [String: RecordValidation] {
        group.wait()
        return results.withLock { $0 }
    }

    /// The number of processors available to this process.
    static var activeProcessorCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
