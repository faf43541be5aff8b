#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a received bundle's records as values, and its attachments' bytes.
///
/// Nothing is handed over from a bundle that did not pass: the whole bundle is validated
/// first (the archive, the bag's fixity, the envelope, the signatures under
/// ``BundleValidator/signatures``, every record), and only when it is valid is it read a
/// second time, its entries handed to the caller one at a time, in bundle order. When a
/// late entry fails (the last record, a manifest line, a missing file), the caller gets
/// the validation and not a single record. The second reading reads the same bytes as the
/// first: bytes in memory, a stream or an archive file are recorded in an unnamed scratch
/// file during the first reading and read back from there (so a file changed meanwhile
/// changes nothing); a bag folder is held to the digests found in the first reading, and
/// an entry that differs is thrown as ``FileError/Reason/changedWhileReading`` before it
/// is handed over.
///
/// Memory holds one record, or one part of an attachment, at a time, besides what
/// validation holds. (From a bag folder, each attachment is copied to an unnamed scratch file
/// and checked against its digest before its first part is handed over.)
public struct BundleReader: Sendable {
    /// Validates the bundle before anything is read.
    public var validator: BundleValidator
    /// The largest part an attachment is handed over in: 1 MiB.
    public static let attachmentPartBytes = 1 << 20

    /// Creates a reader.
    public init(validator: BundleValidator = BundleValidator()) {
        self.validator = validator
    }

    /// Validates the bundle `source` gives and, only when it is valid, passes each of its
    /// attachments and records to `body`, in bundle order. Returns the validation, which
    /// says why nothing was passed when it is invalid. An error `body` throws stops the
    /// reading and is thrown as it is.
    public func read(_ source: BundleSource, progress: (@Sendable (ProgressReport) -> Void)? = nil, _ body: (ReceivedEntry) throws -> Void) throws -> BundleValidation {
        try read(source, cancellation: nil, progress: progress, body)
    }

    /// The reading every form ends in.
    func read(
        _ source: BundleSource, cancellation: CancellationFlag?, progress: (@Sendable (ProgressReport) -> Void)?,
        _ body: (ReceivedEntry) throws -> Void
    ) throws -> BundleValidation {
        var validator = validator
        var source = source
        var descriptor: Int32 = -1
        defer { if descriptor >= 0 { close(descriptor) } }
        if case .path(let path) = source.storage {
            if DirectoryListing.kind(of: path) == .directory {
                // A folder cannot be recorded: its digests are kept and checked instead.
                validator.keepsIndex = true
            } else {
                descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
                var status = stat()
                let size = fstat(descriptor, &status) == 0 ? Int(status.st_size) : nil
                source = .stream(FileDescriptorReader(descriptor: descriptor), name: path, expectedSize: size)
            }
        } else if case .stream = source.storage, !source.recordsStream {
            throw FileError(path: source.name, reason: .readOnce)
        }
        let input = try validator.input(source, hashes: false, cancellation: cancellation)
        let validation = try validator.check(input, extractor: nil, progress: progress)
        guard validation.isValid else { return validation }
        let digests = validator.keepsIndex ? Dictionary(validation.files.map { ($0.path, $0.sha512) }, uniquingKeysWith: { first, _ in first }) : nil
        let entries = try input.entries(inBundleOrder: input.lastPassInBundleOrder)
        let records = validator.recordValidator
        do {
            while let entry = try entries.next() {
                try input.checkCancellation()
                guard entry.kind == .file, let path = BundleValidator.relativePath(entry.path) else { continue }
                let isRecord = BagChecker.isRecordPath(path)
                guard isRecord || path.hasPrefix(BagLayout.attachmentsFolder) else { continue }
                if isRecord {
                    let bytes = try entries.readToEnd()
                    let digest = SHA512Hasher.hex(bytes)
                    if let digests, digests[path] != digest { throw FileError(path: input.path, reason: .changedWhileReading) }
                    // Parsed into the model by the validator that passed it in the first reading
                    // (the same bytes: a second opinion could only differ by mistake).
                    guard let record = records.validate(bytes, file: input.path).record else {
                        throw FileError(path: input.path, reason: .changedWhileReading)
                    }
                    try body(.record(ReceivedRecord(path: path, sha512: digest, record: record)))
                } else if let digests {
                    try handOverChecked(path, from: entries, expecting: digests[path], input: input, body)
                } else {
                    try handOver(path, from: entries, input: input, body)
                }
            }
        } catch let error as ArchiveError where error.endsTheWork {
            throw FileError(path: input.path, reason: error.workEnded)
        } catch let error as ArchiveError {
            if case .readFailed(let code) = error { throw FileError(path: input.path, reason: .cannotRead(errno: code)) }
            throw FileError(path: input.path, reason: .changedWhileReading)
        }
        return validation
    }
    /// Hands over the current entry, an attachment read from the recording (which cannot have
    /// changed), in parts as it is read.
    private func handOver(
        _ path: String, from entries: BundleEntrySource, input: BundleInput, _ body: (ReceivedEntry) throws -> Void
    ) throws {
        /// The next part: up to `attachmentPartBytes`, fewer only at the end.
        func nextPart() throws(ArchiveError) -> [UInt8] {
            var part = [UInt8](repeating: 0, count: Self.attachmentPartBytes)
            var filled = 0
            while filled < part.count {
                let count = try part.withMutableRawBytes { raw throws(ArchiveError) in
                    try entries.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...]))
                }
                if count == 0 { break }
                filled += count
            }
            part.removeSubrange(filled...)
            return part
        }
        var hasher = SHA512Hasher()
        var offset = 0
        var current = try nextPart()
        while true {
            try input.checkCancellation()
            // A part is passed on once the next is read, so that the last one can say so.
            let next = current.count == Self.attachmentPartBytes ? try nextPart() : []
            let isLast = next.isEmpty
            current.withRawBytes { hasher.update($0) }
            let digest = isLast ? hasher.finalizeHex() : nil
            try body(.attachmentPart(ReceivedAttachmentPart(path: path, offset: offset, bytes: current, isLast: isLast, sha512: digest)))
            if isLast { return }
            offset += current.count
            current = next
        }
    }

    /// Hands over the current entry, an attachment of a bag folder: copied to an unnamed
    /// scratch file and checked against the digest the validation found, then passed on in
    /// parts from the copy, so that nothing changed since is handed over.
    private func handOverChecked(
        _ path: String, from entries: BundleEntrySource, expecting digest: String?, input: BundleInput, _ body: (ReceivedEntry) throws -> Void
    ) throws {
        let copy = try SpoolFile(folder: validator.scratchFolder ?? SpoolFile.temporaryFolder)
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var hasher = SHA512Hasher()
        while true {
            let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try entries.read(into: raw) }
            if count == 0 { break }
            try buffer.withRawBytes { raw throws(FileError) in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[..<count])
                hasher.update(chunk)
                try copy.append(chunk)
            }
        }
        let found = hasher.finalizeHex()
        guard found == digest else { throw FileError(path: input.path, reason: .changedWhileReading) }
        let size = copy.count
        var offset = 0
        repeat {
            try input.checkCancellation()
            let count = min(Self.attachmentPartBytes, size - offset)
            let bytes = try copy.read(at: offset, count: count)
            let isLast = offset + count == size
            try body(.attachmentPart(ReceivedAttachmentPart(path: path, offset: offset, bytes: bytes, isLast: isLast, sha512: isLast ? found : nil)))
            offset += count
        } while offset < size
    }
}
