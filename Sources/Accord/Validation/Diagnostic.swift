/// One problem found in an input, with a stable code, a severity and a message a clerk
/// can act on.
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

    /// The compiler-style line: `path:line:col: error[CODE]: message`. Control and
    /// bidirectional-override characters, which a hostile input could put in a name or a
    /// message to rewrite the user's terminal, are shown escaped (`\x1B`).
    public var formatted: String {
        printable("\(location.description): \(severity.rawValue)[\(code.rawValue)]: \(message)")
    }
}

extension Collection where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}

/// `text` safe to print on a terminal: control characters (C0, C1, DEL) and bidirectional
/// overrides escaped as `\xNN` or `\u{NNNN}`; everything else as it is.
public func printable(_ text: String) -> String {
    PrintableName.escaping(text)
}
