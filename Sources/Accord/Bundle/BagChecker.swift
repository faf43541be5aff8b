/// Checks a bag as its files stream past, then cross-checks everything at the end.
///
/// The checker is fed one file at a time (path relative to the bag, size, SHA-512 and,
/// for tag files and records, the bytes). Records are validated on all cores as they
/// arrive; payload files are only hashed, never held. At the end it verifies the BagIt
/// structure (RFC 8493: bagit.txt, manifests, Payload-Oxum, tag manifest), the envelope,
/// and that the envelope, the records and the manifest tell the same story.
///
/// It works in one of two ways:
/// - **In bundle order** (`inBundleOrder`), for bags whose tag files come first and whose
///   payload, manifest and envelope index follow ``EntryOrder``, as Accord writes them:
///   the manifest and the envelope are spooled to a scratch file and merged with the
///   payload as it streams (``PayloadMerge``), so memory does not grow with the bag. A bag
///   that turns out not to be in that order makes ``file(_:facts:contents:)`` or
///   ``finish()`` throw ``ArchiveError/notInBundleOrder(entry:)``: the caller then reads
///   it again the other way.
/// - **Held**: what is known of every payload file and record is kept in tables, and
///   compared at the end; any order is accepted.
final class BagChecker {
    /// What is known about one file of the bag.
    struct FileFacts {
        var size: Int
        var digest: String
    }

    let bundleFile: String
    let limits: BundleLimits
    let pool: RecordValidationPool
    /// In bundle order, the merge of the payload with the spooled manifest and index.
    private let merge: PayloadMerge?
    /// Held: each payload file.
    private var payload: [String: FileFacts] = [:]
    private var payloadBytes = 0
    private var payloadFiles = 0
    private(set) var tagFiles: [String: FileFacts] = [:]
    private var tagContents: [String: [UInt8]] = [:]
    private var oversizeRecords: Set<String> = []
    private var bagInfo: BagInfo?
    private(set) var diagnostics: [Diagnostic] = []
    private var cap = DiagnosticCap()

    private let signatures: SignaturePolicy
    private let partners: Partners?
    private(set) var signatureChecks: [SignatureCheck] = []

    /// A checker of the bag in `bundleFile`; `inBundleOrder` chooses the way it works. The
    /// scratch files of bundle order go in `spoolFolder`.
    init(
        bundleFile: String, limits: BundleLimits, validator: RecordValidator, signatures: SignaturePolicy,
        partners: Partners? = nil, inBundleOrder: Bool, spoolFolder: String = SpoolFile.temporaryFolder
    ) throws(FileError) {
        self.bundleFile = bundleFile
        self.limits = limits
        self.signatures = signatures
        self.partners = partners
        merge = inBundleOrder ? try PayloadMerge(folder: spoolFolder) : nil
        pool = RecordValidationPool(validator: validator, keepsRecords: !inBundleOrder)
    }

    /// Whether the checker needs the bytes of the file at `path` in memory (tag files and records).
    func wantsContents(_ path: String) -> Bool {
        spool(for: path) == nil && (Self.isRecordPath(path) || Self.heldTagFiles.contains(path) || Self.isSignaturePath(path))
    }

    /// Where the bytes of the file at `path` are to be appended as they stream, if they are
    /// spooled rather than held (the manifest and the envelope, in bundle order).
    func spool(for path: String) -> SpoolFile? {
        guard let merge, !merge.hasBegun else { return nil }
        switch path {
        case BagLayout.payloadManifest: return merge.manifestSpool
        case BagLayout.envelope: return merge.envelopeSpool
        default: return nil
        }
    }

    /// The tag files read whole (every other file is only hashed as it streams).
    static let heldTagFiles: Set<String> = [
        BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.tagManifest, BagLayout.envelope,
    ]

    /// `manifest-ALG.txt` or `tagmanifest-ALG.txt` at the top of the bag (RFC 8493 names).
    static func isManifestName(_ path: String, prefix: String) -> Bool {
        guard path.hasPrefix(prefix), path.hasSuffix(".txt"), !path.contains("/") else { return false }
        let algorithm = path.dropFirst(prefix.count).dropLast(4)
        return !algorithm.isEmpty && algorithm.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }

