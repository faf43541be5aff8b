/// Checks a received bundle in one streaming pass: the archive's structure and safety,
/// BagIt completeness and fixity, the envelope, every record (on all cores), and the
/// cross-checks between them. Works on a `.tar.gz` file or an unpacked bag folder.
///
/// Memory holds one buffer, the tag files Accord reads, a few records per core, and per
/// file of the bundle a path, a size and a digest (with a short summary per record and
/// the envelope's index): a few kilobytes per record, never the records themselves.
public struct BundleValidator: Sendable {
    /// Limits on the archive and the documents in it.
    public var limits: BundleLimits
    /// Validates each record.
    public var recordValidator: RecordValidator
    /// How signatures are judged.
    public var signatures: SignaturePolicy
    /// Whether ``BundleValidation/files`` lists every file (for `inspect`); off by default,
    /// since the list grows with the bundle.
    public var listsFiles = false

    /// Creates a validator.
    public init(limits: BundleLimits = .default, recordValidator: RecordValidator? = nil, signatures: SignaturePolicy = SignaturePolicy()) {
        self.limits = limits
        self.recordValidator = recordValidator ?? RecordValidator(limits: limits.xml)
        self.signatures = signatures
    }

    /// Checks the bundle at `path` (a `.tar.gz` file or a bag folder). Problems in the
    /// bundle are diagnostics; a file that cannot be opened at all is thrown.
    public func validate(atPath path: String, progress: (@Sendable (ProgressReport) -> Void)? = nil) throws(FileError) -> BundleValidation {
        try withSource(path) { source throws(FileError) in try check(source, file: path, extractor: nil, progress: progress) }
    }

    /// Opens `path` as an entry source: a folder as a bag folder, anything else as tar.gz.
    func withSource<T>(_ path: String, _ body: (BundleEntrySource) throws(FileError) -> T) throws(FileError) -> T {
        if DirectoryListing.kind(of: path) == .directory {
            return try body(try FolderEntrySource(folder: path))
        }
        let descriptor = try Self.openArchive(path)
        defer { close(descriptor) }
        return try body(entries(of: descriptor, hashingInto: nil))
    }

    private static func openArchive(_ path: String) throws(FileError) -> Int32 {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
        return descriptor
    }

    /// The entries of the tar.gz read from `descriptor`, its raw bytes hashed into `digest` when given.
    private func entries(of descriptor: Int32, hashingInto digest: DigestBox?) -> TarReader {
        let file = FileByteSource(descriptor: descriptor)
        let gzip = digest.map { GzipReader(source: HashingByteSource(file, into: $0), limits: limits.archive) }
            ?? GzipReader(source: file, limits: limits.archive)
        return TarReader(source: gzip, limits: limits.archive)
    }

    /// Runs two passes over the bundle at `path`: `first` (which validates) and, when it
    /// returns a value, `second` (which converts or copies what the first found valid).
    ///
    /// An archive is opened once and both passes read the same open file, hashing every
    /// byte; if the bytes of the second pass differ from those of the first (the file was
    /// modified in place between them), the second pass's work is refused with
    /// ``FileError/Reason/changedWhileReading``, so that nothing unchecked is passed on.
    func withTwoPasses<First, Second>(
        _ path: String,
        first: (BundleEntrySource) throws(FileError) -> First?,
        second: (BundleEntrySource, First) throws(FileError) -> Second
    ) throws(FileError) -> (First?, Second?) {
        if DirectoryListing.kind(of: path) == .directory {
            guard let found = try first(try FolderEntrySource(folder: path)) else { return (nil, nil) }
            return (found, try second(try FolderEntrySource(folder: path), found))
        }
        let descriptor = try Self.openArchive(path)
        defer { close(descriptor) }
        func pass<T>(_ body: (BundleEntrySource) throws(FileError) -> T) throws(FileError) -> (T, String) {
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw FileError(path: path, reason: .cannotRead(errno: errno)) }
            let digest = DigestBox()
            let result = try body(entries(of: descriptor, hashingInto: digest))
            return (result, digest.finish())
        }
        let (found, firstDigest) = try pass(first)
        guard let found else { return (nil, nil) }
        let (done, secondDigest) = try pass { source throws(FileError) in try second(source, found) }
        guard firstDigest == secondDigest else { throw FileError(path: path, reason: .changedWhileReading) }
        return (found, done)
    }

    /// Reads every entry of `source`, feeding the checker and, when given, the extractor.
    func check(
        _ source: BundleEntrySource, file: String, extractor: BundleExtractor?, progress: (@Sendable (ProgressReport) -> Void)?
    ) throws(FileError) -> BundleValidation {
        let checker = BagChecker(bundleFile: file, limits: limits, validator: recordValidator, signatures: signatures)
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
                var contents: [UInt8]? = checker.wantsContents(relative) ? [] : nil
                let contentLimit = checker.contentLimit(for: relative)
                var size = 0
                try extractor?.beginFile(relative)
                while true {
                    let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
                    if count == 0 { break }
                    try buffer.withRawBytes { raw throws(FileError) in
                        let chunk = UnsafeRawBufferPointer(rebasing: raw[..<count])
                        hasher.update(chunk)
                        if contents != nil {
                            if contents!.count + count > contentLimit { contents = nil } else { contents!.append(contentsOf: chunk) }
                        }
                        try extractor?.write(chunk)
                    }
                    size += count
                }
                try extractor?.endFile()
                let facts = BagChecker.FileFacts(size: size, digest: hasher.finalizeHex())
                checker.file(relative, facts: facts, contents: contents)
                if listsFiles || BagChecker.heldTagFiles.contains(relative) {
                    files.append(BundleValidation.File(path: relative, size: size, sha512: facts.digest))
                }
                bytesRead += size
                progress?(ProgressReport(phase: "reading", done: bytesRead, total: nil))
            }
        } catch let error as ArchiveError {
            // After a damaged or hostile archive nothing else it says can be trusted: report
            // the fault (and what the records already read showed), not a cascade of
            // missing files.
            let records = checker.abandon()
            let fault = Diagnostic(error.diagnosticCode, error.description, at: SourceLocation(file: file))
            return BundleValidation(
                file: file, envelope: nil, records: records, files: files, signatures: [],
                diagnostics: [fault] + records.keys.sorted().flatMap { records[$0]!.diagnostics } + checker.diagnostics)
        } catch let error as FileError {
            _ = checker.abandon()
            throw error
        } catch {
            _ = checker.abandon()
            throw FileError(path: file, reason: .cannotRead(errno: EIO))
        }
        // The top-level folder's name is not checked against the bundle id: a bag folder may
        // be renamed (unpacked into a folder of the receiver's choosing, re-tarred).
        let (envelope, records) = checker.finish()
        return BundleValidation(
            file: file, envelope: envelope, records: records, files: files, signatures: checker.signatureChecks,
            diagnostics: checker.diagnostics)
    }

    /// The path below the top-level folder, or nil for the top-level folder itself.
    private static func relativePath(_ path: String) -> String? {
        guard let slash = path.firstIndex(of: "/") else { return nil }
        let rest = path[path.index(after: slash)...]
        return rest.isEmpty ? nil : String(rest)
    }
}

extension ArchiveError {
    /// The diagnostic code under which this archive fault is reported.
    var diagnosticCode: DiagnosticCode {
        switch self {
        case .tooMuchData, .compressionRatioTooHigh, .tooManyEntries, .entryTooLarge, .extendedHeaderTooLarge:
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
