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
    private var bagInfo: BagInfo?
    private(set) var diagnostics: [Diagnostic] = []

    private let signatures: SignaturePolicy
    private(set) var signatureChecks: [SignatureCheck] = []

    init(bundleFile: String, limits: BundleLimits, validator: RecordValidator, signatures: SignaturePolicy) {
        self.bundleFile = bundleFile
        self.limits = limits
        self.signatures = signatures
        pool = RecordValidationPool(validator: validator)
    }

    /// Whether the checker needs the bytes of the file at `path` (tag files and records).
    func wantsContents(_ path: String) -> Bool {
        Self.isRecordPath(path) || Self.heldTagFiles.contains(path) || Self.isSignaturePath(path)
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
            } else if wantsContents(path) {
                report(.archiveLimitExceeded, "the tag file is \(facts.size) bytes; the limit is \(limits.maxTagFileBytes) bytes", entry: path)
            }
        }
    }

    /// Stops after a fault in the archive: waits for the records already submitted and
    /// returns their results, without the end-of-bag checks.
    func abandon() -> [String: BundleRecord] {
        let (records, overflow) = pool.finish(bundleFile: bundleFile)
        if let overflow { diagnostics.append(overflow) }
        return records
    }

    /// Runs every end-of-bag check and returns the envelope (when valid) and the records' results.
    func finish() -> (envelope: BundleEnvelope?, records: [String: BundleRecord]) {
        let (records, overflow) = pool.finish(bundleFile: bundleFile)
        checkDeclaration()
        checkPayloadManifest()
        checkBagInfo()
        checkTagManifest()
        let envelope = checkEnvelope()
        if let envelope { crossCheck(envelope, records: records) }
        checkSignatures(bundleId: envelope?.bundleId)
        for path in records.keys.sorted() { diagnostics += records[path]!.diagnostics }
        if let overflow { diagnostics.append(overflow) }
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
        guard let manifest = readManifest(BagLayout.payloadManifest, covering: "the payload") else { return }
        compare(manifest, name: BagLayout.payloadManifest, with: payload,
                missing: .missingPayloadFile, mismatch: .payloadDigestMismatch, what: "the manifest")
        for path in payload.keys.sorted() where manifest.digest(for: path) == nil {
            report(.unlistedPayloadFile, "'\(path)' is in the bundle but not in the manifest", entry: path)
        }
        for path in tagFiles.keys.sorted() where Self.isManifestName(path, prefix: "manifest-") && path != BagLayout.payloadManifest {
            report(.unverifiedManifest, "\(path) is not verified: Accord verifies SHA-512 manifests only", entry: path)
        }
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
                report(missing, "'\(path)' is listed in \(what) but is not in the bundle", entry: name)
                continue
            }
            if facts.digest != digest {
                report(mismatch, "the SHA-512 digest of '\(path)' differs from \(what): the file was changed or damaged", entry: path)
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
            let actual = (bytes: payload.values.reduce(0) { $0 + $1.size }, files: payload.count)
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
            // Without a trust folder nothing can be verified, and nothing is asked: stay quiet.
            guard let store = signatures.trust else { continue }
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
        diagnostics += problems
        return envelope
    }

    private func crossCheck(_ envelope: BundleEnvelope, records: [String: BundleRecord]) {
        // bag-info.txt and the envelope must tell the same story where they overlap.
        for (label, expected) in [("Source-Organization", envelope.sender), ("External-Identifier", envelope.bundleId)] {
            if let value = bagInfo?.value(label), value != expected {
                report(.envelopeIndexMismatch, "bag-info.txt's \(label) is '\(value)' but the envelope says '\(expected)'", entry: BagLayout.bagInfo)
            }
        }
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
            guard let record = records[entry.path], let id = record.id, let classification = record.classification else { continue }
            if id != entry.id {
                report(.envelopeIndexMismatch, "the envelope says \(entry.path) is record '\(entry.id)', but the file holds '\(id)'", entry: entry.path)
            }
            if record.status != entry.status || classification != entry.classification {
                report(.envelopeIndexMismatch, "the envelope's status or classification for '\(id)' differs from the record's", entry: entry.path)
            }
            if classification > envelope.confidentiality.classification {
                report(.bundleLabelTooLow, "record '\(id)' is \(classification.rawValue) but the bundle is labelled \(envelope.confidentiality.classification.rawValue)", entry: entry.path)
            }
            for attachment in record.attachments {
                let path = BagLayout.attachmentsFolder + attachment
                if payload[path] == nil {
                    report(.missingAttachment, "record '\(id)' names the attachment \(path), which the bundle does not carry", entry: entry.path)
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

    private func report(_ code: DiagnosticCode, _ message: String, entry: String? = nil, line: Int? = nil, severity: Severity? = nil) {
        var diagnostic = Diagnostic(code, message, at: SourceLocation(file: bundleFile, entry: entry, line: line))
        if let severity { diagnostic.severity = severity }
        diagnostics.append(diagnostic)
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
    /// untrusted signature is a warning; a bad signature is always an error).
    public var required: Bool

    /// Creates a policy.
    public init(trust: TrustStore? = nil, required: Bool = false) {
        self.trust = trust
        self.required = required
    }
}
