/// One problem found in an input, with a stable code, a severity and a message a clerk
/// can act on.
///
/// Its `Codable` form is exactly one diagnostic of the `--format json` report
/// (`schemas/accord-report-v1.schema.json`), flat: `code`, `severity`, `message`, the
/// location's `file`, `entry`, `line`, `column`, `path` and `property`, and `technical`,
/// each optional one absent when unknown.
public struct Diagnostic: Sendable, Hashable, Codable {
    /// The stable code (see `docs/rules.md`).
    public var code: DiagnosticCode
    /// How serious the problem is; normally the code's own severity.
    public var severity: Severity
    /// What is wrong, and where useful, what to do.
    public var message: String
    /// Where the problem is.
    public var location: SourceLocation
    /// The words of the tool that found the problem (libxml2's), when ``message`` puts them
    /// in a clerk's terms: for a schema author, a bug report, or `--verbose`.
    public var technical: String?

    /// Creates a diagnostic with the code's own severity.
    public init(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.code = code
        self.severity = code.severity
        self.message = message
        self.location = location
    }

    private enum CodingKeys: String, CodingKey {
        case code, severity, message, technical
    }

    /// Reads a diagnostic in the report's form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(DiagnosticCode.self, forKey: .code)
        severity = try container.decode(Severity.self, forKey: .severity)
        message = try container.decode(String.self, forKey: .message)
        technical = try container.decodeIfPresent(String.self, forKey: .technical)
        location = try SourceLocation(from: decoder)
    }

    /// Writes the diagnostic in the report's form: the location's fields beside the others.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encode(message, forKey: .message)
        try location.encode(to: encoder)
        try container.encodeIfPresent(technical, forKey: .technical)
    }

    /// The compiler-style line: `path:line:col: error[CODE]: message`. Control and
    /// bidirectional-override characters, which a hostile input could put in a name or a
    /// message to rewrite the user's terminal, are shown escaped (`\x1B`).
    public var formatted: String {
        printable("\(location.description): \(severity.rawValue)[\(code.rawValue)]: \(message)")
    }
}

/// Diagnostics as a list, as validations hold them.
extension Collection where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// `text` safe to print on a terminal: control characters (C0, C1, DEL) and bidirectional
/// overrides escaped as `\xNN` or `\u{NNNN}`; everything else as it is.
public func printable(_ text: String) -> String {
    PrintableName.escaping(text)
}
