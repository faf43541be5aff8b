#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte chunks handed from an async task (an HTTP request body) to a reader on a thread of
/// its own, which blocks until the next chunk comes. At most ``limit`` bytes wait: the
/// sending task is suspended until the reader has taken them, so that a fast client does
/// not fill memory while validation catches up.
final class ChunkChannel: ByteReader, @unchecked Sendable {
    /// The most bytes waiting before the sender is suspended.
    static let limit = 1 << 20

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let ready = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [[UInt8]] = []
    private var queuedBytes = 0
    private var current: [UInt8] = []
    private var offset = 0
    private var writingEnded = false
    private var failure: String?
    private var cancelled = false
    private var readingEnded = false
    private var sender: CheckedContinuation<Bool, Never>?

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(ready, nil)
    }

    deinit {
        pthread_cond_destroy(ready)
        pthread_mutex_destroy(mutex)
        ready.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Queues `chunk`; returns once fewer than ``limit`` bytes wait, or false when the
    /// reader has stopped (it found what it needed, or the work was cancelled).
    func send(_ chunk: [UInt8]) async -> Bool {
        let open = locked { () -> Bool in
            guard !readingEnded && !cancelled else { return false }
            if !chunk.isEmpty {
                queue.append(chunk)
                queuedBytes += chunk.count
                pthread_cond_signal(ready)
            }
            return true
        }
        guard open else { return false }
        return await withCheckedContinuation { continuation in
            let answer = locked { () -> Bool? in
                if readingEnded || cancelled { return false }
                if queuedBytes < Self.limit { return true }
                sender = continuation
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
    }

    /// No more chunks: the reader sees the end (or, with `failure`, an error).
    func finishWriting(failure: String?) {
        locked {
            writingEnded = true
            self.failure = failure
            pthread_cond_signal(ready)
        }
    }

    /// The reader is done; a sender still waiting is told so.
    func closeReading() {
        let waiting = locked { () -> CheckedContinuation<Bool, Never>? in
            readingEnded = true
            queue = []
            queuedBytes = 0
            defer { sender = nil }
            return sender
        }
        waiting?.resume(returning: false)
    }

    /// Stops both sides: the reader throws ``ArchiveError/cancelled``.
    func cancel() {
        let waiting = locked { () -> CheckedContinuation<Bool, Never>? in
            cancelled = true
            pthread_cond_broadcast(ready)
            defer { sender = nil }
            return sender
        }
        waiting?.resume(returning: false)
    }

    /// Blocks until bytes come, the chunks end (0), or the work is cancelled.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        var resume: CheckedContinuation<Bool, Never>?
        defer { resume?.resume(returning: true) }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if cancelled { throw ArchiveError.cancelled }
            if offset < current.count {
                let count = min(buffer.count, current.count - offset)
                current.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
                offset += count
                return count
            }
            if !queue.isEmpty {
                current = queue.removeFirst()
                offset = 0
                queuedBytes -= current.count
                if queuedBytes < Self.limit, let waiting = sender {
                    sender = nil
                    resume = waiting
                }
                continue
            }
            if writingEnded {
                if let failure { throw ArchiveError.readerFailed(message: failure) }
                return 0
            }
            pthread_cond_wait(ready, mutex)
        }
    }
}
