/// A record of one partnership between states: schema `urn:accord:partnership-record:1`.
///
/// The value mirrors the XML element by element (see `schemas/README.md`). Lists that
/// are empty stand for optional elements that are absent.
///
/// Its `Codable` form is its JSON form (`docs/json-mapping.md`): `JSONDecoder` reads what
/// `accord convert` and ``jsonBytes(compact:)`` write, and `JSONEncoder` writes the same keys.
public struct PartnershipRecord: Sendable, Hashable {
    /// The schema version the record was written for (`major.minor`).
    public var schemaVersion: String
    /// The default language of the record's narratives (BCP 47).
    public var language: String
    /// The globally unique record id: the reporting organisation's id, a hyphen, a local part.
    public var id: String
    /// Who reports the record.
    public var reportingOrganisation: ReportingOrganisation
    /// When the record was last changed, as an `xs:dateTime` with a time zone.
    public var lastUpdated: String
    /// The title, in one or more languages.
    public var title: [Narrative]
    /// The description, in one or more languages.
    public var description: [Narrative]
    /// The instrument the partnership rests on.
    public var agreement: Agreement
    /// Where the agreement stands.
    public var status: AgreementStatus
    /// The states taking part (at least two).
    public var parties: [Party]
    /// The people who acted for the parties.
    public var officials: [Official]
    /// Dated events: meetings, signature, ratification, entry into force, expiry, ...
    public var events: [Event]
    /// The fields the partnership covers.
    public var cooperationAreas: [CooperationArea]
    /// Equipment under discussion, ordered or delivered.
    public var equipment: [EquipmentItem]
    /// What the parties aim for.
    public var objectives: [Objective]
    /// Amounts of money.
    public var values: [MonetaryValue]
    /// The documents the record is based on.
    public var sources: [SourceDocument]
    /// Links to other records.
    public var relatedRecords: [RelatedRecord]
    /// Who may see the record.
    public var confidentiality: ConfidentialityLabel
    /// Elements from other namespaces, carried through unchanged.
    public var extensions: [ExtensionElement]

    /// Creates a record. Optional parts default to empty.
    public init(
        schemaVersion: String = PartnershipRecord.currentSchemaVersion,
        language: String,
        id: String,
        reportingOrganisation: ReportingOrganisation,
        lastUpdated: String,
        title: [Narrative],
        description: [Narrative] = [],
        agreement: Agreement,
        status: AgreementStatus,
        parties: [Party],
        officials: [Official] = [],
        events: [Event] = [],
        cooperationAreas: [CooperationArea] = [],
        equipment: [EquipmentItem] = [],
        objectives: [Objective] = [],
        values: [MonetaryValue] = [],
        sources: [SourceDocument] = [],
        relatedRecords: [RelatedRecord] = [],
        confidentiality: ConfidentialityLabel,
        extensions: [ExtensionElement] = []
    ) {
        self.schemaVersion = schemaVersion
        self.language = language
        self.id = id
        self.reportingOrganisation = reportingOrganisation
        self.lastUpdated = lastUpdated
        self.title = title
        self.description = description
        self.agreement = agreement
        self.status = status
        self.parties = parties
        self.officials = officials
        self.events = events
        self.cooperationAreas = cooperationAreas
        self.equipment = equipment
        self.objectives = objectives
        self.values = values
        self.sources = sources
        self.relatedRecords = relatedRecords
        self.confidentiality = confidentiality
        self.extensions = extensions
    }

    /// The XML namespace of schema major version 1.
    public static let namespace = "urn:accord:partnership-record:1"
    /// The schema version this library reads and writes.
    public static let currentSchemaVersion = "1.0"
    /// Every schema version this library accepts.
    public static let supportedSchemaVersions: Set<String> = ["1.0"]
}
