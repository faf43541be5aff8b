@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// `bytes` as an HTTP server hands a request body over: chunks of 16 KiB.
func chunks(of bytes: [UInt8], size: Int = 16 << 10) -> AsyncStream<[UInt8]> {
    AsyncStream { continuation in
        var offset = 0
        while offset < bytes.count {
            continuation.yield(Array(bytes[offset..<min(bytes.count, offset + size)]))
            offset += size
        }
        continuation.finish()
    }
}

/// The first `count` bytes of `bytes` in chunks, then nothing more, ever: a client that
/// stalls half-way.
func stalled(_ bytes: [UInt8], after count: Int) -> AsyncStream<[UInt8]> {
    AsyncStream { continuation in
        continuation.yield(Array(bytes.prefix(count)))
        // Never finished: the stream waits for more, as a stalled connection does.
        _ = Unmanaged.passRetained(Box(continuation))
    }
}

private final class Box<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}

@Suite("Async: chunks, progress and cancellation")
struct AsyncBundleTests {
    @Test("a bundle from async chunks gives the file's findings, valid or tampered")
    func chunksGiveSameFindings() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let validator = BundleValidator()
        let fromFile = try await validator.validate(.file(fixture.bundle.path))
        let fromChunks = try await validator.validate(chunks: chunks(of: bytes), name: fixture.bundle.path, recorded: false)
        #expect(fromChunks.isValid)
        #expect(findings(fromChunks) == findings(fromFile))

        var flipped = bytes
        flipped[flipped.count / 2] ^= 0x40
        let damagedFile = fixture.folder.appendingPathComponent("damaged.tar.gz")
        try Data(flipped).write(to: damagedFile)
        let damaged = try await validator.validate(chunks: chunks(of: flipped, size: 777), name: damagedFile.path)
        #expect(!damaged.isValid)
        let damagedFromFile = try await validator.validate(.file(damagedFile.path))
        #expect(findings(damaged) == findings(damagedFromFile))
    }

    @Test("a body that fails midway is thrown as the stream's failure")
    func failingBody() async throws {
        struct Reset: Error, CustomStringConvertible { var description: String { "connection reset by peer" } }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let body = AsyncThrowingStream<[UInt8], any Error> { continuation in
            continuation.yield(Array(bytes.prefix(bytes.count / 2)))
            continuation.finish(throwing: Reset())
        }
        await #expect(throws: FileError(path: "upload", reason: .readerFailed("connection reset by peer"))) {
            _ = try await BundleValidator().validate(chunks: body, name: "upload")
        }
    }

    @Test("progress as an AsyncSequence: reports counted in a local variable, with the file's size as total")
    func progressReports() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let progress = ProgressReports()
        async let validation = BundleValidator().validate(.file(fixture.bundle.path), progress: progress)
        var count = 0
        var last: ProgressReport?
        for await report in progress {
            count += 1
            last = report
        }
        #expect(try await validation.isValid)
        #expect(count > 0)
        let size = try FileManager.default.attributesOfItem(atPath: fixture.bundle.path)[.size] as? Int
        #expect(last?.total == size)
        #expect(last?.done == size)
    }

    @Test("cancelling a validation waiting on a stalled client ends it with CancellationError")
    func cancelStalledValidation() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let task = Task {
            try await BundleValidator().validate(chunks: stalled(bytes, after: bytes.count / 2), name: "upload")
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test("the answer does not wait for the client: a body that is not a bundle, then a stall, is answered at once")
    func answerBeforeTheBodyEnds() async throws {
        let started = ContinuousClock.now
        let validation = try await BundleValidator().validate(chunks: stalled(Array("hello, not a bundle".utf8), after: 19), name: "upload")
        #expect(!validation.isValid)
        #expect(validation.codes == [.damagedArchive])
        // The stalled body never ends: returning at all is the point. (The bound is loose: on a
        // loaded machine other tests may hold the cooperative threads for a while.)
        #expect(ContinuousClock.now - started < .seconds(600))
    }

    @Test("cancelling works even when the body ignores cancellation")
    func bodyIgnoringCancellation() async throws {
        /// Yields one chunk, then waits for ever, deaf to cancellation.
        struct Deaf: AsyncSequence, Sendable {
            let first: [UInt8]
            struct Iterator: AsyncIteratorProtocol {
                var first: [UInt8]?
                mutating func next() async -> [UInt8]? {
                    if let chunk = first { first = nil; return chunk }
                    await withCheckedContinuation { (_: CheckedContinuation<Void, Never>) in }
                    return nil
                }
            }
            func makeAsyncIterator() -> Iterator { Iterator(first: first) }
        }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let task = Task { try await BundleValidator().validate(chunks: Deaf(first: Array(bytes.prefix(bytes.count / 2))), name: "upload") }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test("cancelling an unpack leaves nothing behind: no destination, no work folder")
    func cancelUnpack() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let target = fixture.folder.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        let destination = target.appendingPathComponent("bag").path
        let task = Task {
            try await BundleUnpacker().unpack(chunks: stalled(bytes, after: bytes.count - 100), name: "upload", to: destination)
        }
        try await Task.sleep(for: .milliseconds(200))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == [])
    }

    @Test("cancelling a pack of many records stops it and leaves no file")
    func cancelPack() async throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("big.tar.gz").path
        let progress = ProgressReports()
        let task = Task {
            try await BundlePacker().pack(PackOutputTests.records(3000), toFile: destination, options: PackOutputTests.options, progress: progress)
        }
        for await _ in progress {
            task.cancel()
            break
        }
        await #expect(throws: CancellationError.self) { _ = try await task.value }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    @Test("records packed in memory asynchronously validate asynchronously from bytes")
    func packThenValidate() async throws {
        let packed = try await BundlePacker().pack(PackOutputTests.records(20), options: PackOutputTests.options)
        let validation = try await BundleValidator().validate(.bytes(packed.bytes))
        #expect(validation.isValid)
        #expect(packed.summary.records == 20)
    }
}
