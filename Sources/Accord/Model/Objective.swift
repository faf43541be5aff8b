/// An aim a party pursues through the partnership.
public struct Objective: Sendable, Hashable, Codable {
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
