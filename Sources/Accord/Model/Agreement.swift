/// What kind of instrument a partnership rests on, and between how many parties.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Agreement: Sendable, Hashable {
    /// The kind of instrument.
    public var kind: Kind
    /// Bilateral or multilateral.
    public var category: Category
    /// The instrument's official name, when it has one.
    public var name: [Narrative]

    /// Creates an agreement description.
    public init(kind: Kind, category: Category, name: [Narrative] = []) {
        self.kind = kind
        self.category = category
        self.name = name
    }

    /// The kind of instrument (UNTS treaty-metadata style).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case treaty
        case agreement
        case frameworkAgreement = "framework-agreement"
        case memorandumOfUnderstanding = "memorandum-of-understanding"
        case `protocol`
        case exchangeOfNotes = "exchange-of-notes"
        case letterOfIntent = "letter-of-intent"
        case arrangement
        case contract
        case other
        /// Not yet known: cooperation has been announced but its instrument not named.
        case undetermined
    }

    /// Whether the instrument binds two parties or more.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        case bilateral
        case multilateral
    }
}

/// Where an agreement stands in its life.
public enum AgreementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case announced
    case underNegotiation = "under-negotiation"
    case signed
    case ratified
    case inForce = "in-force"
    case suspended
    case terminated
    case expired
}
