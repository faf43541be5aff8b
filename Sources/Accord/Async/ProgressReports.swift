/// The progress of an async function, as an `AsyncSequence` of reports that ends when the
/// work does. Make one, pass it to the function, and iterate it in another task:
///
/// ```swift
/// let progress = ProgressReports()
/// async let validation = validator.validate(.file(path), progress: progress)
/// for await report in progress { print(report.done, report.total ?? 0) }
/// let result = try await validation
/// ```
///
/// When reports come faster than they are read, only the latest 64 are kept. One sequence
/// serves one function call and one reader.
public final class ProgressReports: AsyncSequence, Sendable {
    /// What the sequence yields.
    public typealias Element = ProgressReport

    private let stream: AsyncStream<ProgressReport>
    private let continuation: AsyncStream<ProgressReport>.Continuation

    /// An empty sequence, for one function call.
    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: ProgressReport.self, bufferingPolicy: .bufferingNewest(64))
    }

    /// The sequence's iterator.
    public func makeAsyncIterator() -> AsyncStream<ProgressReport>.Iterator {
        stream.makeAsyncIterator()
    }

    /// The callback the synchronous functions take, feeding this sequence.
    var callback: @Sendable (ProgressReport) -> Void {
        { [continuation] report in continuation.yield(report) }
    }

    /// Ends the sequence.
    func finish() {
        continuation.finish()
    }
}
