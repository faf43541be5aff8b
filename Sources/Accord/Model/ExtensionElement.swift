/// One element from another namespace, carried through unchanged.
///
/// The extension point lets a ministry add its own data without changing the schema.
/// Accord keeps such an element as a self-contained XML fragment (with the namespace
/// declarations it needs) and writes it back as it was read.
public struct ExtensionElement: Sendable, Hashable, Codable {
    /// The element as serialised XML.
    public var xml: String

    /// Creates an extension element from a serialised XML fragment.
    public init(xml: String) {
        self.xml = xml
    }
}
