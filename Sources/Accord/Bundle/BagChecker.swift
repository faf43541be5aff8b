/// Checks a bag as its files stream past, then cross-checks everything at the end.
///
/// The checker is fed one file at a time (path relative to the bag, size, SHA-512 and,
/// for tag files and records, the bytes). Records are validated on all cores as they
/// arrive; payload files are only hashed, never held. At the end it verifies the BagIt
/// structure (RFC 8493: bagit.txt, manifests, Payload-Oxum, tag manifest), the envelope,
/// and that the envelope, the records and the manifest tell the same story.
final class BagChecker {
    /// What is known about one file of the bag.
    struct FileFacts {
        var size: Int
        var digest: String
    }

    private let bundleFile: String
    private let limits: BundleLimits
    private let pool: RecordValidationPool
    private var payload: [String: FileFacts] = [:]
    private var tagFiles: [String: FileFacts] = [:]
    private var tagContents: [String: [UInt8]] = [:]
    private var oversizeRecords: Set<String> = []
    private(set) var diagnostics: [Diagnostic] = []

    init(bundleFile: String, limits: BundleLimits, validator: RecordValidator) {
        self.bundleFile = bundleFile
        self.limits = limits
        pool = RecordValidationPool(validator: validator)
    }

    /// Whether the checker needs the bytes of the file at `path` (tag files and records).
    func wantsContents(_ path: String) -> Bool {
        !path.hasPrefix(BagLayout.payloadFolder) || Self.isRecordPath(path)
    }

    /// The most bytes of the file at `path` the checker holds in memory.
    func contentLimit(for path: String) -> Int {
        path.hasPrefix(BagLayout.payloadFolder) ? limits.xml.maxBytes : limits.maxTagFileBytes
    }

    /// One file of the bag has been read. `contents` is nil when the checker did not want
    /// it, or when it was larger than ``contentLimit(for:)``.
    func file(_ path: String, facts: FileFacts, contents: [UInt8]?) {
        if path.hasPrefix(BagLayout.payloadFolder) {
            payload[path] = facts
            if Self.isRecordPath(path) {
                if let contents {
                    pool.submit(contents, entry: path, bundleFile: bundleFile)
                } else {
                    oversizeRecords.insert(path)
                    report(.documentTooLarge, "the record is \(facts.size) bytes; the limit is \(limits.xml.maxBytes) bytes", entry: path)
                }
            } else if !path.hasPrefix(BagLayout.attachmentsFolder) {
                report(.unexpectedPayloadFile, "'\(path)' is neither a record (data/records/*.xml) nor an attachment (data/attachments/...)", entry: path)
            }
        } else {
            tagFiles[path] = facts
            if let contents {
                tagContents[path] = contents
            } else {
                report(.archiveLimitExceeded, "the tag file is \(facts.size) bytes; the limit is \(limits.maxTagFileBytes) bytes", entry: path)
            }
        }
    }

    /// Stops after a fault in the archive: waits for the records already submitted and
    /// returns their results, without the end-of-bag checks.
    func abandon() -> [String: RecordValidation] {
        pool.finish()
    }

    /// Runs every end-of-bag check and returns the envelope (when valid) and the records' results.
    func finish() -> (envelope: BundleEnvelope?, records: [String: RecordValidation]) {
        let records = pool.finish()
        checkDeclaration()
        checkPayloadManifest()
        checkBagInfo()
        checkTagManifest()
        let envelope = checkEnvelope()
        if let envelope { crossCheck(envelope, records: records) }
        for path in records.keys.sorted() { diagnostics += records[path]!.diagnostics }
        return (envelope, records)
    }

    // MARK: BagIt

    private func checkDeclaration() {
        guard let bytes = tagContents[BagLayout.bagDeclaration] else {
            report(.notABag, "bagit.txt is missing: this is not a BagIt bag")
            return
        }
        let (info, _) = BagInfo.parse(bytes)
        let version = info.value("BagIt-Version")
        if version == nil || !BagLayout.readableBagItVersions.contains(version!) {
            report(.notABag, "bagit.txt declares BagIt-Version '\(version ?? "")'; expected 1.0", entry: BagLayout.bagDeclaration, line: 1)
        }
        if info.value("Tag-File-Character-Encoding")?.uppercased() != "UTF-8" {
            report(.notABag, "bagit.txt must declare Tag-File-Character-Encoding: UTF-8", entry: BagLayout.bagDeclaration, line: 2)
        }
    }

