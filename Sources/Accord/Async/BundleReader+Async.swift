import Dispatch

/// A bundle that failed validation, so that nothing of it was handed over.
public struct BundleRejected: Error, Sendable, CustomStringConvertible {
    /// Why: the validation, with every diagnostic.
    public var validation: BundleValidation

    /// `bundle.tar.gz: invalid (3 errors)`, then the first diagnostics.
    public var description: String {
        let errors = validation.diagnostics.filter { $0.severity == .error }
        let shown = errors.prefix(3).map { "\n  \($0.formatted)" }.joined()
        let more = errors.count > 3 ? "\n  and \(errors.count - 3) more" : ""
        return "\(validation.file): invalid (\(errors.count) error\(errors.count == 1 ? "" : "s"))\(shown)\(more)"
    }
}

extension BundleReader {
    /// The entries of the bundle `source` gives, as an `AsyncSequence`: the bundle is
    /// validated in full first, on a thread of its own; when it is invalid, the first call
    /// to `next()` throws ``BundleRejected`` and nothing is yielded; when it is valid, its
    /// attachments and records follow in bundle order. A few entries at most wait to be
    /// taken. Leaving the loop early, or cancelling the task, stops the reading.
    ///
    /// ```swift
    /// for try await entry in BundleReader().entries(.bytes(body)) {
    ///     if case .record(let received) = entry { store(received.record) }
    /// }
    /// ```
    public func entries(_ source: sending BundleSource, progress: ProgressReports? = nil) -> ReceivedEntries {
        let source = Unchecked(source)
        let flag = CancellationFlag()
        // Made empty and given its room by signals: libdispatch refuses to free a semaphore
        // whose count is below the one it was made with, as it is when the loop is left early.
        let room = DispatchSemaphore(value: 0)
        for _ in 0..<4 { room.signal() }
        let reader = self
        let stream = AsyncThrowingStream<ReceivedEntry, any Error> { continuation in
            continuation.onTermination = { _ in
                flag.set()
                room.signal()
            }
            WorkerThread.start {
                defer { progress?.finish() }
                do {
                    let validation = try reader.read(source.value, cancellation: flag, progress: progress?.callback) { entry in
                        room.wait()
                        if flag.isSet { throw CancellationError() }
                        continuation.yield(entry)
                    }
                    if validation.isValid { continuation.finish() } else { continuation.finish(throwing: BundleRejected(validation: validation)) }
                } catch let error as FileError where error.reason == .cancelled {
                    continuation.finish(throwing: CancellationError())
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
        return ReceivedEntries(stream: stream, room: room)
    }
}

/// The entries of a received bundle, from ``BundleReader/entries(_:progress:)``.
public struct ReceivedEntries: AsyncSequence, Sendable {
    /// What the sequence yields.
    public typealias Element = ReceivedEntry

    let stream: AsyncThrowingStream<ReceivedEntry, any Error>
    /// Room for the entries waiting to be taken; each one taken makes room for another.
    let room: DispatchSemaphore

    /// The sequence's iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(inner: stream.makeAsyncIterator(), room: room)
    }

    /// Yields the entries; throws ``BundleRejected`` for an invalid bundle.
    public struct Iterator: AsyncIteratorProtocol {
        var inner: AsyncThrowingStream<ReceivedEntry, any Error>.Iterator
        let room: DispatchSemaphore

        /// The next entry, or nil after the last.
        public mutating func next() async throws -> ReceivedEntry? {
            let entry = try await inner.next()
            if entry != nil { room.signal() }
            return entry
        }
    }
}
