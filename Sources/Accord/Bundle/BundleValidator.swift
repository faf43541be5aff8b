/// Checks a received bundle in one streaming pass: the archive's structure and safety,
/// BagIt completeness and fixity, the envelope, every record (on all cores), and the
/// cross-checks between them. Works on a `.tar.gz` file or an unpacked bag folder.
///
/// Memory holds one buffer, the small tag files, and a few records per core. For a bag in
/// bundle order (tag files first, then the payload sorted as `docs/bundle-format.md` says,
/// as `accord pack` writes it) nothing else is kept per file: the manifest and the envelope are spooled to
/// unlinked scratch files in `$TMPDIR` and merged with the payload as it streams, so
/// memory does not grow with the bundle. A bag in any other order (one tarred by hand,
/// say) is read a second time, keeping per file a path, a size and a digest, and per
/// record a short summary and its index entry: a few kilobytes per record. So does
/// ``keepsIndex``, which asks for that index in the result.
public struct BundleValidator: Sendable {
    /// Limits on the archive and the documents in it.
    public var limits: BundleLimits
    /// Validates each record.
    public var recordValidator: RecordValidator
    /// How signatures are judged.
    public var signatures: SignaturePolicy
    /// Whether the result keeps the bundle's whole index: every file in
    /// ``BundleValidation/files``, the envelope's records and attachments, and each
    /// record's summary in ``BundleValidation/records`` (for `inspect`). Off by default,
    /// since the index grows with the bundle: the result then holds the envelope without
    /// its index, no records, and the tag files only.
    public var keepsIndex = false
    /// The receiver's partners file, when it has one: a recipient whose state the envelope
    /// does not give (an envelope 1.0) takes it from there for release control, and a
    /// state that contradicts it is an error (`L005`).
    public var partners: Partners?
    /// The folder for the scratch files of a check in bundle order; nil for `$TMPDIR`, or
    /// `/tmp`. If none can be created there, bags are checked the held way.
    public var scratchFolder: String?
    /// The rules bags are held to: ``BagProfile/accord`` (the default) for Accord bundles, or
    /// ``BagProfile/bagit`` for any BagIt bag, by RFC 8493 alone (no envelope, no records).
    public var profile: BagProfile = .accord

    /// Creates a validator.
    public init(limits: BundleLimits = .default, recordValidator: RecordValidator? = nil, signatures: SignaturePolicy = SignaturePolicy()) {
        self.limits = limits
        self.recordValidator = recordValidator ?? RecordValidator(limits: limits.xml)
        self.signatures = signatures
    }

    /// Checks the bundle at `path` (a `.tar.gz` file or a bag folder). Problems in the
    /// bundle are diagnostics; a file that cannot be opened at all is thrown.
    public func validate(atPath path: String, progress: (@Sendable (ProgressReport) -> Void)? = nil) throws(FileError) -> BundleValidation {
        try validate(.file(path), progress: progress)
    }

    /// Checks the bundle `source` gives: a file, bytes, or a stream, with the same findings
    /// for the same bytes. Problems in the bundle are diagnostics; a source that cannot be
    /// read at all (a file that cannot be opened, a ``ByteReader`` that throws) is thrown.
    public func validate(_ source: BundleSource, progress: (@Sendable (ProgressReport) -> Void)? = nil) throws(FileError) -> BundleValidation {
        try check(input(source, hashes: false), extractor: nil, progress: progress)
    }

    /// Opens `source` for reading with this validator's limits and scratch folder.
    func input(_ source: BundleSource, hashes: Bool, cancellation: CancellationFlag? = nil) throws(FileError) -> BundleInput {
        try BundleInput(
            source, limits: limits.archive, hashes: hashes, scratchFolder: scratchFolder ?? SpoolFile.temporaryFolder, cancellation: cancellation)
    }