    /// A signature file: `accord-signatures/NAME.xml`, directly in that folder.
    static func isSignaturePath(_ path: String) -> Bool {
        path.hasPrefix(BundleSignatureFile.folder) && path.hasSuffix(".xml")
            && !path.dropFirst(BundleSignatureFile.folder.count).contains("/")
    }

    /// The most bytes of the file at `path` the checker holds in memory.
    func contentLimit(for path: String) -> Int {
        path.hasPrefix(BagLayout.payloadFolder) ? limits.xml.maxBytes : limits.maxTagFileBytes
    }

    /// One file of the bag has been read. `contents` is nil when the checker did not want
    /// it, when it was spooled, or when it was larger than ``contentLimit(for:)``.
    func file(_ path: String, facts: FileFacts, contents: [UInt8]?) throws(ArchiveError) {
        if path.hasPrefix(BagLayout.payloadFolder) {
            payloadBytes += facts.size
            payloadFiles += 1
            if let merge { return try merge.payloadFile(path, facts: facts, contents: contents, checker: self) }
            payload[path] = facts
            if Self.isRecordPath(path) {
                if let contents {
                    pool.submit(contents, entry: path, bundleFile: bundleFile)
                } else {
                    oversizeRecords.insert(path)
                    report(.documentTooLarge, Self.tooLarge(facts.size, limit: limits.xml.maxBytes), entry: path)
                }
            } else if !path.hasPrefix(BagLayout.attachmentsFolder) {
                report(.unexpectedPayloadFile, Self.unexpectedPayload(path), entry: path)
            }
        } else {
            if let merge {
                // A tag file after the payload, or a spooled one too large to be held: read
                // the other way, which accepts the first and reports the second as held.
                if merge.hasBegun || (spool(for: path) != nil && facts.size > limits.maxTagFileBytes) {
                    throw .notInBundleOrder(entry: path)
                }
            }
            tagFiles[path] = facts
            if let contents {
                tagContents[path] = contents
            } else if wantsContents(path) {
                report(.archiveLimitExceeded, "the tag file is \(facts.size) bytes; the limit is \(limits.maxTagFileBytes) bytes", entry: path)
            }
        }
    }

    /// Stops after a fault in the archive: waits for the records already submitted and
    /// returns what they showed, without the end-of-bag checks.
    func abandon() -> RecordValidationPool.Outcome {
        pool.finish(bundleFile: bundleFile)
    }

    /// Runs every end-of-bag check and returns the envelope (when valid; in bundle order
    /// without its index) and the records' results (held only).
    func finish() throws(ArchiveError) -> (envelope: BundleEnvelope?, records: [String: BundleRecord]) {
        try merge?.finish(checker: self)
        let outcome = pool.finish(bundleFile: bundleFile)
        if merge?.scratchFailed == true { throw .notInBundleOrder(entry: BagLayout.payloadManifest) }
        checkDeclaration()
        if merge == nil { checkPayloadManifest() }
        for path in tagFiles.keys.sorted() where Self.isManifestName(path, prefix: "manifest-") && path != BagLayout.payloadManifest {
            report(.unverifiedManifest, "\(path) is not verified: Accord verifies SHA-512 manifests only", entry: path)
        }
        checkBagInfo()
        checkTagManifest()
        let envelope = merge.map(\.envelope) ?? checkEnvelope()
        if let envelope {
            crossCheck(envelope, bagInfo: bagInfo)
            if merge == nil { crossCheck(envelope, records: outcome.records) }
        }
        checkSignatures(bundleId: envelope?.bundleId)
        add(outcome.crossChecked)
        cap.count(droppedBy: outcome.crossCheckCap)
        diagnostics += cap.overflow(bundleFile: bundleFile)
        diagnostics += outcome.diagnostics
        return (envelope, outcome.records)
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
        guard let manifest = readManifest(BagLayout.payloadManifest, covering: "the payload") else { return }
        compare(manifest, name: BagLayout.payloadManifest, with: payload,
                missing: .missingPayloadFile, mismatch: .payloadDigestMismatch, what: "the manifest")
        for path in payload.keys.sorted(by: EntryOrder.precedes) where manifest.digest(for: path) == nil {
            report(.unlistedPayloadFile, Self.unlisted(path), entry: path)
        }
    }

