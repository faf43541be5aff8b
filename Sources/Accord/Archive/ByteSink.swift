/// Something bytes are written to: a file, a compressor, memory.
protocol ByteSink {
    /// Writes all of `bytes`, or throws.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError)
}

extension ByteSink {
    /// Writes all of `bytes`, or throws.
    mutating func write(_ bytes: [UInt8]) throws(ArchiveError) {
        try bytes.withRawBytes { buffer throws(ArchiveError) in try write(buffer) }
    }
}
