/// Something that happened (or will happen) to the partnership, with its date and place.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Event: Sendable, Hashable {
    /// What kind of event.
    public var type: EventType
    /// The date as an `xs:date` (ISO 8601, for example `2025-07-28`), when known.
    public var date: String?
    /// Where it took place.
    public var place: Place?
    /// What happened, in one or more languages.
    public var description: [Narrative]

    /// Creates an event.
    public init(type: EventType, date: String? = nil, place: Place? = nil, description: [Narrative] = []) {
        self.type = type
        self.date = date
        self.place = place
        self.description = description
    }

    /// The kinds of event in a partnership's life.
    public enum EventType: String, Sendable, Hashable, Codable, CaseIterable {
        /// An announcement. `announcement` in XML and JSON.
        case announcement
        /// A meeting. `meeting` in XML and JSON.
        case meeting
        /// A round of negotiation. `negotiation` in XML and JSON.
        case negotiation
        /// The signature. `signature` in XML and JSON.
        case signature
        /// The ratification. `ratification` in XML and JSON.
        case ratification
        /// The entry into force. `entry-into-force` in XML and JSON.
        case entryIntoForce = "entry-into-force"
        /// An amendment. `amendment` in XML and JSON.
        case amendment
        /// A suspension. `suspension` in XML and JSON.
        case suspension
        /// The termination. `termination` in XML and JSON.
        case termination
        /// The expiry. `expiry` in XML and JSON.
        case expiry
        /// An exhibition. `exhibition` in XML and JSON.
        case exhibition
        /// An exercise. `exercise` in XML and JSON.
        case exercise
        /// A delivery. `delivery` in XML and JSON.
        case delivery
    }
}

/// A place: a country and, when known, a locality.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct Place: Sendable, Hashable {
    /// ISO 3166-1 alpha-3 country code.
    public var country: String
    /// A city or site.
    public var locality: String?

    /// Creates a place.
    public init(country: String, locality: String? = nil) {
        self.country = country
        self.locality = locality
    }
}
