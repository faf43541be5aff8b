/// Checks a bag's payload in bundle order (``EntryOrder``) as it streams, by merging it
/// with the manifest and the envelope's index, which arrive before it and are spooled to
/// unlinked scratch files instead of being held. Memory does not grow with the bag.
///
/// When the first payload file arrives, the envelope is read from its spool (validated
/// against its schema), and its index and attachment list are written to two more spools
/// in a compact form. Each payload file is then matched against the next manifest line,
/// and each record against the next index entry, which goes with the record to the
/// validation worker for the cross-checks. The attachments carried are spooled, sorted,
/// for the records to look up. Anything out of order throws
/// ``ArchiveError/notInBundleOrder(entry:)``: the bag is then checked the held way.
final class PayloadMerge {
    /// Each payload manifest's bytes, as they arrive, by name.
    private var manifestSpools: [String: SpoolFile] = [:]
    /// The payload manifests being merged, SHA-512 first.
    private var cursors: [ManifestCursor] = []
    private let folder: String
    /// The envelope's bytes, as they arrive.
    let envelopeSpool: SpoolFile
    /// The envelope's index: a ``SpooledEntry`` line per record.
    private let indexSpool: SpoolFile
    /// The envelope's attachment paths, a line each.
    private let listedSpool: SpoolFile
    /// The attachments carried, for records to look up.
    private let carried: SortedLines

    /// Whether the payload has started (the tag files are then all known).
    private(set) var hasBegun = false
    /// The envelope, without its index, when it is valid.
    private(set) var envelope: BundleEnvelope?
    /// What release control judges each record against, made once from the envelope.
    private var release: ReleaseRules.Bundle?

    private var index: SpoolReader
    private var nextIndexEntry: BundleEnvelope.Entry?
    private var listed: SpoolReader
    private var nextListedAttachment: String?
    private var lastPayloadPath: String?

    /// Whether a scratch file could not be read, so that the bag must be checked the held
    /// way (asked once the records' workers are done, since they look attachments up).
    var scratchFailed: Bool { cursors.contains(where: \.readFailed) || carried.hasFailed }

    init(folder: String) throws(FileError) {
        self.folder = folder
        envelopeSpool = try SpoolFile(folder: folder)
        indexSpool = try SpoolFile(folder: folder)
        listedSpool = try SpoolFile(folder: folder)
        carried = try SortedLines(folder: folder)
        index = SpoolReader(indexSpool)
        listed = SpoolReader(listedSpool)
    }

    /// The scratch file for the payload manifest `name`, made when it first arrives; nil if
    /// none can be made (the bag is then read the held way).
    func manifestSpool(for name: String) -> SpoolFile? {
        if let spool = manifestSpools[name] { return spool }
        let spool = try? SpoolFile(folder: folder)
        manifestSpools[name] = spool
        return spool
    }

    /// One payload file, in the order the bag holds them.
    func payloadFile(_ path: String, facts: BagChecker.FileFacts, contents: [UInt8]?, checker: BagChecker) throws(ArchiveError) {
        if !hasBegun { try begin(checker) }
        if let lastPayloadPath, EntryOrder.compare(lastPayloadPath, path) >= 0 { throw .notInBundleOrder(entry: path) }
        lastPayloadPath = path

        for cursor in cursors {
            let what = BagChecker.named(cursor.name)
            while let line = cursor.next, EntryOrder.precedes(line.path, path) {
                checker.report(.missingPayloadFile, BagChecker.notCarried(line.path, listedIn: what), entry: cursor.name)
                try cursor.advance(checker)
            }
            if let line = cursor.next, line.path == path {
                if line.digest != facts.digest(cursor.algorithm) {
                    checker.report(.payloadDigestMismatch, BagChecker.digestDiffers(path, from: what, algorithm: cursor.algorithm), entry: path)
                }
                try cursor.advance(checker)
            } else {
                checker.report(.unlistedPayloadFile, BagChecker.unlisted(path, from: what), entry: path)
            }
        }
        guard checker.profile == .accord else { return }

        // The envelope's attachment list is matched against every payload file (a listed
        // path is carried if any file has it); only attachments must be listed.
        var listed = false
        if envelope != nil {
            while let next = nextListedAttachment, EntryOrder.precedes(next, path) {
                checker.report(.envelopeIndexMismatch, BagChecker.attachmentListedButNotCarried(next), entry: BagLayout.envelope)
                nextListedAttachment = try readListedAttachment()
            }
            if nextListedAttachment == path {
                listed = true
                nextListedAttachment = try readListedAttachment()
            }
        }

        if BagChecker.isRecordPath(path) {
            try record(path, facts: facts, contents: contents, checker: checker)
        } else if path.hasPrefix(BagLayout.attachmentsFolder) {
            do { try carried.append(path) } catch { throw .notInBundleOrder(entry: path) }
            if envelope != nil && !listed {
                checker.report(.envelopeIndexMismatch, BagChecker.attachmentCarriedButNotListed(path), entry: path)
            }
        } else {
            checker.report(.unexpectedPayloadFile, BagChecker.unexpectedPayload(path), entry: path)
        }
    }

