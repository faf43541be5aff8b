/// An aim a party pursues through the partnership.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Objective: Sendable, Hashable {
    /// The aim, from the objective code list.
    public var code: Code
    /// The `ref` of the party whose aim it is, when it is one party's.
    public var party: String?
    /// Details, in one or more languages.
    public var description: [Narrative]

    /// Creates an objective.
    public init(code: Code, party: String? = nil, description: [Narrative] = []) {
        self.code = code
        self.party = party
        self.description = description
    }

    /// The objective code list.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        case supplierDiversification = "supplier-diversification"
        case defenceIndustryDevelopment = "defence-industry-development"
        case costEffectiveness = "cost-effectiveness"
        case personnelInteraction = "personnel-interaction"
        case mutualTrust = "mutual-trust"
        case capabilityDevelopment = "capability-development"
        case interoperability
        case regionalSecurity = "regional-security"
        case foreignPolicy = "foreign-policy"
        case other
    }
}
