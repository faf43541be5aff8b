import Dispatch

/// Packs validated records (and the attachments they name) into a bundle: a BagIt bag
/// serialised as tar + gzip, written whole or not at all.
///
/// 1. Every record is validated on all cores and written, in canonical form, to an
///    anonymous spool file beside the destination. If any record fails, every failure is
///    reported and nothing is written.
/// 2. The manifests, bag-info.txt and the envelope are computed from the digests.
/// 3. The archive is written to a temporary file beside the destination (tag files first,
///    then the payload in bundle order (``EntryOrder``), every entry with the same owner, mode and mtime),
///    fsynced, and renamed into place. The same inputs and time give the same bytes.
///
/// Memory holds one record per core and the index, never the bundle.
public struct BundlePacker: Sendable {
    /// Validates each record before it is packed.
    public var validator: RecordValidator
    /// Whether a warning in a record stops the pack as an error would.
    public var refusesWarnings = false
    /// The limits receivers enforce; a bundle that would break one is not written.
    public var limits: BundleLimits = .default

    /// Creates a packer.
    public init(validator: RecordValidator = RecordValidator()) {
        self.validator = validator
    }

    /// A record ready to be packed: its index entry, the attachments it names (with the
    /// position of the naming document), and where its canonical bytes are in the spool.
    /// The record itself is not kept, so that memory does not grow with the records.
    private struct PackedRecord {
        var sourcePath: String
        var entry: BundleEnvelope.Entry
        var attachments: [(document: Int, name: String)]
        var bagPath: String
        var spoolOffset: Int
        var size: Int
        var digest: String
    }

    /// An attachment ready to be packed.
    private struct PackedAttachment {
        var sourcePath: String
        var bagPath: String
        var size: Int
        var digest: String
    }

    /// Packs the records in `inputs` (XML or JSON files, or folders searched for `*.xml` and
    /// `*.json`) into `destination`.
    public func pack(
        _ inputs: [String], to destination: String, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(PackError) -> PackSummary {
        do {
            let files = try Self.expand(inputs)
            guard !files.isEmpty else { throw PackError.noRecords }
            let output = try AtomicFile(destination: destination, overwrite: options.overwrite)
            let spool = try SpoolFile(folder: parentFolder(of: destination))

            let (records, warnings) = try validateAll(files, spool: spool, progress: progress)
            let attachments = try collectAttachments(records)
            let envelope = try makeEnvelope(records, attachments: attachments, options: options)
            try checkEnvelope(envelope, records: records.count, attachments: attachments, options: options, destination: destination)
            let bytes = try write(records, attachments, envelope: envelope, options: options, spool: spool, to: output, progress: progress)
            try output.commit()
            return PackSummary(envelope: envelope, bytes: bytes, warnings: warnings)
        } catch let error as PackError {
            throw error
        } catch let error as FileError {
            throw PackError.file(error)
        } catch let error as ArchiveError {
            throw PackError.archive(error.description)
        } catch {
            throw PackError.archive("\(error)")
        }
    }

    // MARK: Steps

    /// Files named directly, and the `*.xml` files below named folders, in a stable order.
    static func expand(_ inputs: [String]) throws(FileError) -> [String] {
        var files: [String] = []
        for input in inputs {
            switch DirectoryListing.kind(of: input) {
            case .directory:
                files += try (DirectoryListing.files(under: input, suffix: ".xml") + DirectoryListing.files(under: input, suffix: ".json"))
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            case .missing: throw FileError(path: input, reason: .cannotOpen(errno: ENOENT))
            default: files.append(input)
            }
        }
        return files
    }

    private func validateAll(
        _ files: [String], spool: SpoolFile, progress: (@Sendable (ProgressReport) -> Void)?
    ) throws -> ([PackedRecord], [Diagnostic]) {
        let outcomes = Locked<[Int: Result<(RecordValidation, PackedRecord?), FileError>]>([:])
        let done = Locked(0)
        let validator = self.validator
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let outcome: Result<(RecordValidation, PackedRecord?), FileError>
            do throws(FileError) {
                var result = try validator.validateRecordFile(atPath: files[index])
                var packed: PackedRecord?
                if result.isValid, let record = result.record {
                    let canonical = record.xmlBytes()
                    // Canonical XML can be larger than the input (escaping, indentation);
                    // what is sent must pass the limits it will be read with.
                    guard canonical.count <= validator.limits.maxBytes else {
                        result.diagnostics.append(Diagnostic(
                            .documentTooLarge,
                            "in canonical form the record is \(canonical.count) bytes; receivers accept \(validator.limits.maxBytes)",
                            at: SourceLocation(file: files[index])))
                        outcomes.withLock { $0[index] = .success((result, nil)) }
                        return
                    }
                    let offset = try spool.append(canonical)
                    let bagPath = BagLayout.recordPath(forId: record.id)
                    packed = PackedRecord(
                        sourcePath: files[index], entry: BundleEnvelope.Entry(record, path: bagPath),
                        attachments: record.sources.enumerated().compactMap { index, document in document.attachment.map { (index, $0) } },
                        bagPath: bagPath,
                        spoolOffset: offset, size: canonical.count, digest: SHA512Hasher.hex(canonical))
                }
                result.record = nil  // the packed entry keeps what is needed; memory stays flat
                outcome = .success((result, packed))
            } catch {
                outcome = .failure(error)
            }
            outcomes.withLock { $0[index] = outcome }
            let count = done.withLock { value -> Int in value += 1; return value }
            progress?(ProgressReport(phase: "validating", done: count, total: files.count))
        }

        var diagnostics: [Diagnostic] = []
        var records: [PackedRecord] = []
        for index in files.indices {
            switch outcomes.withLock({ $0[index]! }) {
            case .failure(let error): throw error
            case .success(let (result, packed)):
                diagnostics += result.diagnostics
                if let packed { records.append(packed) }
            }
        }
        // Ids are compared without regard to case: their files must not collide on a
        // case-insensitive disk, and the archive refuses such names.
        var firstFile: [String: String] = [:]
        for record in records {
            if let earlier = firstFile[record.entry.id.lowercased()] {
                diagnostics.append(Diagnostic(
                    .duplicateRecordId, "record id '\(record.entry.id)' is also used by \(earlier)",
                    at: SourceLocation(file: record.sourcePath, path: "/partnershipRecord/recordId")))
            } else {
                firstFile[record.entry.id.lowercased()] = record.sourcePath
            }
        }
        guard !diagnostics.containsErrors, !(refusesWarnings && !diagnostics.isEmpty) else {
            throw PackError.invalidInput(diagnostics)
        }
        return (records.sorted { EntryOrder.precedes($0.bagPath, $1.bagPath) }, diagnostics)
    }

