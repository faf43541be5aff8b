/// Something a host receives bytes in, a chunk at a time: a socket, a response body, a
/// store of its own.
public protocol ByteWriter {
    /// Takes all of `bytes` (valid only during the call), or throws; an error ends the work
    /// that was writing, which throws it described in ``PackError/archive(_:)``.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws
}

/// A host's ``ByteWriter`` as a sink.
final class WriterSink<Writer: ByteWriter>: ByteSink {
    private var writer: Writer

    init(writer: Writer) {
        self.writer = writer
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        do { try writer.write(bytes) } catch { throw .writerFailed(message: "\(error)") }
    }
}