    /// Runs two passes over `input`: `first` (which validates) and, when it returns a
    /// value, `second` (which converts or copies what the first found valid).
    ///
    /// Both passes read the same bytes: an archive file's passes read the same open file,
    /// hashing every byte; if the bytes of the second pass differ from those of the first
    /// (the file was modified in place between them), the second pass's work is refused
    /// with ``FileError/Reason/changedWhileReading``, so that nothing unchecked is passed
    /// on. Bytes in memory and a recorded stream cannot change.
    func withTwoPasses<First, Second>(
        _ input: BundleInput,
        first: (BundleInput) throws(FileError) -> First?,
        second: (BundleEntrySource, First) throws(FileError) -> Second
    ) throws(FileError) -> (First?, Second?) {
        guard let found = try first(input) else { return (nil, nil) }
        let firstDigest = input.lastPassDigest()
        // Read the way the first pass read to the end: a change of order is a change.
        let done = try second(try input.entries(inBundleOrder: input.lastPassInBundleOrder), found)
        guard input.lastPassDigest() == firstDigest else { throw FileError(path: input.path, reason: .changedWhileReading) }
        return (found, done)
    }

    /// Checks every entry of `input`, feeding the checker and, when given, the extractor:
    /// in bundle order first, unless ``keepsIndex`` is set, and the held way if the bag
    /// turns out not to be in bundle order (the extractor then starts again).
    func check(
        _ input: BundleInput, extractor: BundleExtractor?, progress: (@Sendable (ProgressReport) -> Void)?
    ) throws(FileError) -> BundleValidation {
        var algorithms: Set<DigestAlgorithm> = []
        if !keepsIndex, let checker = try? makeChecker(input.path, inBundleOrder: true) {
            if let result = try check(
                input, checker: checker, inBundleOrder: true, phase: "checking", extractor: extractor, progress: progress,
                isOnlyReading: !input.canReread) {
                return result
            }
            algorithms = checker.payloadManifestAlgorithms
        }
        // A second reading, unless keepsIndex made this the first; and one more if a payload
        // manifest of another algorithm came after payload files not hashed with it.
        var phase = keepsIndex ? "checking" : "checking again"
        while true {
            try extractor?.restart()
            let checker = try makeChecker(input.path, inBundleOrder: false, algorithms: algorithms)
            if let result = try check(input, checker: checker, inBundleOrder: false, phase: phase, extractor: extractor, progress: progress) {
                return result
            }
            guard !checker.missedAlgorithms.isSubset(of: algorithms) else {
                throw FileError(path: input.path, reason: .cannotRead(errno: EIO))
            }
            algorithms.formUnion(checker.missedAlgorithms)
            phase = "checking again"
        }
    }

    private func makeChecker(_ file: String, inBundleOrder: Bool, algorithms: Set<DigestAlgorithm> = []) throws(FileError) -> BagChecker {
        try BagChecker(
            bundleFile: file, limits: limits, validator: recordValidator, signatures: signatures, partners: partners, inBundleOrder: inBundleOrder,
            spoolFolder: scratchFolder ?? SpoolFile.temporaryFolder, profile: profile,
            algorithms: algorithms)
    }