    /// Finds each attachment a record names, beside the record: `attachments/NAME` in the
    /// record's folder, or `NAME` itself there.
    private func collectAttachments(_ records: [PackedRecord]) throws -> [PackedAttachment] {
        var byBagPath: [String: PackedAttachment] = [:]
        var problems: [Diagnostic] = []
        for packed in records {
            for (index, name) in packed.attachments {
                let folder = parentFolder(of: packed.sourcePath)
                let candidates = ["\(folder)/attachments/\(name)", "\(folder)/\(name)"]
                let location = SourceLocation(file: packed.sourcePath, path: "/partnershipRecord/sources/document[\(index + 1)]")
                guard let source = candidates.first(where: { if case .file = DirectoryListing.kind(of: $0) { return true } else { return false } }) else {
                    problems.append(Diagnostic(.missingAttachment, "the attachment '\(name)' was not found (looked for \(candidates.joined(separator: " and ")))", at: location))
                    continue
                }
                let (size, digest) = try Self.digest(ofFile: source)
                let bagPath = BagLayout.attachmentsFolder + name
                if let existing = byBagPath[bagPath] {
                    if existing.digest != digest {
                        problems.append(Diagnostic(.missingAttachment, "two different files claim the attachment '\(name)': \(existing.sourcePath) and \(source)", at: location))
                    }
                    continue
                }
                byBagPath[bagPath] = PackedAttachment(sourcePath: source, bagPath: bagPath, size: size, digest: digest)
            }
        }
        guard problems.isEmpty else { throw PackError.invalidInput(problems) }
        return byBagPath.values.sorted { EntryOrder.precedes($0.bagPath, $1.bagPath) }
    }

    private func makeEnvelope(_ records: [PackedRecord], attachments: [PackedAttachment], options: PackOptions) throws -> BundleEnvelope {
        let highest = records.map(\.entry.classification).max() ?? .unclassified
        let classification = options.classification ?? highest
        if classification < highest {
            let record = records.first { $0.entry.classification == highest }!
            throw PackError.invalidInput([Diagnostic(
                .bundleLabelTooLow,
                "the bundle would be labelled \(classification.rawValue) but record '\(record.entry.id)' is \(highest.rawValue)",
                at: SourceLocation(file: record.sourcePath, path: "/partnershipRecord/confidentiality"))])
        }
        return BundleEnvelope(
            bundleId: options.effectiveBundleId, sender: options.sender, recipients: options.recipients,
            created: options.created.description,
            confidentiality: ConfidentialityLabel(
                policy: options.policy ?? options.sender, classification: classification, releasableTo: options.releasableTo),
            records: records.map(\.entry),
            attachments: attachments.map(\.bagPath))
    }

