@testable import Accord
import AccordTestSupport
import Testing

/// Each rule passes on the motivating example and fails on a record broken in its way.
@Suite("Rules")
struct RecordRulesTests {
    let valid: PartnershipRecord

    init() throws {
        valid = try Fixtures.motivatingRecord()
    }

    /// Asserts that `rule` accepts the valid record and rejects `broken`, pointing at `path`.
    private func expect(_ rule: RecordRule, rejects broken: PartnershipRecord, at path: String, mentioning text: String,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(rule.check(valid).isEmpty, "the valid example must pass \(rule.code.rawValue)", sourceLocation: sourceLocation)
        let findings = rule.check(broken)
        #expect(findings.count == 1, sourceLocation: sourceLocation)
        #expect(findings.first?.path == path, sourceLocation: sourceLocation)
        #expect(findings.first?.message.contains(text) == true, "\(findings)", sourceLocation: sourceLocation)
    }

    @Test func every_rule_is_listed_once_and_in_code_order() {
        let codes = RecordRule.all.map(\.code.rawValue)
        #expect(codes == codes.sorted())
        #expect(Set(codes).count == codes.count)
        #expect(Set(codes) == Set(DiagnosticCode.allCases.map(\.rawValue).filter { $0.hasPrefix("R") }))
    }

    @Test func R001_unsupported_schema_version() {
        var broken = valid
        broken.schemaVersion = "1.7"
        expect(.supportedSchemaVersion, rejects: broken, at: "/partnershipRecord", mentioning: "1.7")
    }

    @Test func R002_record_id_prefix() {
        var broken = valid
        broken.id = "XX-MOD-2025-1"
        expect(.recordIdPrefix, rejects: broken, at: "/partnershipRecord/recordId", mentioning: "ID-MOD-")
        broken.id = "ID-MODX-1"
        #expect(RecordRule.recordIdPrefix.check(broken).count == 1, "a prefix must end at a hyphen")
    }

    @Test func R003_dates_in_order() {
        var broken = valid
        broken.events = [
            Event(type: .signature, date: "2024-05-01"),
            Event(type: .ratification, date: "2024-09-01"),
            Event(type: .entryIntoForce, date: "2024-03-01"),
        ]
        expect(.datesInOrder, rejects: broken, at: "/partnershipRecord/events/event[3]", mentioning: "before the ratification on 2024-09-01")
        var ordered = valid
        ordered.events = [
            Event(type: .expiry, date: "2030-01-01"), Event(type: .signature, date: "2024-05-01Z"),
            Event(type: .entryIntoForce, date: "2024-05-01"), Event(type: .meeting, date: "1999-01-01"),
            Event(type: .ratification),
        ]
        #expect(RecordRule.datesInOrder.check(ordered).isEmpty, "same-day stages, undated and unordered types are fine")
    }

    @Test func R004_distinct_parties() {
        var broken = valid
        broken.parties[1].country = "IDN"
        expect(.distinctParties, rejects: broken, at: "/partnershipRecord/parties", mentioning: "IDN")
        var withForeignObserver = broken
        withForeignObserver.parties.append(Party(ref: "RUS", country: "RUS", role: .observer, organisation: [Narrative("Observer")]))
        #expect(RecordRule.distinctParties.check(withForeignObserver).count == 1, "an observer does not make a partnership")
    }

    @Test func R005_party_references() {
        var broken = valid
        broken.officials[1].party = "RUS"
        expect(.partyReferences, rejects: broken, at: "/partnershipRecord/officials/official[2]", mentioning: "'RUS'")
        var brokenSupplier = valid
        brokenSupplier.equipment[0].supplier = "XYZ"
        #expect(RecordRule.partyReferences.check(brokenSupplier).first?.path == "/partnershipRecord/equipment/item[1]")
    }

    @Test func R006_country_codes() {
        var broken = valid
        broken.events[0].place?.country = "XKX"
        expect(.countryCodes, rejects: broken, at: "/partnershipRecord/events/event[1]/place", mentioning: "'XKX'")
    }

