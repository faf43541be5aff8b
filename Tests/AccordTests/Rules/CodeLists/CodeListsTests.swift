@testable import Accord
import Testing

@Suite("Rules: public code lists")
struct CodeListsTests {
    @Test("countries: every generated ISO 3166-1 code with its English name, sorted by code")
    func countries() {
        let countries = CodeLists.countries
        #expect(countries.count == CountryCodes.names.count)
        #expect(countries.count == 249)
        #expect(countries.first == CodeLists.Entry(code: "ABW", name: "Aruba"))
        #expect(countries.last?.code == "ZWE")
        #expect(countries.first { $0.code == "NOR" }?.name == "Norway")
        #expect(countries.first { $0.code == "IDN" }?.name == "Indonesia")
        #expect(countries.map(\.code) == countries.map(\.code).sorted())
        #expect(CodeLists.countryName("BLR") == "Belarus")
        #expect(CodeLists.countryName("XKX") == nil)
    }

    @Test("currencies: ISO 4217 without XXX and XTS, sorted; each passes R007")
    func currencies() {
        let currencies = CodeLists.currencies
        #expect(currencies.count == CurrencyCodes.names.count - 2)
        #expect(currencies.first { $0.code == "EUR" }?.name == "Euro")
        #expect(currencies.first { $0.code == "NOK" }?.name == "Norwegian Krone")
        #expect(!currencies.contains { $0.code == "XXX" || $0.code == "XTS" })
        #expect(currencies.map(\.code) == currencies.map(\.code).sorted())
        #expect(CodeLists.currencyName("IDR") == "Rupiah")
        #expect(CodeLists.currencyName("XTS") == nil)
    }

    @Test("classifications: lowest to highest, with English names")
    func classifications() {
        #expect(CodeLists.classifications.map(\.code) == ["unclassified", "restricted", "confidential", "secret", "top-secret"])
        #expect(CodeLists.classifications.last?.name == "Top secret")
        #expect(CodeLists.classifications.compactMap { ConfidentialityLabel.Classification(rawValue: $0.code) }
            == ConfidentialityLabel.Classification.allCases)
    }
}
