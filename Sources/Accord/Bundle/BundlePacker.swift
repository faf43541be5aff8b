import Dispatch

/// Packs validated records (and the attachments they name) into a bundle: a BagIt bag
/// serialised as tar + gzip, written whole or not at all.
///
/// 1. Every record is validated on all cores; its canonical bytes, and its envelope entry
///    and digest, go to anonymous spool files beside the destination. If any record fails,
///    every failure is reported and nothing is written.
/// 2. The records are sorted into bundle order (`docs/bundle-format.md`); the manifest and the
///    envelope are written to spools an entry at a time and the envelope is validated there.
/// 3. The archive is written to a temporary file beside the destination (tag files first,
///    then the payload in bundle order, every entry with the same owner, mode and mtime),
///    fsynced, and renamed into place. The same inputs and time give the same bytes.
///
/// Memory holds one record per core and, per record, its path and where the rest of it is
/// spooled (about half a kilobyte measured), never the records or the index.
public struct BundlePacker: Sendable {
    /// Validates each record before it is packed.
    public var validator: RecordValidator
    /// Whether a warning in a record stops the pack as an error would.
    public var refusesWarnings = false
    /// The limits receivers enforce; a bundle that would break one is not written.
    public var limits: BundleLimits = .default
    /// The folder for the scratch files of a pack written to memory or a ``ByteWriter``;
    /// nil for `$TMPDIR`, or `/tmp`. A pack to a file keeps them beside the file.
    public var scratchFolder: String?

    /// Creates a packer.
    public init(validator: RecordValidator = RecordValidator()) {
        self.validator = validator
    }

    /// A record ready to be packed. Its canonical bytes wait in the records spool, and its
    /// index entry (with its titles) and digest in the entries spool: what stays in memory
    /// is its path, by which records are sorted, and where to find the rest.
    private struct PackedRecord {
        /// The record's path in the bag, `data/records/ID.xml`.
        var bagPath: String
        /// Its position in the list of input files.
        var file: Int
        var label: ConfidentialityLabel
        /// The attachments it names, with the position of the naming document.
        var attachments: [(document: Int, name: String)]
        var spoolOffset: Int
        var size: Int
        var entryOffset: Int
        var entrySize: Int

        var id: Substring { bagPath.dropFirst(BagLayout.recordsFolder.count).dropLast(4) }
    }

    /// An attachment ready to be packed.
    private struct PackedAttachment {
        var source: PackAttachment.Contents
        var bagPath: String
        var size: Int
        var digest: String
    }

    /// The unlinked scratch files of one pack, in the destination's folder.
    private struct Spools {
        /// Each record's canonical bytes.
        let records: SpoolFile
        /// Each record's index entry and digest (``SpooledEntry``).
        let entries: SpoolFile
        let manifest: SpoolFile
        let envelope: SpoolFile

        init(folder: String) throws(FileError) {
            records = try SpoolFile(folder: folder)
            entries = try SpoolFile(folder: folder)
            manifest = try SpoolFile(folder: folder)
            envelope = try SpoolFile(folder: folder)
        }
    }