    private func checkPayloadManifest() {
        guard let bytes = tagContents[BagLayout.payloadManifest] else {
            report(.missingTagFile, "manifest-sha512.txt is missing: the payload cannot be verified")
            return
        }
        let (manifest, problems) = Manifest.parse(bytes)
        for problem in problems {
            report(.malformedManifest, problem.message, entry: BagLayout.payloadManifest, line: problem.line)
        }
        for (path, digest) in manifest.entries {
            guard let facts = payload[path] else {
                report(.missingPayloadFile, "'\(path)' is listed in the manifest but is not in the bundle", entry: BagLayout.payloadManifest)
                continue
            }
            if facts.digest != digest {
                report(.payloadDigestMismatch, "the SHA-512 digest of '\(path)' differs from the manifest: the file was changed or damaged", entry: path)
            }
        }
        for path in payload.keys.sorted() where manifest.digest(for: path) == nil {
            report(.unlistedPayloadFile, "'\(path)' is in the bundle but not in the manifest", entry: path)
        }
        for path in tagFiles.keys.sorted() where path.hasPrefix("manifest-") && path != BagLayout.payloadManifest {
            report(.unverifiedManifest, "\(path) is not verified: Accord verifies SHA-512 manifests only", entry: path)
        }
    }

    private func checkBagInfo() {
        guard let bytes = tagContents[BagLayout.bagInfo] else {
            report(.incompleteBagInfo, "bag-info.txt is missing")
            return
        }
        let (info, problems) = BagInfo.parse(bytes)
        for problem in problems {
            report(.malformedBagInfo, problem.message, entry: BagLayout.bagInfo, line: problem.line)
        }
        if let oxum = info.value("Payload-Oxum") {
            let actual = (bytes: payload.values.reduce(0) { $0 + $1.size }, files: payload.count)
            if let declared = BagInfo.parseOxum(oxum) {
                if declared != actual {
                    report(.payloadOxumMismatch, "Payload-Oxum says \(declared.bytes) bytes in \(declared.files) files; the payload has \(actual.bytes) bytes in \(actual.files) files", entry: BagLayout.bagInfo)
                }
            } else {
                report(.malformedBagInfo, "Payload-Oxum '\(oxum)' is not 'bytes.files'", entry: BagLayout.bagInfo)
            }
        }
        for field in BagInfoFields.required where info.value(field) == nil {
            report(.incompleteBagInfo, "bag-info.txt has no \(field)", entry: BagLayout.bagInfo)
        }
    }

    private func checkTagManifest() {
        guard let bytes = tagContents[BagLayout.tagManifest] else {
            report(.missingTagFile, "tagmanifest-sha512.txt is missing: the tag files cannot be verified")
            return
        }
        let (manifest, problems) = Manifest.parse(bytes)
        for problem in problems {
            report(.malformedManifest, problem.message, entry: BagLayout.tagManifest, line: problem.line)
        }
        for (path, digest) in manifest.entries {
            guard let facts = tagFiles[path] else {
                report(.tagFileMismatch, "'\(path)' is listed in the tag manifest but is not in the bundle", entry: BagLayout.tagManifest)
                continue
            }
            if facts.digest != digest {
                report(.tagFileMismatch, "the SHA-512 digest of '\(path)' differs from the tag manifest: the file was changed", entry: path)
            }
        }
        // The digest chain must cover every tag file: nothing unverified travels in a bundle.
        for path in tagFiles.keys.sorted() where path != BagLayout.tagManifest && !path.hasPrefix("tagmanifest-") && manifest.digest(for: path) == nil {
            report(.tagFileMismatch, "'\(path)' is not covered by the tag manifest", entry: path)
        }
        for path in tagFiles.keys.sorted() where path.hasPrefix("tagmanifest-") && path != BagLayout.tagManifest {
            report(.unverifiedManifest, "\(path) is not verified: Accord verifies SHA-512 manifests only", entry: path)
        }
        if tagFiles["fetch.txt"] != nil {
            report(.fetchNotAllowed, "fetch.txt asks the receiver to download files; a bundle must carry every file itself", entry: "fetch.txt")
        }
    }