    /// Nothing leaves the tool that it did not validate: the envelope is checked against
    /// its schema (the sender, recipients and bundle id come from the command line), and
    /// the bundle against the limits receivers apply.
    private func checkEnvelope(
        _ envelope: BundleEnvelope, records: Int, attachments: [PackedAttachment], options: PackOptions, destination: String
    ) throws {
        let location = SourceLocation(file: destination, entry: BagLayout.envelope)
        let (_, problems) = EnvelopeValidator.validate(envelope.xmlBytes(), location: location, limits: limits.envelope)
        guard !problems.containsErrors else { throw PackError.invalidInput(problems) }
        let entries = records + attachments.count + BagLayout.tagFilesInArchiveOrder.count + 4
        if entries > limits.maxEntries {
            throw PackError.invalidInput([Diagnostic(
                .bundleExceedsLimits, "the bundle would have about \(entries) entries; receivers accept \(limits.maxEntries)", at: location)])
        }
        var keys: Set<String> = []
        for signer in options.signers {
            if !Signer.isOrganisationId(signer.organisation) {
                throw PackError.invalidInput([Diagnostic(.badSignature, "the signing organisation '\(signer.organisation)' is not an organisation identifier such as ID-MOD", at: location)])
            }
            if !keys.insert(signer.key.publicKey.fingerprint).inserted {
                throw PackError.invalidInput([Diagnostic(.duplicateSignature, "the key \(signer.key.publicKey.fingerprint) is asked to sign twice", at: location)])
            }
        }
        if let large = attachments.first(where: { $0.size > limits.maxEntryBytes }) {
            throw PackError.invalidInput([Diagnostic(
                .bundleExceedsLimits, "the attachment \(large.sourcePath) is \(large.size) bytes; receivers accept \(limits.maxEntryBytes) per file",
                at: SourceLocation(file: large.sourcePath))])
        }
    }

    /// The tag files, in archive order.
    private func tagFiles(_ records: [PackedRecord], _ attachments: [PackedAttachment], envelope: BundleEnvelope, options: PackOptions) -> [(String, [UInt8])] {
        var manifest = Manifest()
        for record in records { manifest.add(path: record.bagPath, digest: record.digest) }
        for attachment in attachments { manifest.add(path: attachment.bagPath, digest: attachment.digest) }
        let payloadBytes = records.reduce(0) { $0 + $1.size } + attachments.reduce(0) { $0 + $1.size }
        var info = BagInfo()
        info.fields = [
            ("Source-Organization", options.sender),
            ("External-Identifier", envelope.bundleId),
            ("Bagging-Date", options.created.date),
            ("Payload-Oxum", "\(payloadBytes).\(records.count + attachments.count)"),
            ("Bag-Software-Agent", "accord/\(AccordVersion.current)"),
            ("BagIt-Profile-Identifier", BagLayout.profileIdentifier),
        ]
        var files: [(String, [UInt8])] = [
            (BagLayout.bagDeclaration, Array(BagLayout.bagDeclarationContent.utf8)),
            (BagLayout.bagInfo, Array(info.text().utf8)),
            (BagLayout.payloadManifest, Array(manifest.text().utf8)),
            (BagLayout.envelope, envelope.xmlBytes()),
        ]
        var tagManifest = Manifest()
        for (path, bytes) in files { tagManifest.add(path: path, digest: SHA512Hasher.hex(bytes)) }
        let tagManifestBytes = Array(tagManifest.text().utf8)
        files.append((BagLayout.tagManifest, tagManifestBytes))
        let digest = SHA512Hasher.hex(tagManifestBytes)
        files += options.signers
            .map { BundleSignatureFile.make(for: $0, bundleId: envelope.bundleId, tagManifestDigest: digest) }
            .sorted { EntryOrder.precedes($0.path, $1.path) }
        return files
    }

