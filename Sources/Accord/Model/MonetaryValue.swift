/// An amount of money attached to the partnership.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct MonetaryValue: Sendable, Hashable {
    /// The amount as an `xs:decimal` string, kept as text so that no precision is lost.
    public var amount: String
    /// ISO 4217 alphabetic currency code.
    public var currency: String
    /// What the amount is.
    public var type: ValueType
    /// The date the amount refers to, as an `xs:date`, when known.
    public var date: String?

    /// Creates a monetary value.
    public init(amount: String, currency: String, type: ValueType, date: String? = nil) {
        self.amount = amount
        self.currency = currency
        self.type = type
        self.date = date
    }

    /// What an amount is.
    public enum ValueType: String, Sendable, Hashable, Codable, CaseIterable {
        /// An estimate. `estimate` in XML and JSON.
        case estimate
        /// A contract value. `contract` in XML and JSON.
        case contract
        /// An amount committed. `commitment` in XML and JSON.
        case commitment
        /// An amount paid out. `disbursement` in XML and JSON.
        case disbursement
    }
}
