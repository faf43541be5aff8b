/// The outcome of checking a bundle.
///
/// It encodes as one entry of the `--format json` report (``ValidationReport/Entry``);
/// it does not decode, since the report holds the bundle's id, not its envelope, records
/// or files: decode a ``ValidationReport/Entry``.
public struct BundleValidation: Sendable, Hashable {
    /// One file of the bag.
    public struct File: Sendable, Hashable, Codable {
        /// The path relative to the bag (`data/records/X.xml`, `bagit.txt`, ...).
        public var path: String
        /// The size in bytes.
        public var size: Int
        /// The SHA-512 digest, in hex.
        public var sha512: String
    }

    /// The bundle as the caller named it.
    public var file: String
    /// The envelope, when it was present and valid; without ``BundleValidator/keepsIndex``,
    /// without its index (``BundleEnvelope/records`` and ``BundleEnvelope/attachments`` are nil).
    public var envelope: BundleEnvelope?
    /// What was found of each record, by path in the bag.
    public var records: [String: BundleRecord]
    /// The bag's tag files, and every file when ``BundleValidator/keepsIndex`` is set, in
    /// archive order.
    public var files: [File]
    /// What was found about each signature.
    public var signatures: [SignatureCheck]
    /// Every problem found: the archive, the bag, the envelope, the records, the cross-checks.
    public var diagnostics: [Diagnostic]

    /// Whether the bundle can be accepted: no diagnostic is an error.
    public var isValid: Bool { !diagnostics.containsErrors }
}

extension BundleValidation: Encodable {
    /// Writes the validation as an entry of the report (``ValidationReport/Entry``).
    public func encode(to encoder: any Encoder) throws {
        try ValidationReport.Entry(self).encode(to: encoder)
    }
}
