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
        /// Diversifying suppliers. `supplier-diversification` in XML and JSON.
        case supplierDiversification = "supplier-diversification"
        /// Developing the defence industry. `defence-industry-development` in XML and JSON.
        case defenceIndustryDevelopment = "defence-industry-development"
        /// Cost-effectiveness. `cost-effectiveness` in XML and JSON.
        case costEffectiveness = "cost-effectiveness"
        /// Interaction between personnel. `personnel-interaction` in XML and JSON.
        case personnelInteraction = "personnel-interaction"
        /// Mutual trust. `mutual-trust` in XML and JSON.
        case mutualTrust = "mutual-trust"
        /// Developing capabilities. `capability-development` in XML and JSON.
        case capabilityDevelopment = "capability-development"
        /// Interoperability. `interoperability` in XML and JSON.
        case interoperability
        /// Regional security. `regional-security` in XML and JSON.
        case regionalSecurity = "regional-security"
        /// Foreign-policy aims. `foreign-policy` in XML and JSON.
        case foreignPolicy = "foreign-policy"
        /// Another objective. `other` in XML and JSON.
        case other
    }
}
