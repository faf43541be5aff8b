/// The machine-readable report of validations, form `accord-report/1`
/// (`schemas/accord-report-v1.schema.json`): what `accord validate` and the other commands
/// print with `--format json`, one ``Entry`` per input. A host that answers with a report
/// (an upload service, say) gives its clients the very form the command line gives.
///
/// A field may be added in a later minor form, never renamed or removed.
public struct ValidationReport: Sendable, Hashable, Codable {
    /// The form of the report: always `accord-report/1`.
    public var format: String
    /// The tool that wrote it: always `accord`.
    public var tool: String
    /// The version of Accord that wrote it.
    public var version: String
    /// Whether every input is valid; the command line's exit status is 0 exactly when it is.
    public var valid: Bool
    /// One entry per input, in the order given.
    public var files: [Entry]

    /// The form this library writes.
    public static let currentFormat = "accord-report/1"

    /// A report on `files`; without `valid`, valid when every entry is.
    public init(files: [Entry], valid: Bool? = nil) {
        format = Self.currentFormat
        tool = "accord"
        version = AccordVersion.current
        self.valid = valid ?? files.allSatisfy(\.valid)
        self.files = files
    }
}
