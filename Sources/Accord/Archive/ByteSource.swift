/// Something bytes are read from: a file, a decompressor, memory.
protocol ByteSource {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read.
    ///
    /// Returns 0 only at the end of the data (or when `buffer` is empty); a short read
    /// does not mean the end is near.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
}

extension ByteSource {
    /// Fills `buffer` completely unless the data ends first; returns how many bytes were read.
    mutating func readFully(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let count = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
