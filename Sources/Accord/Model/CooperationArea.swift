/// A field the partnership covers, and how firmly.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct CooperationArea: Sendable, Hashable {
    /// The field, from the cooperation-area code list.
    public var code: Code
    /// How firmly the field is part of the partnership.
    public var status: Status
    /// Details, in one or more languages.
    public var description: [Narrative]

    /// Creates a cooperation area.
    public init(code: Code, status: Status, description: [Narrative] = []) {
        self.code = code
        self.status = status
        self.description = description
    }

    /// The cooperation-area code list.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// Exchange of intelligence. `intelligence-exchange` in XML and JSON.
        case intelligenceExchange = "intelligence-exchange"
        /// Joint training. `joint-training` in XML and JSON.
        case jointTraining = "joint-training"
        /// Military education. `military-education` in XML and JSON.
        case militaryEducation = "military-education"
        /// Acquisition of equipment. `equipment-acquisition` in XML and JSON.
        case equipmentAcquisition = "equipment-acquisition"
        /// Transfer of technology. `technology-transfer` in XML and JSON.
        case technologyTransfer = "technology-transfer"
        /// Joint research and development. `joint-research-and-development` in XML and JSON.
        case jointResearchAndDevelopment = "joint-research-and-development"
        /// Maintenance and repair. `maintenance-and-repair` in XML and JSON.
        case maintenanceAndRepair = "maintenance-and-repair"
        /// Exchange of personnel. `personnel-exchange` in XML and JSON.
        case personnelExchange = "personnel-exchange"
        /// Defence-industrial cooperation. `defence-industry` in XML and JSON.
        case defenceIndustry = "defence-industry"
        /// Logistics. `logistics` in XML and JSON.
        case logistics
        /// Cyber defence. `cyber-defence` in XML and JSON.
        case cyberDefence = "cyber-defence"
        /// Peacekeeping. `peacekeeping` in XML and JSON.
        case peacekeeping
        /// Another area. `other` in XML and JSON.
        case other
    }

    /// How firmly a field is part of the partnership, from talk to practice.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        /// Discussed. `discussed` in XML and JSON.
        case discussed
        /// Possible. `possible` in XML and JSON.
        case possible
        /// Expected. `expected` in XML and JSON.
        case expected
        /// Agreed. `agreed` in XML and JSON.
        case agreed
        /// Under way. `active` in XML and JSON.
        case active
        /// Ended. `ended` in XML and JSON.
        case ended
    }
}
