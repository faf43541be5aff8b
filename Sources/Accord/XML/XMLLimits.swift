/// Resource limits applied to every XML document Accord reads.
///
/// Received documents are untrusted; these caps bound the time and memory any one of
/// them can cost. The defaults suit partnership records comfortably.
public struct XMLLimits: Sendable, Hashable, Codable {
    /// The largest document accepted, in bytes.
    public var maxBytes: Int
    /// The deepest element nesting accepted (the root element is at depth 1).
    public var maxDepth: Int
    /// The most attributes one element may carry, namespace declarations included.
    public var maxAttributesPerElement: Int
    /// The most namespace declarations (`xmlns`, `xmlns:p`) one element may carry.
    public var maxNamespaceDeclarationsPerElement: Int

    /// Creates limits.
    public init(
        maxBytes: Int = XMLLimits.default.maxBytes, maxDepth: Int = XMLLimits.default.maxDepth,
        maxAttributesPerElement: Int = XMLLimits.default.maxAttributesPerElement,
        maxNamespaceDeclarationsPerElement: Int = XMLLimits.default.maxNamespaceDeclarationsPerElement
    ) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAttributesPerElement = maxAttributesPerElement
        self.maxNamespaceDeclarationsPerElement = maxNamespaceDeclarationsPerElement
    }

    /// 16 MiB, 64 levels, 256 attributes and 32 namespace declarations per element: a
    /// large record is well under 1 MiB and 10 levels, and no element of the schemas has
    /// more than a few attributes.
    public static let `default` = XMLLimits(maxBytes: 16 << 20, maxDepth: 64, maxAttributesPerElement: 256, maxNamespaceDeclarationsPerElement: 32)
}