    /// One reading of `input`; nil when the bag is not in bundle order after all.
    /// With `isOnlyReading` (a stream read once), a fault is reported rather than read
    /// again the held way, and a bag out of bundle order is refused (`B027`).
    private func check(
        _ input: BundleInput, checker: BagChecker, inBundleOrder: Bool, phase: String, extractor: BundleExtractor?,
        progress: (@Sendable (ProgressReport) -> Void)?, isOnlyReading: Bool = false
    ) throws(FileError) -> BundleValidation? {
        let file = input.path
        let source = try input.entries(inBundleOrder: inBundleOrder)
        var files: [BundleValidation.File] = []
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var bytesRead = 0
        do {
            while let entry = try source.next() {
                guard let relative = Self.relativePath(entry.path) else { continue }
                if entry.kind == .directory {
                    try extractor?.directory(relative)
                    continue
                }
                var hasher = SHA512Hasher()
                let extraAlgorithms = checker.extraAlgorithms(for: relative)
                var others = extraAlgorithms.isEmpty ? nil : MultiHasher(extraAlgorithms)
                var contents: [UInt8]? = checker.wantsContents(relative) ? [] : nil
                let spool = checker.spool(for: relative)
                let contentLimit = checker.contentLimit(for: relative)
                var size = 0
                var spoolFailure: FileError?
                var spoolOverflows = false
                try extractor?.beginFile(relative)
                while true {
                    try input.checkCancellation()
                    let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
                    if count == 0 { break }
                    // Scratch files stay within what the held way would hold; past it, the held
                    // way reports the file. Read only once, the file is read to its end and
                    // reported here as the held way would.
                    if spool != nil && size + count > contentLimit {
                        guard isOnlyReading else { throw ArchiveError.notInBundleOrder(entry: relative) }
                        spoolOverflows = true
                    }
                    try buffer.withRawBytes { raw throws(FileError) in
                        let chunk = UnsafeRawBufferPointer(rebasing: raw[..<count])
                        hasher.update(chunk)
                        others?.update(chunk)
                        if contents != nil {
                            if contents!.count + count > contentLimit { contents = nil } else { contents!.append(contentsOf: chunk) }
                        }
                        if let spool, !spoolOverflows, spoolFailure == nil {
                            do throws(FileError) { try spool.append(chunk) } catch { spoolFailure = error }
                        }
                        try extractor?.write(chunk)
                    }
                    size += count
                }
                try extractor?.endFile()
                if spoolOverflows { throw ArchiveError.tagFileTooLarge(entry: relative, size: size, limit: contentLimit) }
                // A full scratch disk is the receiver's problem, not the bundle's: read it the
                // held way, or, read only once, say so.
                if let spoolFailure {
                    if isOnlyReading { throw ArchiveError.writeFailed(errno: spoolFailure.errno ?? EIO) }
                    throw ArchiveError.notInBundleOrder(entry: relative)
                }
                let facts = BagChecker.FileFacts(size: size, digest: hasher.finalizeHex(), digests: others?.finalize() ?? [:])
                try checker.file(relative, facts: facts, contents: contents)
                if keepsIndex || BagChecker.heldTagFiles.contains(relative) {
                    files.append(BundleValidation.File(path: relative, size: size, sha512: facts.digest))
                }
                bytesRead += size
                // An archive: how far into the (compressed) file; a bag folder: bytes read.
                if let progress {
                    let (done, total) = input.position.map { ($0, input.size) } ?? (bytesRead, nil)
                    progress(ProgressReport(phase: phase, done: done, total: total, unit: .bytes))
                }
            }
            // Held, a payload manifest that came after payload files not hashed with its
            // algorithm: read again with it (nil: the caller does).
            if !inBundleOrder && !checker.missedAlgorithms.isEmpty {
                _ = checker.abandon()
                return nil
            }
            // The top-level folder's name is not checked against the bundle id: a bag folder may
            // be renamed (unpacked into a folder of the receiver's choosing, re-tarred).
            var (envelope, records) = try checker.finish()
            input.lastPassInBundleOrder = inBundleOrder
            if !keepsIndex {
                // The same result whichever way the bag was read.
                envelope?.records = nil
                envelope?.attachments = nil
                records = [:]
            }
            return BundleValidation(
                file: file, envelope: envelope, records: records, files: files, signatures: checker.signatureChecks,
                diagnostics: checker.diagnostics)
        } catch let error as ArchiveError where error.endsTheWork {
            _ = checker.abandon()
            throw FileError(path: file, reason: error.workEnded)
        } catch is ArchiveError where inBundleOrder && !isOnlyReading {
            // Out of order; or a fault, which the held way reports with exactly its findings
            // (the fault and the records read before it, none of the merge's).
            _ = checker.abandon()
            return nil
        } catch let error as ArchiveError {
            // After a damaged or hostile archive nothing else it says can be trusted: report
            // the fault (and what the records already read showed), not a cascade of
            // missing files.
            let outcome = checker.abandon()
            var fault = Diagnostic(error.diagnosticCode, error.description, at: SourceLocation(file: file))
            if case .tagFileTooLarge(let entry, _, _) = error {
                fault.location.entry = entry
            }
            if case .notInBundleOrder(let entry) = error {
                fault = Diagnostic(
                    .streamNotInBundleOrder,
                    "entry '\(entry)' comes out of the order in which Accord packs bundles, and the bundle arrived as a stream that is not recorded, so it cannot be read a second time the way such a bag needs: send it as Accord packs it, or check it from a file",
                    at: SourceLocation(file: file))
            }
            input.lastPassInBundleOrder = inBundleOrder
            // Read once and in bundle order, the checker's own findings so far include the
            // running comparison with the manifest, which the held way (what a file gets)
            // never reaches after a fault: leave them out, so that the findings are the same.
            let own = inBundleOrder ? [] : checker.diagnostics
            return BundleValidation(
                file: file, envelope: nil, records: keepsIndex ? outcome.records : [:], files: files, signatures: [],
                diagnostics: [fault] + outcome.diagnostics + own)
        } catch let error as FileError {
            _ = checker.abandon()
            throw error
        } catch {
            _ = checker.abandon()
            throw FileError(path: file, reason: .cannotRead(errno: EIO))
        }
    }

