/// A check on a record that XSD 1.0 cannot express.
///
/// Each rule has a stable ``DiagnosticCode`` and reports findings that point at an element
/// by XPath; ``RecordValidator`` turns the path into a line.
public struct RecordRule: Sendable {
    /// A problem one rule found.
    public struct Finding: Sendable, Hashable {
        /// The XPath of the element concerned.
        public var path: String
        /// What is wrong.
        public var message: String

        /// Creates a finding.
        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// The rule's stable code, which also gives its severity.
    public let code: DiagnosticCode
    /// Runs the check.
    public let check: @Sendable (PartnershipRecord) -> [Finding]
    /// A cheap look at the document's bytes that says whether the check can find anything
    /// at all; nil to run it always. For a rule whose check is costly and rarely finds.
    public let screen: (@Sendable (_ document: [UInt8]) -> Bool)?

    /// Creates a rule.
    public init(
        _ code: DiagnosticCode, screen: (@Sendable (_ document: [UInt8]) -> Bool)? = nil,
        check: @escaping @Sendable (PartnershipRecord) -> [Finding]
    ) {
        self.code = code
        self.screen = screen
        self.check = check
    }
}
