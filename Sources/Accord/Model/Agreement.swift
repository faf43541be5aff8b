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
        /// A treaty. `treaty` in XML and JSON.
        case treaty
        /// An agreement. `agreement` in XML and JSON.
        case agreement
        /// A framework agreement, under which further agreements are made. `framework-agreement` in XML and JSON.
        case frameworkAgreement = "framework-agreement"
        /// A memorandum of understanding. `memorandum-of-understanding` in XML and JSON.
        case memorandumOfUnderstanding = "memorandum-of-understanding"
        /// A protocol. `protocol` in XML and JSON.
        case `protocol`
        /// An exchange of notes. `exchange-of-notes` in XML and JSON.
        case exchangeOfNotes = "exchange-of-notes"
        /// A letter of intent. `letter-of-intent` in XML and JSON.
        case letterOfIntent = "letter-of-intent"
        /// An arrangement. `arrangement` in XML and JSON.
        case arrangement
        /// A contract. `contract` in XML and JSON.
        case contract
        /// Another kind of instrument. `other` in XML and JSON.
        case other
        /// Not yet known: cooperation has been announced but its instrument not named.
        case undetermined
    }

    /// Whether the instrument binds two parties or more.
    public enum Category: String, Sendable, Hashable, Codable, CaseIterable {
        /// Between two parties. `bilateral` in XML and JSON.
        case bilateral
        /// Among more than two parties. `multilateral` in XML and JSON.
        case multilateral
    }
}

/// Where an agreement stands in its life.
public enum AgreementStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Announced. `announced` in XML and JSON.
    case announced
    /// Being negotiated. `under-negotiation` in XML and JSON.
    case underNegotiation = "under-negotiation"
    /// Signed. `signed` in XML and JSON.
    case signed
    /// Ratified. `ratified` in XML and JSON.
    case ratified
    /// In force. `in-force` in XML and JSON.
    case inForce = "in-force"
    /// Suspended. `suspended` in XML and JSON.
    case suspended
    /// Terminated. `terminated` in XML and JSON.
    case terminated
    /// Expired. `expired` in XML and JSON.
    case expired
}
