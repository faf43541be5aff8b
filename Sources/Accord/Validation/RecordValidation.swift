/// The outcome of validating one record.
public struct RecordValidation: Sendable, Hashable {
    /// The file as the caller named it.
    public var file: String
    /// The record, when the document was schema-valid (it may still break rules).
    public var record: PartnershipRecord?
    /// Every problem found: parse and schema problems in document order, then rule
    /// findings grouped by rule in code order.
    public var diagnostics: [Diagnostic]

    /// Whether the record can be accepted: no diagnostic is an error.
    public var isValid: Bool { !diagnostics.containsErrors }
}
