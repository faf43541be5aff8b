/// A state taking part in a partnership, and the organisation that acts for it.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Party: Sendable, Hashable {
    /// A short reference, unique within the record, by which officials, equipment and
    /// objectives name this party.
    public var ref: String
    /// ISO 3166-1 alpha-3 country code.
    public var country: String
    /// The party's role in the agreement.
    public var role: Role
    /// The organisation acting for the state (usually a ministry), in one or more languages.
    public var organisation: [Narrative]

    /// Creates a party.
    public init(ref: String, country: String, role: Role, organisation: [Narrative]) {
        self.ref = ref
        self.country = country
        self.role = role
        self.organisation = organisation
    }

    /// A party's role in the agreement.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// A party to the agreement. `party` in XML and JSON.
        case party
        /// A signatory. `signatory` in XML and JSON.
        case signatory
        /// An observer. `observer` in XML and JSON.
        case observer
        /// The depositary. `depositary` in XML and JSON.
        case depositary
        /// A guarantor. `guarantor` in XML and JSON.
        case guarantor
    }
}
