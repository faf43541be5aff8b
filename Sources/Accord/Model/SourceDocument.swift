/// A public or official document the record is based on.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct SourceDocument: Sendable, Hashable {
    /// What kind of document.
    public var kind: Kind
    /// Its publication date, as an `xs:date`, when known.
    public var date: String?
    /// Where it can be read, when it has an address.
    public var url: String?
    /// A copy carried in the bundle, as a path relative to `data/attachments/`.
    public var attachment: String?
    /// Its title, in one or more languages.
    public var title: [Narrative]
    /// Who published it.
    public var publisher: String?

    /// Creates a source document.
    public init(
        kind: Kind, date: String? = nil, url: String? = nil, attachment: String? = nil,
        title: [Narrative], publisher: String? = nil
    ) {
        self.kind = kind
        self.date = date
        self.url = url
        self.attachment = attachment
        self.title = title
        self.publisher = publisher
    }

    /// Kinds of source document.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A news report. `news-report` in XML and JSON.
        case newsReport = "news-report"
        /// A press release. `press-release` in XML and JSON.
        case pressRelease = "press-release"
        /// An official statement. `official-statement` in XML and JSON.
        case officialStatement = "official-statement"
        /// The text of the agreement. `agreement-text` in XML and JSON.
        case agreementText = "agreement-text"
        /// Minutes. `minutes` in XML and JSON.
        case minutes
        /// Another kind of document. `other` in XML and JSON.
        case other
    }
}

/// A link to another partnership record.
///
/// Not `Codable` on its own: it is read and written as part of a ``PartnershipRecord``,
/// whose `Codable` form is the JSON form of `docs/json-mapping.md` (its code lists,
/// being `Codable` strings, are the mapping's values).
public struct RelatedRecord: Sendable, Hashable {
    /// The other record's id.
    public var ref: String
    /// How this record relates to it.
    public var relation: Relation

    /// Creates a link.
    public init(ref: String, relation: Relation) {
        self.ref = ref
        self.relation = relation
    }

    /// How one record relates to another.
    public enum Relation: String, Sendable, Hashable, Codable, CaseIterable {
        /// This record supersedes the other. `supersedes` in XML and JSON.
        case supersedes
        /// The other record supersedes this one. `superseded-by` in XML and JSON.
        case supersededBy = "superseded-by"
        /// This record amends the other. `amends` in XML and JSON.
        case amends
        /// The other record amends this one. `amended-by` in XML and JSON.
        case amendedBy = "amended-by"
        /// This record implements the other. `implements` in XML and JSON.
        case implements
        /// The other record implements this one. `implemented-by` in XML and JSON.
        case implementedBy = "implemented-by"
        /// The records are related otherwise. `related` in XML and JSON.
        case related
    }
}