    static func unlisted(_ path: String) -> String {
        "'\(path)' is in the bundle but not in the manifest"
    }

    static func notCarried(_ path: String, listedIn what: String) -> String {
        "'\(path)' is listed in \(what) but is not in the bundle"
    }

    static func digestDiffers(_ path: String, from what: String) -> String {
        "the SHA-512 digest of '\(path)' differs from \(what): the file was changed or damaged"
    }

    /// Parses a required manifest, reporting its malformed lines; nil (reported) when absent.
    private func readManifest(_ name: String, covering what: String) -> Manifest? {
        guard let bytes = tagContents[name] else {
            report(.missingTagFile, "\(name) is missing: \(what) cannot be verified")
            return nil
        }
        let (manifest, problems) = Manifest.parse(bytes)
        for problem in problems {
            report(.malformedManifest, problem.message, entry: name, line: problem.line)
        }
        return manifest
    }

    /// Checks that every file a manifest lists is present with the listed digest.
    private func compare(
        _ manifest: Manifest, name: String, with files: [String: FileFacts],
        missing: DiagnosticCode, mismatch: DiagnosticCode, what: String
    ) {
        for (path, digest) in manifest.entries {
            guard let facts = files[path] else {
                report(missing, Self.notCarried(path, listedIn: what), entry: name)
                continue
            }
            if facts.digest != digest {
                report(mismatch, Self.digestDiffers(path, from: what), entry: path)
            }
        }
    }

    private func checkBagInfo() {
        guard let bytes = tagContents[BagLayout.bagInfo] else {
            report(.incompleteBagInfo, "bag-info.txt is missing")
            return
        }
        let (info, problems) = BagInfo.parse(bytes)
        bagInfo = info
        for problem in problems {
            report(.malformedBagInfo, problem.message, entry: BagLayout.bagInfo, line: problem.line)
        }
        if info.fields.filter({ $0.label.lowercased() == "payload-oxum" }).count > 1 {
            report(.malformedBagInfo, "Payload-Oxum is given more than once", entry: BagLayout.bagInfo)
        }
        if let oxum = info.value("Payload-Oxum") {
            let actual = (bytes: payloadBytes, files: payloadFiles)
            if let declared = BagInfo.parseOxum(oxum) {
                if declared != actual {
                    report(.payloadOxumMismatch, "Payload-Oxum says \(declared.bytes) bytes in \(declared.files) files; the payload has \(actual.bytes) bytes in \(actual.files) files", entry: BagLayout.bagInfo)
                }
            } else {
                report(.malformedBagInfo, "Payload-Oxum '\(oxum)' is not 'bytes.files'", entry: BagLayout.bagInfo)
            }
        }
        if info.value("Payload-Oxum") == nil {
            report(.payloadOxumMismatch, "bag-info.txt has no Payload-Oxum: the payload's completeness cannot be checked", entry: BagLayout.bagInfo)
        }
        for field in BagInfoFields.required where field != "Payload-Oxum" && info.value(field) == nil {
            report(.incompleteBagInfo, "bag-info.txt has no \(field)", entry: BagLayout.bagInfo)
        }
    }