    /// The end of the bag: whatever the manifest and the envelope list that never came.
    func finish(checker: BagChecker) throws(ArchiveError) {
        if !hasBegun { try begin(checker) }
        for cursor in cursors {
            while let line = cursor.next {
                checker.report(.missingPayloadFile, BagChecker.notCarried(line.path, listedIn: BagChecker.named(cursor.name)), entry: cursor.name)
                try cursor.advance(checker)
            }
        }
        guard envelope != nil else { return }
        while let entry = nextIndexEntry {
            checker.report(.envelopeIndexMismatch, BagChecker.indexedButNotCarried(entry.path), entry: BagLayout.envelope)
            nextIndexEntry = try readIndexEntry()
        }
        while let path = nextListedAttachment {
            checker.report(.envelopeIndexMismatch, BagChecker.attachmentListedButNotCarried(path), entry: BagLayout.envelope)
            nextListedAttachment = try readListedAttachment()
        }
    }

    // MARK: Steps

    /// Reads the envelope and starts the manifest, once every tag file is known.
    private func begin(_ checker: BagChecker) throws(ArchiveError) {
        hasBegun = true
        // Whatever would be reported absent, or read otherwise than as UTF-8, is left to the held way.
        let required = checker.profile == .accord
            ? [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope, BagLayout.tagManifest]
            : [BagLayout.bagDeclaration]
        if let absent = required.first(where: { checker.tagFiles[$0] == nil }) { throw .notInBundleOrder(entry: absent) }
        let manifests = checker.payloadManifests
        if manifests.isEmpty { throw .notInBundleOrder(entry: BagLayout.payloadManifest) }
        if checker.profile == .bagit, checker.tagText(BagLayout.bagDeclaration).flatMap({ BagDeclaration.read($0).encoding?.uppercased() }) != "UTF-8" {
            throw .notInBundleOrder(entry: BagLayout.bagDeclaration)
        }
        for (name, algorithm) in manifests {
            guard let spool = manifestSpools[name] else { throw .notInBundleOrder(entry: name) }
            cursors.append(ManifestCursor(name: name, algorithm: algorithm, spool: spool))
        }
        for cursor in cursors { try cursor.advance(checker) }
        guard checker.profile == .accord else { return }

        var lastPath: String?
        var lastAttachment: String?
        var inOrder = true
        var spooled = true
        let handlers = EnvelopeStreamReader.Handlers(record: { [indexSpool] entry in
            if let lastPath, EntryOrder.compare(lastPath, entry.path) >= 0 { inOrder = false }
            // An entry in the wrong place may share its id with another, which only the held
            // way, with every id at hand, can report: leave such an envelope to it.
            if BagChecker.misplaced(entry) != nil { inOrder = false }
            lastPath = entry.path
            if (try? indexSpool.append(SpooledEntry.encode(entry) + [0x0A])) == nil { spooled = false }
        }, attachment: { [listedSpool] path in
            if let lastAttachment, EntryOrder.compare(lastAttachment, path) >= 0 { inOrder = false }
            lastAttachment = path
            if (try? listedSpool.append(Array((path + "\n").utf8))) == nil { spooled = false }
        })
        let envelope: BundleEnvelope?
        let problems: [Diagnostic]
        do {
            (envelope, problems) = try EnvelopeStreamReader.read(
                envelopeSpool, location: SourceLocation(file: checker.bundleFile, entry: BagLayout.envelope),
                limits: checker.limits.envelope, handlers: handlers)
        } catch {
            throw .notInBundleOrder(entry: BagLayout.envelope)
        }
        // A valid envelope's index must be in bundle order to be merged (its attachment
        // paths then match the schema's pattern, which holds no LF).
        if envelope != nil && !(inOrder && spooled) { throw .notInBundleOrder(entry: BagLayout.envelope) }
        checker.add(problems)
        self.envelope = envelope
        release = envelope.map(checker.release)

        if envelope != nil {
            nextIndexEntry = try readIndexEntry()
            nextListedAttachment = try readListedAttachment()
        }
    }

