/// Reads bytes from an array held in memory.
struct MemoryByteSource: ByteSource {
    /// All the bytes, read and unread.
    let bytes: [UInt8]
    /// How many bytes have been read so far.
    private(set) var offset = 0

    /// Reads `bytes` from the start.
    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = min(buffer.count, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[offset..<offset + count]))
        }
        offset += count
        return count
    }
}
