/// What `accord pack` is asked to make.
public struct PackOptions: Sendable {
    /// The sending organisation's identifier (Source-Organization).
    public var sender: String
    /// The receiving organisations, each with its state where known (from the command
    /// line or a ``Partners`` file): what release control checks the records against.
    public var recipients: [BundleEnvelope.Recipient]
    /// The creation time, used for the envelope, Bagging-Date and every tar entry's mtime:
    /// the same inputs and time give the same bytes.
    public var created: Timestamp
    /// The bundle's identifier and top-level folder; by default `SENDER-YYYYMMDDTHHMMSSZ`.
    public var bundleId: String?
    /// The bundle's classification; by default the highest of its records'.
    public var classification: ConfidentialityLabel.Classification?
    /// The security policy of the bundle's label; by default the sender.
    public var policy: String?
    /// The states the bundle may be released to; by default the states every record may
    /// be released to (none listed when no record's label limits its release).
    public var releasableTo: [String]?
    /// The gzip level, 0 (store) to 9 (smallest).
    public var compressionLevel: Int
    /// Whether an existing file at the destination may be replaced.
    public var overwrite: Bool
    /// Who signs the bundle (none, one, or a signer and countersigners).
    public var signers: [Signer] = []

    /// Creates options with the defaults above.
    public init(
        sender: String, recipients: [BundleEnvelope.Recipient], created: Timestamp, bundleId: String? = nil,
        classification: ConfidentialityLabel.Classification? = nil, policy: String? = nil,
        releasableTo: [String]? = nil, compressionLevel: Int = 6, overwrite: Bool = false
    ) {
        self.sender = sender
        self.recipients = recipients
        self.created = created
        self.bundleId = bundleId
        self.classification = classification
        self.policy = policy
        self.releasableTo = releasableTo
        self.compressionLevel = compressionLevel
        self.overwrite = overwrite
    }

    /// The identifier used when none is given.
    public var effectiveBundleId: String {
        bundleId ?? "\(sender)-\(created.compact)"
    }
}

/// Why a bundle was not written. Nothing is left under the destination name.
public enum PackError: Error, Sendable, CustomStringConvertible {
    /// Records (or their cross-checks) failed; every diagnostic, errors and warnings.
    case invalidInput([Diagnostic])
    /// A file could not be read or written.
    case file(FileError)
    /// Writing the archive failed.
    case archive(String)
    /// A file changed while it was being packed.
    case inputChanged(path: String)
    /// No record was given.
    case noRecords

    /// How many of the input's errors ``description`` lists (all of them are in
    /// ``invalidInput(_:)``).
    public static let diagnosticsShown = 3

    /// A readable account of the failure; for invalid input, the number of errors and the
    /// first ``diagnosticsShown`` of them, one per line, then how many more there are.
    public var description: String {
        switch self {
        case .invalidInput(let diagnostics):
            let errors = diagnostics.filter { $0.severity == .error }
            var text = "nothing was written: \(errors.count) error\(errors.count == 1 ? "" : "s") in the input"
            let shown = errors.prefix(Self.diagnosticsShown)
            if !shown.isEmpty { text += ":\n" + shown.map { "  " + $0.formatted }.joined(separator: "\n") }
            if errors.count > shown.count { text += "\n  and \(errors.count - shown.count) more" }
            return text
        case .file(let error): return error.description
        case .archive(let message): return "writing the bundle failed: \(message)"
        case .inputChanged(let path): return "\(path): changed while it was being packed; nothing was written"
        case .noRecords: return "no record to pack: name record files or folders holding them"
        }
    }
}

/// What `pack` wrote.
public struct PackSummary: Sendable, Hashable {
    /// The envelope written into the bundle, without its index (which grows with the
    /// bundle; `accord inspect` shows it).
    public var envelope: BundleEnvelope
    /// The number of records packed.
    public var records: Int
    /// The bundle's size in bytes.
    public var bytes: Int
    /// Warnings found in the records (errors stop the pack).
    public var warnings: [Diagnostic]
}

/// Progress of a long operation, for a caller that wants to show it.
public struct ProgressReport: Sendable, Hashable {
    /// What is being done ("validating", "writing", "checking", "checking again", "converting").
    public var phase: String
    /// Units done so far.
    public var done: Int
    /// Units in all, when known.
    public var total: Int?
    /// What is counted.
    public var unit: Unit = .items

    /// What a report counts.
    public enum Unit: Sendable, Hashable {
        /// Records.
        case records
        /// Bytes of the file being read (for a compressed bundle, compressed bytes).
        case bytes
        /// Entries of a bundle: records, attachments, folders.
        case entries
        /// Anything else.
        case items
    }

    /// Creates a report.
    public init(phase: String, done: Int, total: Int?, unit: Unit = .items) {
        self.phase = phase
        self.done = done
        self.total = total
        self.unit = unit
    }
}
