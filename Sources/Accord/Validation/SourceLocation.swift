/// Where a diagnostic points: a file (and, in a bundle, an entry), and within it a line,
/// a column, an element path and, for a record built in code, a Swift property path,
/// when they are known.
///
/// Its `Codable` form is the location's part of one diagnostic of the `--format json`
/// report (`schemas/accord-report-v1.schema.json`): `file`, then `entry`, `line`,
/// `column`, `path` and `property` where known, absent otherwise.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file as the user named it (for a record validated as a value, the name the
    /// caller gave, by default `record <id>`).
    public var file: String
    /// The entry of a bundle, as a path relative to the bag (`data/records/X.xml`).
    public var entry: String?
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known (libxml2 gives columns for parse errors only).
    public var column: Int?
    /// The element the diagnostic concerns, as an XPath such as
    /// `/partnershipRecord/officials/official[2]`, or for a record given as JSON a JSON path
    /// such as `$.officials[1]`, when known.
    public var path: String?
    /// For a record validated as a Swift value (``RecordValidator/validate(_:name:)``),
    /// the property the diagnostic concerns, from the record: `officials[1].name`
    /// (indexes from 0, as Swift's). Derived from ``path``: element names are the
    /// properties' names, a container and its item become the array and its index, and
    /// three differ (`recordId` is `id`, `reportingOrg` is `reportingOrganisation`,
    /// `xml:lang` is `language`). `nil` for the record as a whole and for files.
    public var property: String?

    /// Creates a location.
    public init(file: String, entry: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil, property: String? = nil) {
        self.file = file
        self.entry = entry
        self.line = line
        self.column = column
        self.path = path
        self.property = property
    }

    /// `file`, `file:line` or `file:line:column`, as compilers print it; an entry of a
    /// bundle is named in brackets: `bundle.tar.gz[data/records/X.xml]:12`. Without a
    /// line, a JSON path or a property path says where: `record.json:$.parties[1]`,
    /// `record ID-MOD-2025-BLR-001:officials[1]`.
    public var description: String {
        var text = file
        if let entry { text += "[\(entry)]" }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        } else if let path, path.hasPrefix("$") {
            // A record given as JSON: the JSON path says where, as a line would.
            text += ":\(path)"
        } else if let property {
            text += ":\(property)"
        }
        return text
    }

    private enum CodingKeys: String, CodingKey {
        case file, entry, line, column, path, property
    }
}
