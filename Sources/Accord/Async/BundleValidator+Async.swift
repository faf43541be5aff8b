extension BundleValidator {
    /// Checks the bundle `source` gives, as ``validate(_:progress:)-(BundleSource,_)`` does,
    /// on a thread of its own. Cancelling the calling task stops the work within one buffer
    /// and throws `CancellationError`.
    public func validate(_ source: sending BundleSource, progress: ProgressReports? = nil) async throws -> BundleValidation {
        let source = Unchecked(source)
        defer { progress?.finish() }
        return try await WorkerThread.run { flag throws(FileError) in
            try check(input(source.value, hashes: false, cancellation: flag), extractor: nil, progress: progress?.callback)
        }
    }

    /// Checks a bundle arriving as byte chunks (an HTTP request body, say), in one pass as
    /// it arrives: at most about a mebibyte of chunks waits while validation catches up.
    /// `name` is what diagnostics call the bundle; `expectedSize`, when known, gives
    /// progress reports a total; `recorded` as in ``BundleSource/recordsStream``. An error
    /// the sequence throws is thrown as ``FileError`` with
    /// ``FileError/Reason/readerFailed(_:)``; chunks that end early are a truncated bundle.
    /// The chunks are read by a task of their own: the result is returned as soon as the
    /// validation is done, even when the chunks have not ended (a client that stalls), and
    /// that task is then cancelled. Cancelling the calling task stops the work within one
    /// buffer, even when the sequence does not itself respond to cancellation.
    public func validate<Chunks: AsyncSequence & Sendable>(
        chunks: Chunks, name: String, expectedSize: Int? = nil, recorded: Bool = true, progress: ProgressReports? = nil
    ) async throws -> BundleValidation where Chunks.Element: Sequence, Chunks.Element.Element == UInt8 {
        defer { progress?.finish() }
        return try await WorkerThread.run(feeding: chunks) { flag, channel throws(FileError) in
            let source = BundleSource.stream(channel, name: name, expectedSize: expectedSize, recorded: recorded)
            return try check(input(source, hashes: false, cancellation: flag), extractor: nil, progress: progress?.callback)
        }
    }
}

extension BundleUnpacker {
    /// Unpacks the bundle `source` gives into `destination`, as
    /// ``unpack(_:to:overwrite:refusingWarnings:progress:)-(BundleSource,_,_,_,_)`` does, on
    /// a thread of its own. Cancelling the calling task stops the work within one buffer,
    /// removes what was written, and throws `CancellationError`.
    public func unpack(
        _ source: sending BundleSource, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        progress: ProgressReports? = nil
    ) async throws -> BundleValidation {
        let source = Unchecked(source)
        defer { progress?.finish() }
        return try await WorkerThread.run { flag throws(FileError) in
            try unpack(
                validator.input(source.value, hashes: false, cancellation: flag), to: destination, overwrite: overwrite,
                refusingWarnings: refusingWarnings, progress: progress?.callback)
        }
    }

    /// Unpacks a bundle arriving as byte chunks into `destination`, in one pass as it
    /// arrives (see ``BundleValidator/validate(chunks:name:expectedSize:recorded:progress:)``).
    public func unpack<Chunks: AsyncSequence & Sendable>(
        chunks: Chunks, name: String, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        recorded: Bool = true, progress: ProgressReports? = nil
    ) async throws -> BundleValidation where Chunks.Element: Sequence, Chunks.Element.Element == UInt8 {
        defer { progress?.finish() }
        return try await WorkerThread.run(feeding: chunks) { flag, channel throws(FileError) in
            let source = BundleSource.stream(channel, name: name, recorded: recorded)
            return try unpack(
                validator.input(source, hashes: false, cancellation: flag), to: destination, overwrite: overwrite,
                refusingWarnings: refusingWarnings, progress: progress?.callback)
        }
    }
}

extension BundleJSONConverter {
    /// Validates the bundle `source` gives and, when it is valid, passes its JSON to
    /// `output`, as ``convert(_:ndjson:progress:output:)-(BundleSource,_,_,_)`` does, on a
    /// thread of its own (`output` is called there). Cancelling the calling task stops the
    /// work within one buffer and throws `CancellationError`.
    public func convert(
        _ source: sending BundleSource, ndjson: Bool, progress: ProgressReports? = nil,
        output: @escaping @Sendable (_ bytes: [UInt8]) throws(FileError) -> Void
    ) async throws -> BundleValidation {
        let source = Unchecked(source)
        defer { progress?.finish() }
        return try await WorkerThread.run { flag throws(FileError) in
            try convert(validator.input(source.value, hashes: true, cancellation: flag), ndjson: ndjson, progress: progress?.callback, output: output)
        }
    }

    /// Validates and converts a bundle arriving as byte chunks. The chunks are recorded as
    /// they arrive (the conversion reads them a second time, from the recording).
    public func convert<Chunks: AsyncSequence & Sendable>(
        chunks: Chunks, name: String, ndjson: Bool, progress: ProgressReports? = nil,
        output: @escaping @Sendable (_ bytes: [UInt8]) throws(FileError) -> Void
    ) async throws -> BundleValidation where Chunks.Element: Sequence, Chunks.Element.Element == UInt8 {
        defer { progress?.finish() }
        return try await WorkerThread.run(feeding: chunks) { flag, channel throws(FileError) in
            let source = BundleSource.stream(channel, name: name)
            return try convert(validator.input(source, hashes: true, cancellation: flag), ndjson: ndjson, progress: progress?.callback, output: output)
        }
    }
}

/// A value handed, once, to the thread that uses it: the functions that make one take it
/// as `sending`, so the compiler has checked that the caller keeps no access to it.
struct Unchecked<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
