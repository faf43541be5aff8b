/// The organisation that reports a record and owns its identifier.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct ReportingOrganisation: Sendable, Hashable {
    /// The organisation identifier (IATI style, for example `ID-MOD`). Record ids start with it.
    public var ref: String
    /// The organisation's ISO 3166-1 alpha-3 country, when it has one.
    public var country: String?
    /// The organisation's name, in one or more languages.
    public var name: [Narrative]

    /// Creates a reporting organisation.
    public init(ref: String, country: String? = nil, name: [Narrative]) {
        self.ref = ref
        self.country = country
        self.name = name
    }
}
