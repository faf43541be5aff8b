/// One element from another namespace, carried through unchanged.
///
/// The extension point lets a ministry add its own data without changing the schema.
/// Accord keeps such an element as a self-contained XML fragment (with the namespace
/// declarations it needs) and writes it back as it was read.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct ExtensionElement: Sendable, Hashable {
    /// The element as serialised XML.
    public var xml: String

    /// Creates an extension element from a serialised XML fragment.
    public init(xml: String) {
        self.xml = xml
    }
}
