@testable import Accord
import Testing

@Suite("Validation: property paths")
struct PropertyPathTests {
    @Test("element paths become Swift property paths, indexes from 0", arguments: [
        ("/partnershipRecord/officials/official[2]", "officials[1]"),
        ("/partnershipRecord/officials/official[2]/name", "officials[1].name"),
        ("/partnershipRecord/recordId", "id"),
        ("/partnershipRecord/reportingOrg/name/narrative[2]", "reportingOrganisation.name[1]"),
        ("/partnershipRecord/title/narrative[1]", "title[0]"),
        ("/partnershipRecord/equipment/item[1]/quantity[3]", "equipment[0].quantities[2]"),
        ("/partnershipRecord/events/event[2]/place/locality", "events[1].place.locality"),
        ("/partnershipRecord/confidentiality/releasableTo[2]", "confidentiality.releasableTo[1]"),
        ("/partnershipRecord/sources/document[1]/title/narrative[1]", "sources[0].title[0]"),
        ("/partnershipRecord/extensions/ext:budgetLine[1]", "extensions[0]"),
    ])
    func translates(xpath: String, property: String) {
        #expect(PropertyPath.fromXPath(xpath) == property)
    }

    @Test("the record as a whole has no property path")
    func root() {
        #expect(PropertyPath.fromXPath("/") == nil)
        #expect(PropertyPath.fromXPath("/partnershipRecord") == nil)
    }
}