    private func write(
        _ records: [PackedRecord], _ attachments: [PackedAttachment], envelope: BundleEnvelope, options: PackOptions,
        spool: SpoolFile, to output: AtomicFile, progress: (@Sendable (ProgressReport) -> Void)?
    ) throws -> Int {
        let counter = CountingFileSink(descriptor: output.descriptor)
        let gzip = try GzipWriter(sink: counter, level: options.compressionLevel)
        let uncompressed = Locked(0)
        let tar = TarWriter(sink: GzipSink(writer: gzip, count: uncompressed))
        let top = envelope.bundleId
        let mtime = options.created.secondsSinceEpoch

        try tar.addDirectory(top, modificationTime: mtime)
        var tagFolders: Set<String> = []
        for (path, bytes) in tagFiles(records, attachments, envelope: envelope, options: options) {
            let folder = parentFolder(of: path)
            if folder != ".", tagFolders.insert(folder).inserted {
                try tar.addDirectory("\(top)/\(folder)", modificationTime: mtime)
            }
            try tar.addFile("\(top)/\(path)", size: bytes.count, modificationTime: mtime) { file throws(ArchiveError) in
                try file.write(bytes)
            }
        }
        var folders = Set(["data", "data/records"])
        for attachment in attachments {
            var folder = parentFolder(of: attachment.bagPath)
            while folder.hasPrefix("data/") { folders.insert(folder); folder = parentFolder(of: folder) }
        }
        let payload: [(path: String, write: () throws -> Void)] =
            folders.map { folder in (folder, { try tar.addDirectory("\(top)/\(folder)", modificationTime: mtime) }) }
            + records.map { record in (record.bagPath, {
                let bytes = try spool.read(at: record.spoolOffset, count: record.size)
                try tar.addFile("\(top)/\(record.bagPath)", size: bytes.count, modificationTime: mtime) { file throws(ArchiveError) in
                    try file.write(bytes)
                }
            }) }
            + attachments.map { attachment in (attachment.bagPath, {
                try Self.copy(attachment, into: tar, as: "\(top)/\(attachment.bagPath)", modificationTime: mtime)
            }) }
        let total = payload.count
        for (index, item) in payload.sorted(by: { EntryOrder.precedes($0.path, $1.path) }).enumerated() {
            try item.write()
            progress?(ProgressReport(phase: "writing", done: index + 1, total: total))
        }
        try tar.finish()
        try gzip.finish()
        // Receivers refuse archives that expand too much (a defence against compression
        // bombs); refuse to send one rather than have it bounce.
        let expanded = uncompressed.withLock { $0 }
        let location = SourceLocation(file: output.destination)
        if expanded > limits.maxTotalBytes {
            throw PackError.invalidInput([Diagnostic(.bundleExceedsLimits, "the bundle unpacks to \(expanded) bytes; receivers accept \(limits.maxTotalBytes)", at: location)])
        }
        if expanded > ArchiveLimits.compressionRatioGrace && expanded > limits.maxCompressionRatio * max(1, counter.count) {
            throw PackError.invalidInput([Diagnostic(
                .bundleExceedsLimits,
                "the bundle expands \(expanded / max(1, counter.count)) times when unpacked; receivers refuse more than \(limits.maxCompressionRatio) (is an attachment mostly empty?)",
                at: location)])
        }
        return counter.count
    }

    // MARK: Files

    private static func digest(ofFile path: String) throws(FileError) -> (Int, String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
        defer { close(descriptor) }
        var hasher = SHA512Hasher()
        var size = 0
        try FileReader.forEachChunk(of: descriptor, path: path) { chunk in
            hasher.update(chunk)
            size += chunk.count
        }
        return (size, hasher.finalizeHex())
    }

    /// Streams an attachment into the archive, checking that it is still the file that was hashed.
    private static func copy(_ attachment: PackedAttachment, into tar: TarWriter, as path: String, modificationTime: Int) throws {
        let descriptor = open(attachment.sourcePath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: attachment.sourcePath, reason: .cannotOpen(errno: errno)) }
        defer { close(descriptor) }
        var hasher = SHA512Hasher()
        var source = FileByteSource(descriptor: descriptor)
        do {
            try tar.addFile(path, size: attachment.size, modificationTime: modificationTime) { file throws(ArchiveError) in
                var buffer = [UInt8](repeating: 0, count: 256 << 10)
                var remaining = attachment.size
                while remaining > 0 {
                    let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in
                        try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<min(raw.count, remaining)]))
                    }
                    if count == 0 { throw ArchiveError.truncated(entry: path) }
                    try buffer.withRawBytes { raw throws(ArchiveError) in
                        let chunk = UnsafeRawBufferPointer(rebasing: raw[..<count])
                        hasher.update(chunk)
                        try file.write(chunk)
                    }
                    remaining -= count
                }
            }
        } catch ArchiveError.truncated {
            throw PackError.inputChanged(path: attachment.sourcePath)
        }
        if hasher.finalizeHex() != attachment.digest { throw PackError.inputChanged(path: attachment.sourcePath) }
    }
}

/// Feeds tar output into a gzip writer.
private struct GzipSink: ByteSink {
    let writer: GzipWriter
    /// Bytes fed in, before compression.
    let count: Locked<Int>
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        try writer.write(bytes)
        count.withLock { $0 += bytes.count }
    }
}

/// A file sink that counts what it writes.
private final class CountingFileSink: ByteSink {
    private var sink: FileByteSink
    private(set) var count = 0
    init(descriptor: Int32) { sink = FileByteSink(descriptor: descriptor) }
    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        try sink.write(bytes)
        count += bytes.count
    }
}
