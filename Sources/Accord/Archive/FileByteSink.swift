#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes bytes to an open file descriptor with `write(2)`.
///
/// The descriptor stays owned by the caller, who closes it.
struct FileByteSink: ByteSink {
    /// The descriptor written to.
    let descriptor: Int32

    /// Writes to `descriptor`, which must be open for writing.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard let base = bytes.baseAddress else { return }
        var written = 0
        while written < bytes.count {
            let count = writeToDescriptor(descriptor, base + written, bytes.count - written)
            if count >= 0 {
                written += count
            } else if errno != EINTR {
                throw .writeFailed(errno: errno)
            }
        }
    }
}

/// `write(2)`, under a name that the `write(_:)` method does not shadow.
private func writeToDescriptor(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
