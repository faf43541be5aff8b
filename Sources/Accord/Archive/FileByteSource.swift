#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads bytes from an open file descriptor with `read(2)`.
///
/// The descriptor stays owned by the caller, who closes it.
struct FileByteSource: ByteSource {
    /// The descriptor read from.
    let descriptor: Int32

    /// Reads from `descriptor`, which must be open for reading.
    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = readFromDescriptor(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { throw .readFailed(errno: errno) }
        }
    }
}

/// `read(2)`, under a name that the `read(into:)` method does not shadow.
private func readFromDescriptor(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
