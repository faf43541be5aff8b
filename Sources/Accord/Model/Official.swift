/// A person who acted for one of the parties.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Official: Sendable, Hashable {
    /// The `ref` of the party the official acts for.
    public var party: String
    /// The official's role.
    public var role: Role
    /// The official's name, when it is public.
    public var name: String?
    /// The official's position, in one or more languages.
    public var position: [Narrative]

    /// Creates an official.
    public init(party: String, role: Role, name: String? = nil, position: [Narrative]) {
        self.party = party
        self.role = role
        self.name = name
        self.position = position
    }

    /// What an official did in the partnership.
    public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
        /// Led a delegation. `head-of-delegation` in XML and JSON.
        case headOfDelegation = "head-of-delegation"
        /// Was a member of a delegation. `delegation-member` in XML and JSON.
        case delegationMember = "delegation-member"
        /// Signed. `signatory` in XML and JSON.
        case signatory
        /// Witnessed. `witness` in XML and JSON.
        case witness
        /// Represented a party. `representative` in XML and JSON.
        case representative
        /// Is a point of contact. `point-of-contact` in XML and JSON.
        case pointOfContact = "point-of-contact"
    }
}