    @Test func R007_currency_codes() {
        var withValue = valid
        withValue.values = [MonetaryValue(amount: "1000000.00", currency: "USD", type: .estimate)]
        #expect(RecordRule.currencyCodes.check(withValue).isEmpty)
        var broken = withValue
        broken.values[0].currency = "XBT"
        expect(.currencyCodes, rejects: broken, at: "/partnershipRecord/values/value[1]", mentioning: "'XBT'")
        broken.values[0].currency = "XXX"
        #expect(RecordRule.currencyCodes.check(broken).count == 1, "XXX means no currency")
    }

    @Test func R008_unique_party_references() {
        var broken = valid
        broken.parties[1].ref = "IDN"
        expect(.uniquePartyReferences, rejects: broken, at: "/partnershipRecord/parties/party[2]", mentioning: "'IDN'")
    }

    @Test func R009_one_narrative_per_language() {
        var broken = valid
        broken.title.append(Narrative("Another English title"))
        expect(.oneNarrativePerLanguage, rejects: broken, at: "/partnershipRecord/title", mentioning: "'en'")
        var differentCase = valid
        differentCase.title.append(Narrative("Another English title", language: "EN"))
        #expect(RecordRule.oneNarrativePerLanguage.check(differentCase).count == 1, "language tags are case-insensitive")
        #expect(RecordRule.oneNarrativePerLanguage.code.severity == .warning)
    }

    @Test func R010_category_matches_parties() {
        var broken = valid
        broken.agreement.category = .multilateral
        expect(.categoryMatchesParties, rejects: broken, at: "/partnershipRecord/agreement", mentioning: "multilateral")
        var withObserver = valid
        withObserver.parties.append(Party(ref: "RUS", country: "RUS", role: .observer, organisation: [Narrative("Observer")]))
        #expect(RecordRule.categoryMatchesParties.check(withObserver).isEmpty, "observers do not count")
    }

    @Test func R011_status_has_event() {
        var broken = valid
        broken.status = .inForce
        expect(.statusHasEvent, rejects: broken, at: "/partnershipRecord/status", mentioning: "entry-into-force")
    }

    @Test func R012_unique_quantity_kinds() {
        var broken = valid
        broken.equipment[0].quantities = [.init(kind: .ordered, count: 4), .init(kind: .ordered, count: 5)]
        expect(.uniqueQuantityKinds, rejects: broken, at: "/partnershipRecord/equipment/item[1]/quantity[2]", mentioning: "ordered")
    }

    @Test func R013_language_tags() {
        var broken = valid
        broken.title[0].language = "english language"
        expect(.languageTags, rejects: broken, at: "/partnershipRecord/title/narrative[1]", mentioning: "'english language'")
        var emptyDefault = valid
        emptyDefault.language = ""
        #expect(RecordRule.languageTags.check(emptyDefault).first?.path == "/partnershipRecord")
        for tag in ["en", "id", "be", "ru", "pt-BR", "zh-Hant-TW", "sr-Latn"] {
            #expect(RecordRule.isLanguageTag(tag), "\(tag)")
        }
        for tag in ["", "e", "en-", "-en", "en_GB", "ñe", "abcdefghi"] {
            #expect(!RecordRule.isLanguageTag(tag), "\(tag)")
        }
    }

    @Test("rule diagnostics from a file carry the line of the element")
    func diagnosticsCarryLines() throws {
        var broken = valid
        broken.officials[1].party = "RUS"
        let bytes = broken.xmlBytes()
        let result = RecordValidator().validate(bytes, file: "broken.xml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownPartyReference)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(diagnostic.location.line)
        #expect(lines[line - 1].contains("<official party=\"RUS\""))
        #expect(diagnostic.formatted.hasPrefix("broken.xml:\(line): error[R005]: "))
    }
}
