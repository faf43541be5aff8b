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
        case newsReport = "news-report"
        case pressRelease = "press-release"
        case officialStatement = "official-statement"
        case agreementText = "agreement-text"
        case minutes
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
        case supersedes
        case supersededBy = "superseded-by"
        case amends
        case amendedBy = "amended-by"
        case implements
        case implementedBy = "implemented-by"
        case related
    }
}