    // MARK: Envelope and cross-checks

    private func checkEnvelope() -> BundleEnvelope? {
        guard let bytes = tagContents[BagLayout.envelope] else {
            report(.missingTagFile, "accord-envelope.xml is missing: the bundle has no envelope")
            return nil
        }
        let (envelope, problems) = EnvelopeValidator.validate(
            bytes, location: SourceLocation(file: bundleFile, entry: BagLayout.envelope), limits: limits.xml)
        diagnostics += problems
        return envelope
    }

    private func crossCheck(_ envelope: BundleEnvelope, records: [String: RecordValidation]) {
        let indexed = Dictionary(envelope.records.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var seenIds: [String: String] = [:]
        for entry in envelope.records {
            if entry.path != BagLayout.recordPath(forId: entry.id) {
                report(.envelopeIndexMismatch, "record '\(entry.id)' should be stored at \(BagLayout.recordPath(forId: entry.id)), not \(entry.path)", entry: BagLayout.envelope)
            }
            if let earlier = seenIds[entry.id] {
                report(.duplicateRecordId, "record id '\(entry.id)' is used by both \(earlier) and \(entry.path)", entry: BagLayout.envelope)
            }
            seenIds[entry.id] = entry.path
            guard payload[entry.path] != nil else {
                report(.envelopeIndexMismatch, "the envelope lists \(entry.path) but the bundle does not carry it", entry: BagLayout.envelope)
                continue
            }
            guard let record = records[entry.path]?.record else { continue }
            if record.id != entry.id {
                report(.envelopeIndexMismatch, "the envelope says \(entry.path) is record '\(entry.id)', but the file holds '\(record.id)'", entry: entry.path)
            }
            if record.status != entry.status || record.confidentiality.classification != entry.classification {
                report(.envelopeIndexMismatch, "the envelope's status or classification for '\(record.id)' differs from the record's", entry: entry.path)
            }
            if record.confidentiality.classification > envelope.confidentiality.classification {
                report(.bundleLabelTooLow, "record '\(record.id)' is \(record.confidentiality.classification.rawValue) but the bundle is labelled \(envelope.confidentiality.classification.rawValue)", entry: entry.path)
            }
            for document in record.sources {
                guard let attachment = document.attachment else { continue }
                let path = BagLayout.attachmentsFolder + attachment
                if payload[path] == nil {
                    report(.missingAttachment, "record '\(record.id)' names the attachment \(path), which the bundle does not carry", entry: entry.path)
                }
            }
        }
        for path in (records.keys.map { $0 } + oversizeRecords).sorted() where indexed[path] == nil {
            report(.envelopeIndexMismatch, "\(path) is in the bundle but not in the envelope's index", entry: path)
        }
        let listedAttachments = Set(envelope.attachments)
        for path in envelope.attachments where payload[path] == nil {
            report(.envelopeIndexMismatch, "the envelope lists the attachment \(path) but the bundle does not carry it", entry: BagLayout.envelope)
        }
        for path in payload.keys.sorted() where path.hasPrefix(BagLayout.attachmentsFolder) && !listedAttachments.contains(path) {
            report(.envelopeIndexMismatch, "\(path) is in the bundle but not in the envelope's list of attachments", entry: path)
        }
    }

    private func report(_ code: DiagnosticCode, _ message: String, entry: String? = nil, line: Int? = nil) {
        diagnostics.append(Diagnostic(code, message, at: SourceLocation(file: bundleFile, entry: entry, line: line)))
    }

    static func isRecordPath(_ path: String) -> Bool {
        path.hasPrefix(BagLayout.recordsFolder) && path.hasSuffix(".xml")
            && !path.dropFirst(BagLayout.recordsFolder.count).contains("/")
    }
}

/// The bag-info.txt fields of the Accord BagIt profile.
enum BagInfoFields {
    static let required = [
        "Source-Organization", "External-Identifier", "Bagging-Date", "Payload-Oxum",
        "Bag-Software-Agent", "BagIt-Profile-Identifier",
    ]
}