    /// Packs the records in `inputs` (record files, XML or JSON, or folders searched for
    /// `*.xml` and `*.json`) into the file `destination`, written whole or not at all. The
    /// attachments a record names are found beside it (``PackAttachment``).
    public func pack(
        _ inputs: [String], to destination: String, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(PackError) -> PackSummary {
        try pack({ () throws(FileError) in try Self.expand(inputs).map(RecordInput.file) }, attachments: [], toFile: destination, options: options, progress: progress)
    }

    /// Packs records built in code, with the attachments they name, into the file
    /// `destination`, written whole or not at all. The bytes are those
    /// ``pack(_:attachments:options:progress:)-8cf3y`` returns for the same inputs.
    public func pack(
        _ records: [PartnershipRecord], attachments: [PackAttachment] = [], toFile destination: String, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(PackError) -> PackSummary {
        try pack({ Self.values(records) }, attachments: attachments, toFile: destination, options: options, progress: progress)
    }

    /// Packs records built in code, with the attachments they name, into a bundle in memory.
    public func pack(
        _ records: [PartnershipRecord], attachments: [PackAttachment] = [], options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(PackError) -> PackedBundle {
        let memory = MemoryByteSink()
        let summary = try pack(
            Self.values(records), attachments: attachments, into: .sink(memory, name: "bundle"), options: options, progress: progress, cancellation: nil)
        return PackedBundle(bytes: memory.bytes, summary: summary)
    }

    /// Packs records built in code, with the attachments they name, into `writer`, a chunk
    /// at a time. `writer` receives nothing until the whole bundle has passed every check,
    /// the receivers' limits on the compressed bundle included: it is written to an unnamed
    /// scratch file first (in ``scratchFolder``) and handed over from there. If the writer
    /// fails midway, what it received is not a bundle and should be discarded.
    public func pack(
        _ records: [PartnershipRecord], attachments: [PackAttachment] = [], to writer: some ByteWriter, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(PackError) -> PackSummary {
        let spool: SpoolFile
        do { spool = try SpoolFile(folder: scratchFolder ?? SpoolFile.temporaryFolder) } catch { throw .file(error) }
        let summary = try pack(
            Self.values(records), attachments: attachments, into: .sink(SpoolSink(spool: spool), name: "bundle"), options: options,
            progress: progress, cancellation: nil)
        let sink = WriterSink(writer: writer)
        var reader = SpoolReader(spool)
        do {
            while let chunk = try reader.nextChunk() {
                try Array(chunk).withRawBytes { raw throws(ArchiveError) in try sink.write(raw) }
            }
        } catch let error as ArchiveError {
            throw .archive(error.description)
        } catch {
            throw .file(error as? FileError ?? FileError(path: spool.folder, reason: .cannotRead(errno: EIO)))
        }
        return summary
    }

    /// Packs into the file `destination`, atomically.
    func pack(
        _ inputs: () throws(FileError) -> [RecordInput], attachments: [PackAttachment], toFile destination: String, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)?, cancellation: CancellationFlag? = nil
    ) throws(PackError) -> PackSummary {
        let output: AtomicFile
        let records: [RecordInput]
        do {
            records = try inputs()
            guard !records.isEmpty else { throw PackError.noRecords }
            output = try AtomicFile(destination: destination, overwrite: options.overwrite)
        } catch let error as PackError {
            throw error
        } catch let error as FileError {
            throw .file(error)
        } catch {
            throw .archive("\(error)")
        }
        let summary = try pack(records, attachments: attachments, into: .file(output), options: options, progress: progress, cancellation: cancellation)
        do { try output.commit() } catch { throw .file(error) }
        return summary
    }

    /// Records built in code, each named in diagnostics by its id.
    static func values(_ records: [PartnershipRecord]) -> [RecordInput] {
        records.map { RecordInput.value($0) }
    }

    /// Where the bundle goes: a temporary file committed by the caller, or a sink.
    enum Output {
        case file(AtomicFile)
        case sink(any ByteSink, name: String)

        /// What diagnostics call the bundle.
        var name: String {
            switch self {
            case .file(let file): file.destination
            case .sink(_, let name): name
            }
        }
    }

    /// The steps every public form ends in: validate, sort, index, check, write.
    func pack(
        _ inputs: [RecordInput], attachments given: [PackAttachment], into output: Output, options: PackOptions,
        progress: (@Sendable (ProgressReport) -> Void)?, cancellation: CancellationFlag?
    ) throws(PackError) -> PackSummary {
        do {
            guard !inputs.isEmpty else { throw PackError.noRecords }
            let scratch: String
            switch output {
            case .file(let file): scratch = parentFolder(of: file.destination)
            case .sink: scratch = scratchFolder ?? SpoolFile.temporaryFolder
            }
            let spools = try Spools(folder: scratch)
            let (records, warnings) = try validateAll(inputs, spools: spools, progress: progress, cancellation: cancellation)
            let attachments = try collectAttachments(records, inputs: inputs, given: given)
            let (header, releaseWarnings) = try makeHeader(records, files: inputs, options: options, destination: output.name)
            try writeIndex(records, attachments, header: header, spools: spools)
            try check(spools.envelope, records: records.count, attachments: attachments, options: options, destination: output.name)
            let sink: any ByteSink
            switch output {
            case .file(let file): sink = FileByteSink(descriptor: file.descriptor)
            case .sink(let given, _): sink = given
            }
            let bytes = try write(
                records, attachments, header: header, options: options, spools: spools, to: sink, name: output.name, progress: progress,
                cancellation: cancellation)
            return PackSummary(envelope: header, records: records.count, bytes: bytes, warnings: warnings + releaseWarnings)
        } catch let error as PackError {
            throw error
        } catch let error as FileError {
            throw PackError.file(error)
        } catch ArchiveError.cancelled {
            throw PackError.file(FileError(path: output.name, reason: .cancelled))
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

    /// Validates every record on all cores, spooling the valid ones; returns them in bundle
    /// order, or throws every problem found.
    private func validateAll(
        _ files: [RecordInput], spools: Spools, progress: (@Sendable (ProgressReport) -> Void)?, cancellation: CancellationFlag?
    ) throws -> ([PackedRecord], [Diagnostic]) {
        /// What each file gave, by its position: only records and diagnostics, never the record.
        struct Results {
            var records: [PackedRecord?]
            var diagnostics: [Int: [Diagnostic]] = [:]
            var failures: [Int: FileError] = [:]
            var done = 0
        }
        let results = Locked(Results(records: Array(repeating: nil, count: files.count)))
        let validator = self.validator
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            var packed: PackedRecord?
            var diagnostics: [Diagnostic] = []
            do throws(FileError) {
                if cancellation?.isSet == true { throw FileError(path: files[index].name, reason: .cancelled) }
                let result = try files[index].validate(with: validator)
                diagnostics = result.diagnostics
                if result.isValid, let record = result.record {
                    let canonical = record.xmlBytes()
                    // Canonical XML can be larger than the input (escaping, indentation);
                    // what is sent must pass the limits it will be read with.
                    if canonical.count > validator.limits.maxBytes {
                        diagnostics.append(Diagnostic(
                            .documentTooLarge,
                            "in canonical form the record is \(canonical.count) bytes; receivers accept \(validator.limits.maxBytes)",
                            at: SourceLocation(file: files[index].name)))
                    } else {
                        let bagPath = BagLayout.recordPath(forId: record.id)
                        let entry = SpooledEntry.encode(BundleEnvelope.Entry(record, path: bagPath), digest: SHA512Hasher.hex(canonical))
                        packed = PackedRecord(
                            bagPath: bagPath, file: index, label: record.confidentiality,
                            attachments: record.sources.enumerated().compactMap { index, document in document.attachment.map { (index, $0) } },
                            spoolOffset: try spools.records.append(canonical), size: canonical.count,
                            entryOffset: try spools.entries.append(entry), entrySize: entry.count)
                    }
                }
            } catch {
                results.withLock { $0.failures[index] = error }
            }
            let done = results.withLock { results -> Int in
                results.records[index] = packed
                if !diagnostics.isEmpty { results.diagnostics[index] = diagnostics }
                results.done += 1
                return results.done
            }
            progress?(ProgressReport(phase: "validating", done: done, total: files.count, unit: .records))
        }

        // Taken out of the lock, so that only one copy of the table stays alive.
        var found = results.withLock { results in
            defer { results = Results(records: []) }
            return results
        }
        if let first = found.failures.keys.min() { throw found.failures[first]! }
        var records = found.records.compactMap { $0 }
        found.records = []
        records.sort { EntryOrder.precedes($0.bagPath, $1.bagPath) }
        // Ids are compared without regard to case: their files must not collide on a
        // case-insensitive disk, and the archive refuses such names. In bundle order such
        // ids are neighbours; the first file of each group keeps the id.
        var start = 0
        while start < records.count {
            var end = start + 1
            while end < records.count, records[end].bagPath.lowercased() == records[start].bagPath.lowercased() { end += 1 }
            let group = records[start..<end].sorted { $0.file < $1.file }
            for record in group.dropFirst() {
                found.diagnostics[record.file, default: []].append(Diagnostic(
                    .duplicateRecordId, "record id '\(record.id)' is also used by \(files[group[0].file].name)",
                    at: SourceLocation(file: files[record.file].name, path: "/partnershipRecord/recordId")))
            }
            start = end
        }
        let diagnostics = found.diagnostics.keys.sorted().flatMap { found.diagnostics[$0]! }
        guard !diagnostics.containsErrors, !(refusesWarnings && !diagnostics.isEmpty) else {
            throw PackError.invalidInput(diagnostics)
        }
        return (records, diagnostics)
    }

    /// Finds each attachment a record names: among those `given`, or for a record file,
    /// beside it (`attachments/NAME` in the record's folder, or `NAME` itself there). An
    /// attachment given that no record names is refused rather than left out unnoticed.
    private func collectAttachments(_ records: [PackedRecord], inputs: [RecordInput], given: [PackAttachment]) throws -> [PackedAttachment] {
        var byBagPath: [String: PackedAttachment] = [:]
        var problems: [Diagnostic] = []
        var givenByName: [String: PackAttachment] = [:]
        for attachment in given {
            if givenByName.updateValue(attachment, forKey: attachment.name) != nil {
                problems.append(Diagnostic(.missingAttachment, "the attachment '\(attachment.name)' is given twice", at: SourceLocation(file: attachment.displayName)))
            }
        }
        var named: Set<String> = []
        for packed in records {
            for (index, name) in packed.attachments {
                named.insert(name)
                let input = inputs[packed.file]
                let location = SourceLocation(file: input.name, path: "/partnershipRecord/sources/document[\(index + 1)]")
                let source: PackAttachment.Contents
                if let attachment = givenByName[name] {
                    source = attachment.contents
                } else if case .file(let path) = input {
                    let folder = parentFolder(of: path)
                    let candidates = ["\(folder)/attachments/\(name)", "\(folder)/\(name)"]
                    guard let found = candidates.first(where: { if case .file = DirectoryListing.kind(of: $0) { return true } else { return false } }) else {
                        problems.append(Diagnostic(.missingAttachment, "the attachment '\(name)' was not found (looked for \(candidates.joined(separator: " and ")))", at: location))
                        continue
                    }
                    source = .file(found)
                } else {
                    problems.append(Diagnostic(.missingAttachment, "the attachment '\(name)' was not given", at: location))
                    continue
                }
                let (size, digest) = try source.sizeAndDigest()
                let bagPath = BagLayout.attachmentsFolder + name
                if let existing = byBagPath[bagPath] {
                    if existing.digest != digest {
                        problems.append(Diagnostic(.missingAttachment, "two different files claim the attachment '\(name)': \(existing.source.displayName) and \(source.displayName)", at: location))
                    }
                    continue
                }
                byBagPath[bagPath] = PackedAttachment(source: source, bagPath: bagPath, size: size, digest: digest)
            }
        }
        for attachment in given where !named.contains(attachment.name) {
            problems.append(Diagnostic(
                .missingAttachment, "the attachment '\(attachment.name)' is given but no record names it in its sources",
                at: SourceLocation(file: attachment.displayName)))
        }
        guard problems.isEmpty else { throw PackError.invalidInput(problems) }
        return byBagPath.values.sorted { EntryOrder.precedes($0.bagPath, $1.bagPath) }
    }

    /// The envelope without its index: who sends to whom, when, under which label. The
    /// label and the recipients pass release control (``ReleaseRules``), as receivers will
    /// check it, or nothing is written; warnings are returned.
    private func makeHeader(
        _ records: [PackedRecord], files: [RecordInput], options: PackOptions, destination: String
    ) throws -> (BundleEnvelope, [Diagnostic]) {
        let highest = records.map(\.label.classification).max() ?? .unclassified
        let classification = options.classification ?? highest
        if classification < highest {
            let record = records.first { $0.label.classification == highest }!
            throw PackError.invalidInput([Diagnostic(
                .bundleLabelTooLow,
                "the bundle would be labelled \(classification.rawValue) but record '\(record.id)' is \(highest.rawValue)",
                at: SourceLocation(file: files[record.file].name, path: "/partnershipRecord/confidentiality"))])
        }
        let common = ReleaseRules.commonStates(records.lazy.map(\.label))
        let location = SourceLocation(file: destination)
        if let common, common.isEmpty, options.releasableTo == nil {
            let restricting = records.filter { !$0.label.releasableTo.isEmpty }.prefix(2)
            throw PackError.invalidInput(restricting.map { record in Diagnostic(
                .bundleLabelWiderThanRecord,
                "record '\(record.id)' is releasable only to \(record.label.releasableTo.joined(separator: ", ")), and no state may receive every record of this bundle: pack them in separate bundles",
                at: SourceLocation(file: files[record.file].name, path: "/partnershipRecord/confidentiality")) })
        }
        let header = BundleEnvelope(
            bundleId: options.effectiveBundleId, sender: options.sender, recipients: options.recipients,
            created: options.created.description,
            confidentiality: ConfidentialityLabel(
                policy: options.policy ?? options.sender, classification: classification, releasableTo: options.releasableTo ?? common ?? []),
            records: nil, attachments: nil)
        let bundle = ReleaseRules.Bundle(header)
        var found = ReleaseRules.check(bundle, at: location, labelAgainstRecipients: options.releasableTo != nil)
        for record in records {
            found += ReleaseRules.check(
                record: String(record.id), label: record.label, in: bundle,
                at: SourceLocation(file: files[record.file].name, path: "/partnershipRecord/confidentiality"))
        }
        if found.containsErrors || (refusesWarnings && !found.isEmpty) { throw PackError.invalidInput(found) }
        return (header, found)
    }

    /// Writes the payload manifest and the envelope to their spools, an entry at a time.
    private func writeIndex(_ records: [PackedRecord], _ attachments: [PackedAttachment], header: BundleEnvelope, spools: Spools) throws {
        // In bundle order every attachment (data/attachments/...) comes before every record.
        for attachment in attachments {
            try spools.manifest.append(Manifest.line(path: attachment.bagPath, digest: attachment.digest))
        }
        let envelope = EnvelopeXMLWriter(header: header)
        for record in records {
            guard let (entry, digest) = SpooledEntry.decode(try spools.entries.read(at: record.entryOffset, count: record.entrySize)) else {
                throw FileError(path: spools.entries.folder, reason: .cannotRead(errno: EIO))
            }
            try spools.manifest.append(Manifest.line(path: record.bagPath, digest: digest))
            envelope.add(entry)
            if let bytes = envelope.take(atLeast: 64 << 10) { try spools.envelope.append(bytes) }
        }
        try spools.envelope.append(envelope.finish(attachments: attachments.map(\.bagPath)))
    }

    /// Nothing leaves the tool that it did not validate: the envelope is checked against
    /// its schema (the sender, recipients and bundle id come from the command line), and
    /// the bundle against the limits receivers apply.
    private func check(
        _ envelope: SpoolFile, records: Int, attachments: [PackedAttachment], options: PackOptions, destination: String
    ) throws {
        let location = SourceLocation(file: destination, entry: BagLayout.envelope)
        let (_, problems) = try EnvelopeValidator.validate(envelope, location: location, limits: limits.envelope)
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
                .bundleExceedsLimits, "the attachment \(large.source.displayName) is \(large.size) bytes; receivers accept \(limits.maxEntryBytes) per file",
                at: SourceLocation(file: large.source.displayName))])
        }
    }