    /// The path below the top-level folder, or nil for the top-level folder itself.
    static func relativePath(_ path: String) -> String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        let rest = path[path.index(after: slash)...]
        return rest.isEmpty ? nil : String(rest)
    }
}

extension ArchiveError {
    /// Whether this error ends the work rather than describing the archive: a
    /// cancellation, or the host's reader failing.
    /// (In validation, ``writeFailed(errno:)`` can only be the receiver's scratch file or
    /// recording failing: the disk is full, not the bundle wrong.)
    var endsTheWork: Bool {
        switch self {
        case .cancelled, .readerFailed, .writeFailed: return true
        default: return false
        }
    }

    /// What the caller is told when ``endsTheWork``.
    var workEnded: FileError.Reason {
        switch self {
        case .readerFailed(let message): return .readerFailed(message)
        case .writeFailed(let code): return .cannotWrite(errno: code)
        default: return .cancelled
        }
    }

    /// The diagnostic code under which this archive fault is reported.
    var diagnosticCode: DiagnosticCode {
        switch self {
        case .tooMuchData, .compressionRatioTooHigh, .tooManyEntries, .entryTooLarge, .extendedHeaderTooLarge, .tagFileTooLarge, .tooMuchCompressedData:
            return .archiveLimitExceeded
        case .unsupportedEntryType, .specialPermissions, .unsafePath, .duplicateEntry, .entryInsideFile,
             .fileAtTopLevel, .multipleTopLevelFolders, .unsupportedPaxKey:
            return .unsafeArchiveEntry
        default:
            return .damagedArchive
        }
    }
}

/// A SHA-512 being computed over bytes as another reader consumes them.
final class DigestBox {
    private var hasher = SHA512Hasher()
    private var finished: String?

    func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bytes)
    }

    /// The digest of everything seen, including what is left unread at the end.
    func finish() -> String {
        if let finished { return finished }
        finished = hasher.finalizeHex()
        return finished!
    }
}

/// Passes bytes through from a source, hashing them on the way.
struct HashingByteSource<Wrapped: ByteSource>: ByteSource {
    private var wrapped: Wrapped
    private let digest: DigestBox

    init(_ wrapped: Wrapped, into digest: DigestBox) {
        self.wrapped = wrapped
        self.digest = digest
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        let count = try wrapped.read(into: buffer)
        digest.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        return count
    }
}
