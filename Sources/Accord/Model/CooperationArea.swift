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
        case intelligenceExchange = "intelligence-exchange"
        case jointTraining = "joint-training"
        case militaryEducation = "military-education"
        case equipmentAcquisition = "equipment-acquisition"
        case technologyTransfer = "technology-transfer"
        case jointResearchAndDevelopment = "joint-research-and-development"
        case maintenanceAndRepair = "maintenance-and-repair"
        case personnelExchange = "personnel-exchange"
        case defenceIndustry = "defence-industry"
        case logistics
        case cyberDefence = "cyber-defence"
        case peacekeeping
        case other
    }

    /// How firmly a field is part of the partnership, from talk to practice.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case discussed
        case possible
        case expected
        case agreed
        case active
        case ended
    }
}