    /// The tag files, in archive order: small ones as bytes, the manifest and the envelope
    /// as their spools.
    private func tagFiles(
        _ records: [PackedRecord], _ attachments: [PackedAttachment], header: BundleEnvelope, options: PackOptions, spools: Spools
    ) throws -> [(path: String, contents: TagFileContents)] {
        let payloadBytes = records.reduce(0) { $0 + $1.size } + attachments.reduce(0) { $0 + $1.size }
        var info = BagInfo()
        info.fields = [
            ("Source-Organization", options.sender),
            ("External-Identifier", header.bundleId),
            ("Bagging-Date", options.created.date),
            ("Payload-Oxum", "\(payloadBytes).\(records.count + attachments.count)"),
            ("Bag-Software-Agent", "accord/\(AccordVersion.current)"),
            ("BagIt-Profile-Identifier", BagLayout.profileIdentifier),
        ]
        var files: [(path: String, contents: TagFileContents)] = [
            (BagLayout.bagDeclaration, .bytes(Array(BagLayout.bagDeclarationContent.utf8))),
            (BagLayout.bagInfo, .bytes(Array(info.text().utf8))),
            (BagLayout.payloadManifest, .spool(spools.manifest)),
            (BagLayout.envelope, .spool(spools.envelope)),
        ]
        var tagManifest = Manifest()
        for (path, contents) in files { tagManifest.add(path: path, digest: try contents.digest()) }
        let tagManifestBytes = Array(tagManifest.text().utf8)
        files.append((BagLayout.tagManifest, .bytes(tagManifestBytes)))
        let digest = SHA512Hasher.hex(tagManifestBytes)
        files += options.signers
            .map { BundleSignatureFile.make(for: $0, bundleId: header.bundleId, tagManifestDigest: digest) }
            .sorted { EntryOrder.precedes($0.path, $1.path) }
            .map { ($0.path, .bytes($0.bytes)) }
        return files
    }