    private func checkTagManifest() {
        guard let manifest = readManifest(BagLayout.tagManifest, covering: "the tag files") else { return }
        compare(manifest, name: BagLayout.tagManifest, with: tagFiles,
                missing: .tagFileMismatch, mismatch: .tagFileMismatch, what: "the tag manifest")
        // The digest chain must cover every tag file: nothing unverified travels in a bundle.
        // Signatures cannot be in the tag manifest they sign; they are verified on their own.
        for path in tagFiles.keys.sorted()
        where !Self.isManifestName(path, prefix: "tagmanifest-") && !Self.isSignaturePath(path)
            && manifest.digest(for: path) == nil {
            report(.tagFileMismatch, "'\(path)' is not covered by the tag manifest", entry: path)
        }
        for path in tagFiles.keys.sorted() where Self.isManifestName(path, prefix: "tagmanifest-") && path != BagLayout.tagManifest {
            report(.unverifiedManifest, "\(path) is not verified: Accord verifies SHA-512 manifests only", entry: path)
        }
        if tagFiles["fetch.txt"] != nil {
            report(.fetchNotAllowed, "fetch.txt asks the receiver to download files; a bundle must carry every file itself", entry: "fetch.txt")
        }
    }

    // MARK: Signatures

    /// Verifies every signature file: it must be well-formed, name this bundle and the
    /// digest of this bag's tag manifest, and verify with a trusted key.
    private func checkSignatures(bundleId: String?) {
        let paths = tagFiles.keys.filter { $0.hasPrefix(BundleSignatureFile.folder) }.sorted()
        for path in paths where !Self.isSignaturePath(path) {
            report(.badSignature, "'\(path)' is not a signature file (accord-signatures/ holds NAME.xml files only)", entry: path)
        }
        let escalate: Severity = signatures.required ? .error : .warning
        guard !paths.isEmpty else {
            if signatures.required || signatures.trust != nil {
                report(.unsignedBundle, "the bundle is not signed", severity: escalate)
            }
            return
        }
        let tagManifestDigest = tagFiles[BagLayout.tagManifest]?.digest
        var seenKeys: [String: String] = [:]
        var anyTrusted = false
        var untrusted: [(path: String, message: String)] = []
        for path in paths where Self.isSignaturePath(path) {
            var check = SignatureCheck(path: path, verified: false)
            defer { signatureChecks.append(check) }
            let location = SourceLocation(file: bundleFile, entry: path)
            guard let bytes = tagContents[path], let (statement, value) = BundleSignatureFile.read(bytes, location: location) else {
                report(.badSignature, "the signature file is damaged or not a bundle signature", entry: path)
                continue
            }
            check.organisation = statement.signerOrganisation
            check.keyFingerprint = statement.signerKey
            check.signedAt = statement.signedAt
            if let earlier = seenKeys[statement.signerKey] {
                report(.duplicateSignature, "the key \(statement.signerKey) also signed \(earlier)", entry: path)
                continue
            }
            seenKeys[statement.signerKey] = path
            guard statement.bundleId == bundleId, statement.tagManifestSHA512 == tagManifestDigest else {
                report(.badSignature, statement.bundleId == bundleId
                       ? "the signature does not cover this bag: its tag manifest changed after signing"
                       : "the signature is for bundle '\(statement.bundleId)', not this one", entry: path)
                continue
            }
            // Without a trust folder nothing can be verified: stay quiet, unless a signature
            // is required, which no key can then give.
            guard let store = signatures.trust else {
                if signatures.required {
                    untrusted.append((path, "signed by \(statement.signerOrganisation) with key \(statement.signerKey), but no key is trusted (no trust store was given), so the signature proves nothing"))
                }
                continue
            }
            guard let trusted = store.entries[statement.signerKey] else {
                untrusted.append((path, "signed by \(statement.signerOrganisation) with key \(statement.signerKey), which is not in the trust folder"))
                continue
            }
            check.trustedAs = trusted.name
            guard trusted.key.verifies(value, of: Array(statement.text.utf8)) else {
                report(.badSignature, "the signature by \(statement.signerOrganisation) does not verify with the trusted key '\(trusted.name)'", entry: path)
                continue
            }
            check.verified = true
            anyTrusted = true
        }
        // An extra signature by a key the receiver does not know is worth a warning; it
        // fails a required signature only when no trusted key signed at all.
        for (path, message) in untrusted {
            report(.untrustedSigner, message, entry: path, severity: anyTrusted ? .warning : escalate)
        }
    }