    private func record(_ path: String, facts: BagChecker.FileFacts, contents: [UInt8]?, checker: BagChecker) throws(ArchiveError) {
        var entry: BundleEnvelope.Entry?
        if envelope != nil {
            while let next = nextIndexEntry, EntryOrder.precedes(next.path, path) {
                checker.report(.envelopeIndexMismatch, BagChecker.indexedButNotCarried(next.path), entry: BagLayout.envelope)
                nextIndexEntry = try readIndexEntry()
            }
            if let next = nextIndexEntry, next.path == path {
                entry = next
                nextIndexEntry = try readIndexEntry()
            } else {
                checker.report(.envelopeIndexMismatch, BagChecker.carriedButNotIndexed(path), entry: path)
            }
        }
        guard let contents else {
            checker.report(.documentTooLarge, BagChecker.tooLarge(facts.size, limit: checker.limits.xml.maxBytes), entry: path)
            return
        }
        var crossCheck: (@Sendable (BundleRecord) -> [Diagnostic])?
        if let entry, let bundle = release {
            crossCheck = { [carried, bundleFile = checker.bundleFile] record in
                BagChecker.crossCheck(record, against: entry, in: bundle, bundleFile: bundleFile, carries: carried.contains)
            }
        }
        checker.pool.submit(contents, entry: path, bundleFile: checker.bundleFile, crossCheck: crossCheck)
    }

    // MARK: Reading the spools

    /// The next entry of the index (none is in the wrong place: such an index is left to
    /// the held way).
    private func readIndexEntry() throws(ArchiveError) -> BundleEnvelope.Entry? {
        guard let line = try readLine(&index) else { return nil }
        guard let (entry, _) = SpooledEntry.decode(Array(line.utf8)) else { throw .notInBundleOrder(entry: BagLayout.envelope) }
        return entry
    }

    private func readListedAttachment() throws(ArchiveError) -> String? {
        try readLine(&listed)
    }

    private func readLine(_ reader: inout SpoolReader) throws(ArchiveError) -> String? {
        do {
            return try reader.nextLine().map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw .notInBundleOrder(entry: BagLayout.envelope)
        }
    }
}

/// One payload manifest read from its scratch file a line at a time, in bundle order.
final class ManifestCursor {
    let name: String
    let algorithm: DigestAlgorithm
    private var reader: ManifestReader!
    private var lastPath: String?
    /// The next well-formed line not yet matched.
    private(set) var next: (path: String, digest: String)?
    /// The scratch file could not be read: the findings cannot be trusted.
    private(set) var readFailed = false

    init(name: String, algorithm: DigestAlgorithm, spool: SpoolFile) {
        self.name = name
        self.algorithm = algorithm
        var bytes = SpoolReader(spool)
        reader = ManifestReader(algorithm: algorithm) { [unowned self] in
            do {
                return try bytes.nextChunk()
            } catch {
                readFailed = true
                return nil
            }
        }
    }

    /// Moves to the next well-formed line, reporting malformed ones on the way.
    func advance(_ checker: BagChecker) throws(ArchiveError) {
        while let line = reader.next() {
            switch line {
            case .problem(let problem):
                checker.report(.malformedManifest, problem.message, entry: name, line: problem.line)
            case .entry(let number, let path, let digest):
                if let lastPath {
                    let order = EntryOrder.compare(lastPath, path)
                    if order > 0 { throw .notInBundleOrder(entry: name) }
                    if order == 0 {
                        checker.report(.malformedManifest, "'\(path)' is listed twice", entry: name, line: number)
                        continue
                    }
                }
                lastPath = path
                next = (path, digest)
                return
            }
        }
        if readFailed { throw .notInBundleOrder(entry: name) }
        next = nil
    }
}
