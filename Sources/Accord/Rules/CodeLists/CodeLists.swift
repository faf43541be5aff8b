/// The code lists a record's values come from, for hosts that build forms: each code
/// with its English name, in the order a form offers them.
///
/// These are exactly the values the rules accept: a record whose countries, currencies
/// and classification come from these lists passes `R006` and `R007`. The lists for the
/// schema's own codes (agreement kinds, statuses, roles, ...) are the `CaseIterable`
/// enums of the model, whose raw values are the codes.
public enum CodeLists {
    /// One code of a list and its English name.
    public struct Entry: Sendable, Hashable, Codable {
        /// The code as a record holds it (`NOR`, `EUR`, `top-secret`).
        public var code: String
        /// Its English name (`Norway`, `Euro`, `Top secret`).
        public var name: String

        /// Creates an entry.
        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }
    }

    /// Every officially assigned ISO 3166-1 alpha-3 country code with its English short
    /// name, sorted by code (`ABW` Aruba to `ZWE` Zimbabwe).
    public static let countries: [Entry] = sorted(CountryCodes.names)

    /// Every ISO 4217 alphabetic currency code a record may use, with its English name,
    /// sorted by code; without `XXX` (no currency) and `XTS` (reserved for testing), which
    /// `R007` refuses.
    public static let currencies: [Entry] = sorted(CurrencyCodes.names.filter { !RecordRule.refusedCurrencies.contains($0.key) })

    /// The classifications of a confidentiality label, from lowest to highest, with their
    /// English names (`unclassified` Unclassified to `top-secret` Top secret).
    public static let classifications: [Entry] = ConfidentialityLabel.Classification.allCases.map {
        Entry(code: $0.rawValue, name: $0.englishName)
    }

    /// The English name of the country with ISO 3166-1 alpha-3 code `code`, or `nil` when
    /// the code is not assigned.
    public static func countryName(_ code: String) -> String? {
        CountryCodes.names[code]
    }

    /// The English name of the currency with ISO 4217 code `code`, or `nil` when it is not
    /// one a record may use.
    public static func currencyName(_ code: String) -> String? {
        RecordRule.refusedCurrencies.contains(code) ? nil : CurrencyCodes.names[code]
    }

    private static func sorted(_ names: [String: String]) -> [Entry] {
        names.map { Entry(code: $0.key, name: $0.value) }.sorted { $0.code < $1.code }
    }
}
