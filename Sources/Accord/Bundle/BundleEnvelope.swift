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
    /// The receiving organisations, each with the state it belongs to where known.
    public var recipients: [Recipient]
    /// When the bundle was made, as an `xs:dateTime` with a time zone.
    public var created: String
    /// The bundle's label, at least as high as the highest record label.
    public var confidentiality: ConfidentialityLabel
    /// The records, in the order of their paths: the envelope's index. Nil where the
    /// index was not kept: in a ``BundleValidation`` made without
    /// ``BundleValidator/keepsIndex`` (the index grows with the bundle), and in a
    /// ``PackSummary``. An envelope with no records never passes validation.
    public var records: [Entry]?
    /// Paths of the attachments, relative to the bag (`data/attachments/...`); nil where
    /// the index was not kept, as for ``records``.
    public var attachments: [String]?

    /// Creates an envelope; without `schemaVersion`, the lowest version that can hold it.
    public init(
        schemaVersion: String? = nil, bundleId: String, sender: String,
        recipients: [Recipient], created: String, confidentiality: ConfidentialityLabel,
        records: [Entry]?, attachments: [String]? = []
    ) {
        self.schemaVersion = schemaVersion ?? Self.schemaVersion(for: recipients)
        self.bundleId = bundleId
        self.sender = sender
        self.recipients = recipients
        self.created = created
        self.confidentiality = confidentiality
        self.records = records
        self.attachments = attachments
    }

    /// A receiving organisation and, where the sender knew it, the state it belongs to:
    /// what release control checks each record's label against (envelope schema 1.1).
    public struct Recipient: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The organisation's identifier (for example `BY-MOD`).
        public var organisation: String
        /// The ISO 3166-1 alpha-3 code of the organisation's state (for example `BLR`),
        /// when known.
        public var state: String?

        /// Creates a recipient.
        public init(_ organisation: String, state: String? = nil) {
            self.organisation = organisation
            self.state = state
        }

        /// A recipient whose state is not given.
        public init(stringLiteral organisation: String) {
            self.init(organisation)
        }

        /// `BY-MOD (BLR)`, or `BY-MOD` when the state is not known.
        public var description: String {
            state.map { "\(organisation) (\($0))" } ?? organisation
        }
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
    /// The envelope schema version this library writes when recipients carry states:
    /// 1.1 added `recipient/@state`. An envelope that needs nothing of 1.1 is written as
    /// 1.0, so that readers of 1.0 still read it.
    public static let currentSchemaVersion = "1.1"
    /// Every envelope schema version this library reads.
    public static let supportedSchemaVersions: Set<String> = ["1.0", "1.1"]

    /// The lowest schema version that can say what `recipients` say.
    public static func schemaVersion(for recipients: [Recipient]) -> String {
        recipients.contains { $0.state != nil } ? "1.1" : "1.0"
    }
}
