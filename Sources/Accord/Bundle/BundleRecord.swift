/// What a bundle check keeps of one record: enough for the cross-checks and the report,
/// never the whole record, so that memory does not grow with the records' contents.
public struct BundleRecord: Sendable, Hashable {
    /// The record's id, when it could be read.
    public var id: String?
    /// The agreement's status, when the record could be read.
    public var status: AgreementStatus?
    /// The record's classification, when the record could be read.
    public var classification: ConfidentialityLabel.Classification? { label?.classification }
    /// The record's confidentiality label, when the record could be read.
    public var label: ConfidentialityLabel?
    /// The attachments the record names (paths below `data/attachments/`).
    public var attachments: [String]
    /// Whether the record is valid.
    public var isValid: Bool
    /// The record's diagnostics (bounded per bundle: see ``BundleValidation``).
    public var diagnostics: [Diagnostic]

    init(_ validation: RecordValidation) {
        id = validation.record?.id
        status = validation.record?.status
        label = validation.record?.confidentiality
        attachments = validation.record?.sources.compactMap(\.attachment) ?? []
        isValid = validation.isValid
        diagnostics = validation.diagnostics
    }
}
