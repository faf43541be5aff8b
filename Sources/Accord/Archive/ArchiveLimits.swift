/// Resource limits applied while reading a received archive.
///
/// Every received archive is untrusted; these caps bound the time, memory and disk
/// space any one of them can cost. The defaults suit bundles of partnership records
/// with their source documents comfortably.
struct ArchiveLimits: Sendable, Hashable {
    /// The most tar headers accepted, counting folders and the pax and long-name
    /// headers that describe other entries. Default 1,000,000.
    var maxEntries = 1_000_000
    /// The most bytes the gzip layer may produce, counted as they are inflated.
    /// Default 8 GiB.
    var maxTotalBytes: Int = 8 << 30
    /// The largest single entry accepted, in bytes. Default 2 GiB.
    var maxEntryBytes: Int = 2 << 30
    /// The highest ratio of inflated to compressed bytes accepted, checked once more
    /// than 1 MiB has been inflated. Default 200; ordinary documents stay well under 20,
    /// while a zip bomb approaches deflate's ceiling of about 1,000.
    var maxCompressionRatio = 200
    /// The longest entry path accepted, in UTF-8 bytes. Default 1024.
    var maxPathBytes = 1024
    /// The largest pax extended header (or GNU long-name header) accepted, in bytes.
    /// Default 64 KiB.
    var maxPaxHeaderBytes = 64 << 10

    /// The amount that must be inflated before the compression ratio is checked:
    /// small, highly compressible inputs are harmless.
    static let compressionRatioGrace = 1 << 20
}
