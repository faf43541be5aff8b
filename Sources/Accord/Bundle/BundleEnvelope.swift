/// The envelope of a bundle: who sent it to whom, when, under which label, and the index
/// of the records it holds. Schema `urn:accord:bundle-envelope:1`; carried in the bag as
/// the tag file `accord-envelope.xml`.
public struct BundleEnvelope: Sendable, Hashable, Codable {
    /// The envelope schema version (`major.minor`).
    public var schemaVersion: String
    /// The bundle's identifier: also the bag's External-Identifier and its top-level folder.
    public var bundleId: String
    /// The sending organisation's identifier.
    public var sender: String
    /// The receiving organisations' identifiers.
    public var recipients: [String]
    /// When the bundle was made, as an `xs:dateTime` with a time zone.
    public var created: String
    /// The bundle's label, at least as high as the highest record label.
    public var confidentiality: ConfidentialityLabel
    /// The records, in the order of their paths.
    public var records: [Entry]
    /// Paths of the attachments, relative to the bag (`data/attachments/...`).
    public var attachments: [String]

    /// Creates an envelope.
    public init(
        schemaVersion: String = BundleEnvelope.currentSchemaVersion, bundleId: String, sender: String,
        recipients: [String], created: String, confidentiality: ConfidentialityLabel,
        records: [Entry], attachments: [String] = []
    ) {
        self.schemaVersion = schemaVersion
        self.bundleId = bundleId
        self.sender = sender
        self.recipients = recipients
        self.created = created
        self.confidentiality = confidentiality
        self.records = records
        self.attachments = attachments
    }

    /// One record in the index.
    public struct Entry: Sendable, Hashable, Codable {
        /// The record's id.
        public var id: String
        /// The record's path in the bag (`data/records/ID.xml`).
        public var path: String
        /// The agreement's status.
        public var status: AgreementStatus
        /// The record's classification.
        public var classification: ConfidentialityLabel.Classification
        /// The record's title, in one or more languages.
        public var title: [Narrative]

        /// Creates an index entry.
        public init(id: String, path: String, status: AgreementStatus, classification: ConfidentialityLabel.Classification, title: [Narrative]) {
            self.id = id
            self.path = path
            self.status = status
            self.classification = classification
            self.title = title
        }

        /// The index entry describing `record` stored at `path`.
        public init(_ record: PartnershipRecord, path: String) {
            self.init(
                id: record.id, path: path, status: record.status,
                classification: record.confidentiality.classification, title: record.title)
        }
    }

    /// The XML namespace of envelope schema major version 1.
    public static let namespace = "urn:accord:bundle-envelope:1"
    /// The envelope schema version this library writes.
    public static let currentSchemaVersion = "1.0"
    /// Every envelope schema version this library reads.
    public static let supportedSchemaVersions: Set<String> = ["1.0"]
}
