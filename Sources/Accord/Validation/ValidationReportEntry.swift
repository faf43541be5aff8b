extension ValidationReport {
    /// What was found in one input: one item of the report's `files`, in the report's form
    /// (`file`, `kind`, `valid`, `recordId` or `bundleId`, `errors`, `warnings`,
    /// `diagnostics`, `checksRemain`, `failure`).
    ///
    /// ``RecordValidation`` and ``BundleValidation`` encode as an entry; an entry is what
    /// a report decodes to (the record or envelope itself is not in the report).
    public struct Entry: Sendable, Hashable, Codable {
        /// What kind of input an entry is about.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// A record, XML or JSON.
            case record
            /// A bundle, or a bag folder.
            case bundle
        }

        /// The input as the caller named it.
        public var file: String
        /// A record or a bundle.
        public var kind: Kind
        /// Whether the input is valid: no error (and, where warnings are refused, no warning),
        /// and it could be read.
        public var valid: Bool
        /// The record's id, when the record could be read.
        public var recordId: String?
        /// The bundle's id, when its envelope could be read.
        public var bundleId: String?
        /// The number of diagnostics of severity error.
        public var errors: Int
        /// The number of diagnostics of severity warning.
        public var warnings: Int
        /// Every problem found.
        public var diagnostics: [Diagnostic]
        /// Whether some checks could not run until the problems reported are fixed.
        public var checksRemain: Bool
        /// Set when the input could not be read (or the output written) at all.
        public var failure: String?

        /// Creates an entry; `errors` and `warnings` are counted from `diagnostics`, and
        /// without `valid` the entry is valid when it has no error and no failure.
        public init(
            file: String, kind: Kind, valid: Bool? = nil, recordId: String? = nil, bundleId: String? = nil,
            diagnostics: [Diagnostic], checksRemain: Bool = false, failure: String? = nil
        ) {
            self.file = file
            self.kind = kind
            errors = diagnostics.filter { $0.severity == .error }.count
            warnings = diagnostics.count - errors
            self.valid = valid ?? (failure == nil && errors == 0)
            self.recordId = recordId
            self.bundleId = bundleId
            self.diagnostics = diagnostics
            self.checksRemain = checksRemain
            self.failure = failure
        }

        /// The entry for a record's validation; `refusingWarnings` counts warnings as
        /// failures, as the command line's `--strict` does.
        public init(_ validation: RecordValidation, refusingWarnings: Bool = false) {
            self.init(
                file: validation.file, kind: .record, recordId: validation.record?.id,
                diagnostics: validation.diagnostics, checksRemain: validation.checksRemain)
            if refusingWarnings && warnings > 0 { valid = false }
        }

        /// The entry for a bundle's validation; `refusingWarnings` counts warnings as
        /// failures, as the command line's `--strict` does.
        public init(_ validation: BundleValidation, refusingWarnings: Bool = false) {
            self.init(file: validation.file, kind: .bundle, bundleId: validation.envelope?.bundleId, diagnostics: validation.diagnostics)
            if refusingWarnings && warnings > 0 { valid = false }
        }
    }
}
