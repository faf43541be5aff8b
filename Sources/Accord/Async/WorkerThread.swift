#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A thread of its own for blocking work started from async code: reading a stream fed by
/// the caller's task, or a whole validation, must not hold a thread of Swift's cooperative
/// pool, which has one per core.
enum WorkerThread {
    private final class Job {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Runs `body` on a new detached thread (on a Dispatch queue if none can be made).
    static func start(_ body: @escaping @Sendable () -> Void) {
        let job = Unmanaged.passRetained(Job(body)).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, job)
        #else
        var thread: pthread_t?
        let status = pthread_create(&thread, nil, { raw in
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, job)
        #endif
        guard status == 0 else {
            Unmanaged<Job>.fromOpaque(job).release()
            DispatchQueue.global().async(execute: body)
            return
        }
        #if os(Linux)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }

    /// Runs `body` on a thread of its own with a flag that cancelling the calling task
    /// sets; a ``FileError/Reason/cancelled`` failure is thrown as `CancellationError`.
    static func run<T: Sendable>(
        _ body: @escaping @Sendable (CancellationFlag) throws(FileError) -> T
    ) async throws -> T {
        let flag = CancellationFlag()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, FileError>, Never>) in
                start { continuation.resume(returning: Result { () throws(FileError) in try body(flag) }) }
            }
        } onCancel: {
            flag.set()
        }
        return try unwrap(result)
    }

    /// Runs `body` on a thread of its own, reading a ``ChunkChannel`` that a task of its
    /// own fills from `chunks`. The result is returned as soon as `body` is done, whether or
    /// not the chunks have ended (a client may stall after the bundle's last useful byte);
    /// the feeding task is then cancelled. Cancelling the calling task stops both.
    static func run<T: Sendable, Chunks: AsyncSequence & Sendable>(
        feeding chunks: Chunks, _ body: @escaping @Sendable (CancellationFlag, ChunkChannel) throws(FileError) -> T
    ) async throws -> T where Chunks.Element: Sequence, Chunks.Element.Element == UInt8 {
        let flag = CancellationFlag()
        let channel = ChunkChannel()
        let outcome = Outcome<T>()
        let feeder = Task.detached { await feed(chunks, into: channel) }
        return try await withTaskCancellationHandler {
            start {
                let result = Result { () throws(FileError) in try body(flag, channel) }
                channel.closeReading()
                outcome.finish(result)
            }
            let result = await outcome.value
            feeder.cancel()
            return try unwrap(result)
        } onCancel: {
            flag.set()
            channel.cancel()
            feeder.cancel()
        }
    }

    /// Passes `chunks` to `channel` until they end, fail, or the reader stops.
    private static func feed<Chunks: AsyncSequence>(_ chunks: Chunks, into channel: ChunkChannel) async
    where Chunks.Element: Sequence, Chunks.Element.Element == UInt8 {
        do {
            for try await chunk in chunks {
                let bytes = chunk.withContiguousStorageIfAvailable { Array($0) } ?? Array(chunk)
                guard await channel.send(bytes) else { break }
            }
            channel.finishWriting(failure: nil)
        } catch {
            channel.finishWriting(failure: "\(error)")
        }
    }

    private static func unwrap<T>(_ result: Result<T, FileError>) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error) where error.reason == .cancelled: throw CancellationError()
        case .failure(let error): throw error
        }
    }

    /// A result that arrives from another thread, awaited once.
    private final class Outcome<T: Sendable>: @unchecked Sendable {
        private let state = Locked<(result: Result<T, FileError>?, waiter: CheckedContinuation<Result<T, FileError>, Never>?)>((nil, nil))

        func finish(_ result: Result<T, FileError>) {
            let waiter = state.withLock { state in
                state.result = result
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: result)
        }

        var value: Result<T, FileError> {
            get async {
                await withCheckedContinuation { continuation in
                    let ready = state.withLock { state in
                        if state.result == nil { state.waiter = continuation }
                        return state.result
                    }
                    if let ready { continuation.resume(returning: ready) }
                }
            }
        }
    }
}
