@testable import Accord
import Foundation
import AccordTestSupport
import Testing

@Suite("Records: XML round trips")
struct RecordRoundTripTests {
    @Test("read, write, read gives an equal record and the same bytes", arguments: Fixtures.validExampleFiles)
    func roundTrip(file: URL) throws {
        let original = try PartnershipRecord(validatingXML: Fixtures.bytes(file), file: file.path)
        let written = original.xmlBytes()
        let reread = try PartnershipRecord(validatingXML: written, file: "rewritten \(file.lastPathComponent)")
        #expect(reread == original)
        #expect(reread.xmlBytes() == written)
    }

    @Test("the motivating example carries the facts of the brief")
    func motivatingExampleFacts() throws {
        let record = try Fixtures.motivatingRecord()
        #expect(Set(record.parties.map(\.country)) == ["IDN", "BLR"])
        let meeting = try #require(record.events.first { $0.type == .meeting })
        #expect(meeting.date == "2025-07-28")
        #expect(meeting.place == Place(country: "BLR", locality: "Minsk"))
        let names = record.officials.compactMap(\.name)
        #expect(names.contains("Sjafrie Sjamsoeddin"))
        #expect(names.contains { $0.contains("Pavel Nikolaevich Muraveyko") })
        let areas = Set(record.cooperationAreas.map(\.code))
        #expect(areas.isSuperset(of: [
            .intelligenceExchange, .jointTraining, .equipmentAcquisition, .technologyTransfer,
            .jointResearchAndDevelopment, .maintenanceAndRepair, .defenceIndustry, .militaryEducation,
        ]))
        let equipment = Set(record.equipment.map(\.category))
        #expect(equipment == [.airDefenceSystem, .combatVehicle, .militaryElectronics, .radar, .tacticalVehicle])
        #expect(record.equipment.allSatisfy { $0.status == .candidate })
        #expect(Set(record.title.compactMap(\.language)).isSuperset(of: ["id", "en"]))
        #expect(record.sources.contains { $0.publisher == "ANTARA" && $0.date == "2025-07-30" })
        #expect(record.events.contains { $0.type == .exhibition && $0.description.contains { $0.text.contains("MILEX-2025") } })
        #expect(record.status == .announced)
    }

    @Test("written XML is canonical: declaration, namespace once, two-space indentation")
    func canonicalShape() throws {
        let text = String(decoding: try Fixtures.motivatingRecord().xmlBytes(), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<partnershipRecord xmlns=\"urn:accord:partnership-record:1\" schemaVersion=\"1.0\" xml:lang=\"en\">\n  <recordId>"))
        #expect(text.components(separatedBy: "xmlns=").count == 2)
        #expect(text.hasSuffix("</partnershipRecord>\n"))
    }

    @Test("white space in token values is collapsed as XSD does, and escaping survives")
    func whitespaceAndEscaping() throws {
        var source = String(decoding: try Fixtures.bytes(Fixtures.motivatingExample), as: UTF8.self)
        source = source.replacingOccurrences(of: "<status>announced</status>", with: "<status>\n    announced  </status>")
        source = source.replacingOccurrences(of: "Competitive prices.", with: "Prices &amp; \"terms\" &lt;fair&gt;")
        let record = try PartnershipRecord(validatingXML: Array(source.utf8))
        #expect(record.status == .announced)
        #expect(record.objectives.contains { $0.description.contains { $0.text == "Prices & \"terms\" <fair>" } })
        let again = try PartnershipRecord(validatingXML: record.xmlBytes())
        #expect(again == record)
    }

    @Test("amounts are read in plain decimal form, same value", arguments: [
        ("+5.", "5"), (".50", "0.50"), ("-0", "0"), ("0012.5", "12.5"), ("48500000.00", "48500000.00"), ("0", "0"), ("abc", "abc"),
    ])
    func canonicalAmounts(written: String, read: String) {
        #expect(canonicalDecimal(written) == read)
    }

    @Test("extension elements from other namespaces travel unchanged")
    func extensionsRoundTrip() throws {
        var source = String(decoding: try Fixtures.bytes(Fixtures.motivatingExample), as: UTF8.self)
        source = source.replacingOccurrences(
            of: "</partnershipRecord>",
            with: """
              <extensions>
                <fin:budget xmlns:fin="urn:example:finance" line="7.2"><fin:note>a &amp; b</fin:note></fin:budget>
              </extensions>
            </partnershipRecord>
            """)
        let record = try PartnershipRecord(validatingXML: Array(source.utf8))
        #expect(record.extensions.count == 1)
        #expect(record.extensions[0].xml.contains("xmlns:fin=\"urn:example:finance\""))
        let written = record.xmlBytes()
        let again = try PartnershipRecord(validatingXML: written)
        #expect(again == record)
        #expect(again.xmlBytes() == written)
    }
}