    /// What a tag file holds: bytes, or a spool read as it is written into the archive.
    private enum TagFileContents {
        case bytes([UInt8])
        case spool(SpoolFile)

        var size: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .spool(let spool): spool.count
            }
        }

        func digest() throws(ArchiveError) -> String {
            var hasher = SHA512Hasher()
            try forEachChunk { hasher.update($0) }
            return hasher.finalizeHex()
        }

        func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> Void) throws(ArchiveError) {
            switch self {
            case .bytes(let bytes):
                try bytes.withRawBytes { raw throws(ArchiveError) in try body(raw) }
            case .spool(let spool):
                var reader = SpoolReader(spool)
                while true {
                    let chunk: ArraySlice<UInt8>?
                    do { chunk = try reader.nextChunk() } catch {
                        if case .cannotRead(let code) = error.reason { throw .readFailed(errno: code) }
                        throw .readFailed(errno: EIO)
                    }
                    guard let chunk else { return }
                    try Array(chunk).withRawBytes { raw throws(ArchiveError) in try body(raw) }
                }
            }
        }
    }

    private func write(
        _ records: [PackedRecord], _ attachments: [PackedAttachment], header: BundleEnvelope, options: PackOptions,
        spools: Spools, to sink: any ByteSink, name: String, progress: (@Sendable (ProgressReport) -> Void)?,
        cancellation: CancellationFlag?
    ) throws -> Int {
        let counter = CountingSink(sink: sink, cancellation: cancellation)
        let gzip = try GzipWriter(sink: counter, level: options.compressionLevel)
        let uncompressed = Locked(0)
        let tar = TarWriter(sink: GzipSink(writer: gzip, count: uncompressed))
        let top = header.bundleId
        let mtime = options.created.secondsSinceEpoch

        try tar.addDirectory(top, modificationTime: mtime)
        var tagFolders: Set<String> = []
        for (path, contents) in try tagFiles(records, attachments, header: header, options: options, spools: spools) {
            let folder = parentFolder(of: path)
            if folder != ".", tagFolders.insert(folder).inserted {
                try tar.addDirectory("\(top)/\(folder)", modificationTime: mtime)
            }
            try tar.addFile("\(top)/\(path)", size: contents.size, modificationTime: mtime) { file throws(ArchiveError) in
                try contents.forEachChunk { chunk throws(ArchiveError) in try file.write(chunk) }
            }
        }
        // The payload in bundle order: data/, the attachments' folders and files, then
        // data/records/ and the records (already sorted).
        var folders: Set<String> = []
        for attachment in attachments {
            var folder = parentFolder(of: attachment.bagPath)
            while folder.hasPrefix("data/") { folders.insert(folder); folder = parentFolder(of: folder) }
        }
        let attachmentItems: [(path: String, write: () throws -> Void)] =
            folders.map { folder in (folder, { try tar.addDirectory("\(top)/\(folder)", modificationTime: mtime) }) }
            + attachments.map { attachment in (attachment.bagPath, {
                try Self.copy(attachment, into: tar, as: "\(top)/\(attachment.bagPath)", modificationTime: mtime)
            }) }
        let total = attachmentItems.count + records.count + 2
        try tar.addDirectory("\(top)/data", modificationTime: mtime)
        for (index, item) in attachmentItems.sorted(by: { EntryOrder.precedes($0.path, $1.path) }).enumerated() {
            try item.write()
            progress?(ProgressReport(phase: "writing", done: index + 2, total: total, unit: .entries))
        }
        try tar.addDirectory("\(top)/data/records", modificationTime: mtime)
        for (index, record) in records.enumerated() {
            let bytes = try spools.records.read(at: record.spoolOffset, count: record.size)
            try tar.addFile("\(top)/\(record.bagPath)", size: bytes.count, modificationTime: mtime) { file throws(ArchiveError) in
                try file.write(bytes)
            }
            progress?(ProgressReport(phase: "writing", done: attachmentItems.count + index + 3, total: total, unit: .entries))
        }
        try tar.finish()
        try gzip.finish()
        // Receivers refuse archives that expand too much (a defence against compression
        // bombs); refuse to send one rather than have it bounce.
        let expanded = uncompressed.withLock { $0 }
        let location = SourceLocation(file: name)
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

    /// Streams an attachment into the archive, checking that it is still what was hashed.
    private static func copy(_ attachment: PackedAttachment, into tar: TarWriter, as path: String, modificationTime: Int) throws {
        var hasher = SHA512Hasher()
        do {
            try tar.addFile(path, size: attachment.size, modificationTime: modificationTime) { file throws(ArchiveError) in
                var written = 0
                try attachment.source.forEachChunk { chunk throws(ArchiveError) in
                    guard written + chunk.count <= attachment.size else { throw ArchiveError.truncated(entry: path) }
                    hasher.update(chunk)
                    try file.write(chunk)
                    written += chunk.count
                }
                if written != attachment.size { throw ArchiveError.truncated(entry: path) }
            }
        } catch ArchiveError.truncated {
            throw PackError.inputChanged(path: attachment.source.displayName)
        }
        if hasher.finalizeHex() != attachment.digest { throw PackError.inputChanged(path: attachment.source.displayName) }
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

/// Appends to a scratch file.
private struct SpoolSink: ByteSink {
    let spool: SpoolFile

    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        do throws(FileError) { try spool.append(bytes) } catch { throw .writeFailed(errno: error.errno ?? EIO) }
    }
}

/// A sink that counts what it writes, and stops when the work is cancelled.
private final class CountingSink: ByteSink {
    private var sink: any ByteSink
    private let cancellation: CancellationFlag?
    private(set) var count = 0

    init(sink: any ByteSink, cancellation: CancellationFlag?) {
        self.sink = sink
        self.cancellation = cancellation
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        if cancellation?.isSet == true { throw .cancelled }
        try sink.write(bytes)
        count += bytes.count
    }
}