    // MARK: Envelope and cross-checks

    private func checkEnvelope() -> BundleEnvelope? {
        guard let bytes = tagContents[BagLayout.envelope] else {
            report(.missingTagFile, "accord-envelope.xml is missing: the bundle has no envelope")
            return nil
        }
        let (envelope, problems) = EnvelopeValidator.validate(
            bytes, location: SourceLocation(file: bundleFile, entry: BagLayout.envelope), limits: limits.envelope)
        add(problems)
        return envelope
    }

    /// bag-info.txt and the envelope must tell the same story where they overlap, and the
    /// envelope's own label and recipients must pass release control.
    private func crossCheck(_ envelope: BundleEnvelope, bagInfo: BagInfo?) {
        let location = SourceLocation(file: bundleFile, entry: BagLayout.envelope)
        add(ReleaseRules.check(release(envelope), at: location))
        for recipient in envelope.recipients {
            guard let stated = recipient.state, let known = partners?.partner(recipient.organisation)?.state, stated != known else { continue }
            add([Diagnostic(
                .recipientStateContradicted,
                "the envelope says the recipient \(recipient.organisation) belongs to \(ReleaseRules.name(stated)), but the partners file says \(ReleaseRules.name(known)): ask the sender which is right before releasing anything",
                at: location)])
        }
        for (label, expected) in [("Source-Organization", envelope.sender), ("External-Identifier", envelope.bundleId)] {
            if let value = bagInfo?.value(label), value != expected {
                report(.envelopeIndexMismatch, "bag-info.txt's \(label) is '\(value)' but the envelope says '\(expected)'", entry: BagLayout.bagInfo)
            }
        }
    }

    /// Held: the envelope's index against the records and attachments carried.
    private func crossCheck(_ envelope: BundleEnvelope, records: [String: BundleRecord]) {
        // Read from the bag, so the index is there.
        let entries = envelope.records ?? []
        let attachments = envelope.attachments ?? []
        let indexed = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let bundle = release(envelope)
        var seenIds: [String: String] = [:]
        for entry in entries {
            if let problem = Self.misplaced(entry) { report(.envelopeIndexMismatch, problem, entry: BagLayout.envelope) }
            if let earlier = seenIds[entry.id] {
                report(.duplicateRecordId, "record id '\(entry.id)' is used by both \(earlier) and \(entry.path)", entry: BagLayout.envelope)
            }
            seenIds[entry.id] = entry.path
            guard payload[entry.path] != nil else {
                report(.envelopeIndexMismatch, Self.indexedButNotCarried(entry.path), entry: BagLayout.envelope)
                continue
            }
            guard let record = records[entry.path] else { continue }
            add(Self.crossCheck(record, against: entry, in: bundle, bundleFile: bundleFile) {
                payload[$0] != nil
            })
        }
        for path in (records.keys.map { $0 } + oversizeRecords).sorted(by: EntryOrder.precedes) where indexed[path] == nil {
            report(.envelopeIndexMismatch, Self.carriedButNotIndexed(path), entry: path)
        }
        let listedAttachments = Set(attachments)
        for path in attachments where payload[path] == nil {
            report(.envelopeIndexMismatch, Self.attachmentListedButNotCarried(path), entry: BagLayout.envelope)
        }
        for path in payload.keys.sorted(by: EntryOrder.precedes) where path.hasPrefix(BagLayout.attachmentsFolder) && !listedAttachments.contains(path) {
            report(.envelopeIndexMismatch, Self.attachmentCarriedButNotListed(path), entry: path)
        }
    }

    /// The bundle release control judges: the envelope's recipients, each with the state the
    /// envelope gives, else the one the receiver's partners file gives.
    func release(_ envelope: BundleEnvelope) -> ReleaseRules.Bundle {
        var bundle = ReleaseRules.Bundle(envelope)
        if let partners {
            for index in bundle.recipients.indices where bundle.recipients[index].state == nil {
                bundle.recipients[index].state = partners.partner(bundle.recipients[index].organisation)?.state
            }
        }
        return bundle
    }

