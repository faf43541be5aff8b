/// Resource limits applied to every XML document Accord reads.
///
/// Received documents are untrusted; these caps bound the time and memory any one of
/// them can cost. The defaults suit partnership records comfortably.
public struct XMLLimits: Sendable, Hashable, Codable {
    /// The largest document accepted, in bytes.
    public var maxBytes: Int
    /// The deepest element nesting accepted (the root element is at depth 1).
    public var maxDepth: Int

    /// Creates limits.
    public init(maxBytes: Int = XMLLimits.default.maxBytes, maxDepth: Int = XMLLimits.default.maxDepth) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }

    /// 16 MiB and 64 levels: a large record is well under 1 MiB and 10 levels.
    public static let `default` = XMLLimits(maxBytes: 16 << 20, maxDepth: 64)
}
