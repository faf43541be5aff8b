/// Collects written bytes in memory.
///
/// A class rather than a struct: writers keep the sink they are given, and the caller
/// needs to see what was written through the same instance.
final class MemoryByteSink: ByteSink {
    /// Everything written so far.
    private(set) var bytes: [UInt8] = []

    /// An empty sink.
    init() {}

    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        self.bytes.append(contentsOf: bytes)
    }
}