    /// What a record and its entry in the envelope's index disagree on, and the
    /// attachments it names that the bundle does not carry (by `carries`).
    static func crossCheck(
        _ record: BundleRecord, against entry: BundleEnvelope.Entry, in bundle: ReleaseRules.Bundle,
        bundleFile: String, carries: (String) -> Bool
    ) -> [Diagnostic] {
        guard let id = record.id, let label = record.label else { return [] }
        let classification = label.classification
        let bundleLabel = bundle.label.classification
        var found: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ message: String) {
            found.append(Diagnostic(code, message, at: SourceLocation(file: bundleFile, entry: entry.path)))
        }
        if id != entry.id {
            report(.envelopeIndexMismatch, "the envelope says \(entry.path) is record '\(entry.id)', but the file holds '\(id)'")
        }
        if record.status != entry.status || classification != entry.classification {
            report(.envelopeIndexMismatch, "the envelope's status or classification for '\(id)' differs from the record's")
        }
        if classification > bundleLabel {
            report(.bundleLabelTooLow, "record '\(id)' is \(classification.rawValue) but the bundle is labelled \(bundleLabel.rawValue)")
        }
        found += ReleaseRules.check(record: id, label: label, in: bundle, at: SourceLocation(file: bundleFile, entry: entry.path))
        for attachment in record.attachments where !carries(BagLayout.attachmentsFolder + attachment) {
            report(.missingAttachment, "record '\(id)' names the attachment \(BagLayout.attachmentsFolder + attachment), which the bundle does not carry")
        }
        return found
    }

    /// Why an index entry is in the wrong place, if it is.
    static func misplaced(_ entry: BundleEnvelope.Entry) -> String? {
        let expected = BagLayout.recordPath(forId: entry.id)
        return entry.path == expected ? nil : "record '\(entry.id)' should be stored at \(expected), not \(entry.path)"
    }

    static func indexedButNotCarried(_ path: String) -> String {
        "the envelope lists \(path) but the bundle does not carry it"
    }

    static func carriedButNotIndexed(_ path: String) -> String {
        "\(path) is in the bundle but not in the envelope's index"
    }

    static func attachmentListedButNotCarried(_ path: String) -> String {
        "the envelope lists the attachment \(path) but the bundle does not carry it"
    }

    static func attachmentCarriedButNotListed(_ path: String) -> String {
        "\(path) is in the bundle but not in the envelope's list of attachments"
    }

    static func unexpectedPayload(_ path: String) -> String {
        "'\(path)' is neither a record (data/records/*.xml) nor an attachment (data/attachments/...)"
    }

    static func tooLarge(_ size: Int, limit: Int) -> String {
        "the record is \(size) bytes; the limit is \(limit) bytes"
    }

    func report(_ code: DiagnosticCode, _ message: String, entry: String? = nil, line: Int? = nil, severity: Severity? = nil) {
        var diagnostic = Diagnostic(code, message, at: SourceLocation(file: bundleFile, entry: entry, line: line))
        if let severity { diagnostic.severity = severity }
        add([diagnostic])
    }

    /// Keeps `found`, up to ``DiagnosticCap/limit`` of each code.
    func add(_ found: [Diagnostic]) {
        diagnostics += found.filter { cap.admits($0) }
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

/// How a bundle's signatures are judged.
public struct SignaturePolicy: Sendable {
    /// The keys whose signatures are trusted; nil when signatures are not checked against any.
    public var trust: TrustStore?
    /// Whether a bundle must carry a valid signature by a trusted key (otherwise a missing or
    /// untrusted signature is a warning; a bad signature is always an error). Without
    /// ``trust`` no key is trusted, so every bundle then fails (`B022` or `B023`).
    public var required: Bool

    /// Creates a policy.
    public init(trust: TrustStore? = nil, required: Bool = false) {
        self.trust = trust
        self.required = required
    }
}
