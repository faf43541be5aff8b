/// Where a diagnostic points: a file (and, in a bundle, an entry), and within it a line,
/// a column and an element path when they are known.
public struct SourceLocation: Sendable, Hashable, Codable {
    /// The file as the user named it.
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

    /// Creates a location.
    public init(file: String, entry: String? = nil, line: Int? = nil, column: Int? = nil, path: String? = nil) {
        self.file = file
        self.entry = entry
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file`, `file:line` or `file:line:column`, as compilers print it; an entry of a
    /// bundle is named in brackets: `bundle.tar.gz[data/records/X.xml]:12`.
    public var description: String {
        var text = file
        if let entry { text += "[\(entry)]" }
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        } else if let path, path.hasPrefix("$") {
            // A record given as JSON: the JSON path says where, as a line would.
            text += ":\(path)"
        }
        return text
    }
}
