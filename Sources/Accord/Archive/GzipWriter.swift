internal import CZlib

/// Compresses everything written to it into one gzip member, with zlib.
///
/// The gzip header has modification time 0 and no file name, so the output depends only
/// on the input, the level and the zlib version. Call `finish()` to write the trailer.
final class GzipWriter: ByteSink {
    private var sink: any ByteSink
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let output = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
    private var state = State.open

    /// What the writer can do next.
    private enum State {
        case open
        case finished
        case failed(ArchiveError)
    }

    /// Compresses to `sink` at `level`, from 0 (store) to 9 (smallest); 6 is gzip's default.
    init<S: ByteSink>(sink: S, level: Int) throws(ArchiveError) {
        self.sink = sink
        stream.initialize(to: z_stream())
        guard (0...9).contains(level) else {
            state = .finished
            throw .misuse(detail: "compression level \(level) is not between 0 and 9")
        }
        // windowBits 15 + 16 asks zlib for a gzip wrapper rather than a zlib one.
        let status = accord_deflate_init2(stream, Int32(level), 15 + 16, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            state = .finished
            throw .zlibFailure(code: status)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        try checkOpen()
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        while offset < bytes.count {
            // zlib counts input in UInt32, so feed very large buffers in parts.
            let count = min(bytes.count - offset, 1 << 30)
            stream.pointee.next_in = UnsafeMutablePointer(mutating: (base + offset).assumingMemoryBound(to: Bytef.self))
            stream.pointee.avail_in = uInt(count)
            try deflateAll(flush: Z_NO_FLUSH)
            offset += count
        }
    }

    /// Compresses the contents of `bytes`.
    func write(_ bytes: [UInt8]) throws(ArchiveError) {
        try bytes.withRawBytes { (buffer) throws(ArchiveError) in try write(buffer) }
    }

    /// Writes the last compressed bytes and the gzip trailer (CRC-32 and length).
    /// Does not close the sink.
    func finish() throws(ArchiveError) {
        try checkOpen()
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        try deflateAll(flush: Z_FINISH)
        state = .finished
    }

    private func checkOpen() throws(ArchiveError) {
        switch state {
        case .open: return
        case .finished: throw .misuse(detail: "gzip data was written after finish()")
        case .failed(let error): throw error
        }
    }

    /// Runs deflate until it has taken all the input (and, when finishing, written the
    /// trailer), passing the output to the sink.
    private func deflateAll(flush: Int32) throws(ArchiveError) {
        do throws(ArchiveError) {
            while true {
                stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(output.count)
                let status = deflate(stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw .zlibFailure(code: status)
                }
                let produced = output.count - Int(stream.pointee.avail_out)
                if produced > 0 { try sink.write(UnsafeRawBufferPointer(rebasing: output[..<produced])) }
                let done = flush == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_out != 0
                if done { return }
            }
        } catch {
            state = .failed(error)
            throw error
        }
    }
}
