/// The outcome of validating one record.
///
/// It encodes as one entry of the `--format json` report (``ValidationReport/Entry``);
/// it does not decode, since the report holds the record's id, not the record: decode a
/// ``ValidationReport/Entry``.
public struct RecordValidation: Sendable, Hashable {
    /// The file as the caller named it.
    public var file: String
    /// The record, when the document was schema-valid (it may still break rules).
    public var record: PartnershipRecord?
    /// Every problem found: parse and schema problems in document order, then rule
    /// findings grouped by rule in code order.
    public var diagnostics: [Diagnostic]
    /// Whether some checks could not run, because the document is too broken for them: a
    /// document that is not well-formed is not checked against the schema, and one whose
    /// structure the schema refuses may not be readable for the rules. Fixing what is
    /// reported can then reveal more.
    public var checksRemain = false

    /// Whether the record can be accepted: no diagnostic is an error.
    public var isValid: Bool { !diagnostics.containsErrors }
}

extension RecordValidation: Encodable {
    /// Writes the validation as an entry of the report (``ValidationReport/Entry``).
    public func encode(to encoder: any Encoder) throws {
        try ValidationReport.Entry(self).encode(to: encoder)
    }
}
