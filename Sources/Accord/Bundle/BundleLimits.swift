/// Resource limits applied while reading a bundle. Every limit counts actual bytes as they
/// stream, never what a header declares.
public struct BundleLimits: Sendable, Hashable {
    /// Limits on each XML document (records and envelope).
    public var xml: XMLLimits
    /// The largest tag file Accord reads whole (bagit.txt, bag-info.txt, the SHA-512
    /// manifests, the envelope, each signature); other tag files are only hashed.
    public var maxTagFileBytes: Int
    /// Limits on the archive itself.
    var archive: ArchiveLimits

    /// The most entries an archive may have.
    public var maxEntries: Int {
        get { archive.maxEntries }
        set { archive.maxEntries = newValue }
    }
    /// The most bytes an archive may inflate to.
    public var maxTotalBytes: Int {
        get { archive.maxTotalBytes }
        set { archive.maxTotalBytes = newValue }
    }
    /// The largest single entry.
    public var maxEntryBytes: Int {
        get { archive.maxEntryBytes }
        set { archive.maxEntryBytes = newValue }
    }
    /// The highest compression ratio (inflated bytes per compressed byte) accepted.
    public var maxCompressionRatio: Int {
        get { archive.maxCompressionRatio }
        set { archive.maxCompressionRatio = newValue }
    }

    /// The limits for the envelope: it lists every record, so it may be as large as a tag
    /// file (64 MiB by default, about 170,000 records); it is read as a stream.
    var envelope: XMLLimits {
        XMLLimits(maxBytes: maxTagFileBytes, maxDepth: xml.maxDepth)
    }

    /// The defaults: see `docs/bundle-format.md`.
    public init() {
        xml = .default
        maxTagFileBytes = 64 << 20
        archive = ArchiveLimits()
    }

    /// The defaults.
    public static let `default` = BundleLimits()
}
