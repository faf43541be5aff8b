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
        /// The SHA-512 digest, in hex.
        var digest: String
        /// The digests of the other algorithms the checker asked for (``extraAlgorithms(for:)``).
        var digests: [DigestAlgorithm: String] = [:]

        /// The digest of `algorithm`, if it was computed.
        func digest(_ algorithm: DigestAlgorithm) -> String? {
            algorithm == .sha512 ? digest : digests[algorithm]
        }
    }

    let bundleFile: String
    let limits: BundleLimits
    /// The rules the bag is held to.
    let profile: BagProfile
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
    /// The algorithms payload files are hashed with from the start (beside SHA-512).
    private let presetAlgorithms: Set<DigestAlgorithm>
    /// The algorithms of the payload manifests seen so far.
    private(set) var payloadManifestAlgorithms: Set<DigestAlgorithm> = []
    /// Held: algorithms of payload manifests that came after payload files not hashed with
    /// them; the bag must be read again with them preset.
    private(set) var missedAlgorithms: Set<DigestAlgorithm> = []

    private let signatures: SignaturePolicy
    private let partners: Partners?
    private(set) var signatureChecks: [SignatureCheck] = []

    /// A checker of the bag in `bundleFile`; `inBundleOrder` chooses the way it works. The
    /// scratch files of bundle order go in `spoolFolder`.
    init(
        bundleFile: String, limits: BundleLimits, validator: RecordValidator, signatures: SignaturePolicy,
        partners: Partners? = nil, inBundleOrder: Bool, spoolFolder: String = SpoolFile.temporaryFolder, profile: BagProfile = .accord,
        algorithms: Set<DigestAlgorithm> = []
    ) throws(FileError) {
        presetAlgorithms = algorithms
        self.bundleFile = bundleFile
        self.profile = profile
        self.limits = limits
        self.signatures = signatures
        self.partners = partners
        merge = inBundleOrder ? try PayloadMerge(folder: spoolFolder) : nil
        pool = RecordValidationPool(validator: validator, keepsRecords: !inBundleOrder)
    }

    /// Whether the checker needs the bytes of the file at `path` in memory (tag files and records).
    func wantsContents(_ path: String) -> Bool {
        guard spool(for: path) == nil else { return false }
        if path.hasPrefix(BagLayout.payloadFolder) { return profile == .accord && Self.isRecordPath(path) }
        return Self.heldTagFiles.contains(path) || Self.isManifestName(path, prefix: "manifest-")
            || Self.isManifestName(path, prefix: "tagmanifest-") || path == BagLayout.fetch
            || (profile == .accord && Self.isSignaturePath(path))
    }

    /// The algorithms, beside SHA-512, the file at `path` is to be hashed with: every one
    /// Accord knows for a tag file (they are few and small), those of the payload manifests
    /// for a payload file.
    func extraAlgorithms(for path: String) -> Set<DigestAlgorithm> {
        let wanted = path.hasPrefix(BagLayout.payloadFolder) ? presetAlgorithms.union(payloadManifestAlgorithms) : Set(DigestAlgorithm.allCases)
        return wanted.subtracting([.sha512])
    }

    /// Where the bytes of the file at `path` are to be appended as they stream, if they are
    /// spooled rather than held (the manifest and the envelope, in bundle order).
    func spool(for path: String) -> SpoolFile? {
        guard let merge, !merge.hasBegun else { return nil }
        if Self.isManifestName(path, prefix: "manifest-"), DigestAlgorithm.of(manifest: path, prefix: "manifest-") != nil {
            return merge.manifestSpool(for: path)
        }
        return path == BagLayout.envelope && profile == .accord ? merge.envelopeSpool : nil
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
            if profile == .bagit { return }
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
            if Self.isManifestName(path, prefix: "manifest-"), let algorithm = DigestAlgorithm.of(manifest: path, prefix: "manifest-") {
                payloadManifestAlgorithms.insert(algorithm)
                if payloadFiles > 0 && algorithm != .sha512 && !presetAlgorithms.contains(algorithm) { missedAlgorithms.insert(algorithm) }
            }
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
        if merge == nil { checkPayloadManifests() }
        for path in tagFiles.keys.sorted() {
            for prefix in ["manifest-", "tagmanifest-"] where Self.isManifestName(path, prefix: prefix) && DigestAlgorithm.of(manifest: path, prefix: prefix) == nil {
                let name = path.dropFirst(prefix.count).dropLast(4)
                report(.unverifiedManifest, "\(path) uses the algorithm '\(name)', which Accord cannot verify (it knows md5, sha1, sha224, sha256, sha384 and sha512): every manifest must be verified, so the bag is refused", entry: path)
            }
        }
        checkBagInfo()
        checkTagManifests()
        checkProfileTagFiles()
        var envelope: BundleEnvelope?
        if profile == .accord {
            envelope = merge.map(\.envelope) ?? checkEnvelope()
            if let envelope {
                crossCheck(envelope, bagInfo: bagInfo)
                if merge == nil { crossCheck(envelope, records: outcome.records) }
            }
            checkSignatures(bundleId: envelope?.bundleId)
        } else {
            checkFetch()
        }
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
        let (version, encoding, problems) = BagDeclaration.read(bytes)
        for problem in problems {
            report(.notABag, problem.message, entry: BagLayout.bagDeclaration, line: problem.line)
        }
        if let version, !profile.readableVersions.contains(version) {
            report(.notABag, "bagit.txt declares BagIt-Version '\(version)'; expected \(profile.expectedVersions)", entry: BagLayout.bagDeclaration, line: 1)
        }
        if let encoding, !profile.readableEncodings.contains(encoding.uppercased()) {
            report(.notABag, profile == .accord
                   ? "bagit.txt must declare Tag-File-Character-Encoding: UTF-8, not '\(encoding)'"
                   : "bagit.txt declares Tag-File-Character-Encoding '\(encoding)'; Accord reads tag files in UTF-8, UTF-16 or ISO-8859-1",
                   entry: BagLayout.bagDeclaration, line: 2)
        }
    }

    /// The payload manifests present whose algorithm Accord knows, SHA-512 first.
    var payloadManifests: [(name: String, algorithm: DigestAlgorithm)] {
        tagFiles.keys.compactMap { path in
            Self.isManifestName(path, prefix: "manifest-") ? DigestAlgorithm.of(manifest: path, prefix: "manifest-").map { (path, $0) } : nil
        }.sorted { ($0.algorithm == .sha512 ? 0 : 1, $0.name) < ($1.algorithm == .sha512 ? 0 : 1, $1.name) }
    }

    /// How a message names a manifest: "the manifest" for the SHA-512 one Accord requires.
    static func named(_ manifest: String) -> String {
        manifest == BagLayout.payloadManifest ? "the manifest" : manifest
    }

    /// Held: every payload manifest against the files read. Every file must be in each one.
    private func checkPayloadManifests() {
        if profile == .accord && tagContents[BagLayout.payloadManifest] == nil {
            report(.missingTagFile, "\(BagLayout.payloadManifest) is missing: the payload cannot be verified")
        }
        let manifests = payloadManifests
        if profile == .bagit && !tagFiles.keys.contains(where: { Self.isManifestName($0, prefix: "manifest-") }) {
            report(.missingTagFile, "the bag has no payload manifest (manifest-ALGORITHM.txt): its payload cannot be verified")
        }
        for (name, algorithm) in manifests {
            guard let manifest = readManifest(name, algorithm: algorithm, covering: "the payload") else { continue }
            let what = Self.named(name)
            for (path, digest) in manifest.entries {
                guard let facts = payload[path] else {
                    report(.missingPayloadFile, Self.notCarried(path, listedIn: what), entry: name)
                    continue
                }
                if facts.digest(algorithm) != digest {
                    report(.payloadDigestMismatch, Self.digestDiffers(path, from: what, algorithm: algorithm), entry: path)
                }
            }
            for path in payload.keys.sorted(by: EntryOrder.precedes) where manifest.digest(for: path) == nil {
                report(.unlistedPayloadFile, Self.unlisted(path, from: what), entry: path)
            }
        }
    }

    static func unlisted(_ path: String, from what: String = "the manifest") -> String {
        "'\(path)' is in the bundle but not in \(what)"
    }

    static func notCarried(_ path: String, listedIn what: String) -> String {
        "'\(path)' is listed in \(what) but is not in the bundle"
    }

    static func digestDiffers(_ path: String, from what: String, algorithm: DigestAlgorithm = .sha512) -> String {
        "the \(algorithm.displayName) digest of '\(path)' differs from \(what): the file was changed or damaged"
    }

    /// Parses a required manifest, reporting its malformed lines; nil (reported) when absent.
    private func readManifest(_ name: String, algorithm: DigestAlgorithm = .sha512, covering what: String) -> Manifest? {
        guard let bytes = tagText(name) else {
            report(.missingTagFile, "\(name) is missing: \(what) cannot be verified")
            return nil
        }
        let (manifest, problems) = Manifest.parse(bytes, algorithm: algorithm)
        for problem in problems {
            report(.malformedManifest, problem.message, entry: name, line: problem.line)
        }
        return manifest
    }

    /// Checks that every file a manifest lists is present with the listed digest.
    private func compare(
        _ manifest: Manifest, name: String, algorithm: DigestAlgorithm, with files: [String: FileFacts],
        missing: DiagnosticCode, mismatch: DiagnosticCode, what: String
    ) {
        for (path, digest) in manifest.entries {
            guard let facts = files[path] else {
                report(missing, Self.notCarried(path, listedIn: what), entry: name)
                continue
            }
            if facts.digest(algorithm) != digest {
                report(mismatch, Self.digestDiffers(path, from: what, algorithm: algorithm), entry: path)
            }
        }
    }

    /// The encoding bagit.txt declares for the other tag files (UTF-8 unless it says otherwise).
    private var tagEncoding: String {
        tagContents[BagLayout.bagDeclaration].flatMap { BagDeclaration.read($0).encoding?.uppercased() } ?? "UTF-8"
    }

    /// A held tag file's bytes as UTF-8, decoded from the encoding bagit.txt declares.
    func tagText(_ name: String) -> [UInt8]? {
        guard let bytes = tagContents[name] else { return nil }
        return BagDeclaration.utf8(bytes, encoding: tagEncoding)
    }

    private func checkBagInfo() {
        guard let bytes = tagText(BagLayout.bagInfo) else {
            if profile == .accord { report(.incompleteBagInfo, "bag-info.txt is missing") }
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
        guard profile == .accord else { return }
        if info.value("Payload-Oxum") == nil {
            report(.payloadOxumMismatch, "bag-info.txt has no Payload-Oxum: the payload's completeness cannot be checked", entry: BagLayout.bagInfo)
        }
        for field in BagInfoFields.required where field != "Payload-Oxum" && info.value(field) == nil {
            report(.incompleteBagInfo, "bag-info.txt has no \(field)", entry: BagLayout.bagInfo)
        }
    }

    /// Every tag manifest against the tag files (Accord: the SHA-512 one is required and
    /// must cover every tag file).
    private func checkTagManifests() {
        let tagManifests = tagFiles.keys.sorted().compactMap { path in
            Self.isManifestName(path, prefix: "tagmanifest-") ? DigestAlgorithm.of(manifest: path, prefix: "tagmanifest-").map { (path, $0) } : nil
        }
        if profile == .accord && tagContents[BagLayout.tagManifest] == nil {
            report(.missingTagFile, "\(BagLayout.tagManifest) is missing: the tag files cannot be verified")
        }
        for (name, algorithm) in tagManifests {
            guard let manifest = readManifest(name, algorithm: algorithm, covering: "the tag files") else { continue }
            let what = name == BagLayout.tagManifest ? "the tag manifest" : name
            compare(manifest, name: name, algorithm: algorithm, with: tagFiles, missing: .tagFileMismatch, mismatch: .tagFileMismatch, what: what)
            guard profile == .accord && name == BagLayout.tagManifest else { continue }
            // The digest chain must cover every tag file: nothing unverified travels in a bundle.
            // Signatures cannot be in the tag manifest they sign; they are verified on their own.
            for path in tagFiles.keys.sorted()
            where !Self.isManifestName(path, prefix: "tagmanifest-") && !Self.isSignaturePath(path)
                && manifest.digest(for: path) == nil {
                report(.tagFileMismatch, "'\(path)' is not covered by the tag manifest", entry: path)
            }
        }
    }

    /// Plain BagIt: each line of fetch.txt is `URL LENGTH PATH`, the path safe and in the payload.
    private func checkFetch() {
        guard let bytes = tagText(BagLayout.fetch) else { return }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let fields = line.split(maxSplits: 2, omittingEmptySubsequences: true, whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 3, fields[1] == "-" || Int(fields[1]) != nil else {
                report(.malformedFetchFile, "expected 'URL LENGTH PATH'", entry: BagLayout.fetch, line: number + 1)
                continue
            }
            var path = BagPath.decode(String(fields[2]))
            while path.hasPrefix("./") { path.removeFirst(2) }
            if let unsafe = BagPath.problem(path) {
                report(.malformedFetchFile, "unsafe path '\(path)': \(unsafe)", entry: BagLayout.fetch, line: number + 1)
            } else if !path.hasPrefix(BagLayout.payloadFolder) {
                report(.malformedFetchFile, "'\(path)' is outside the payload (data/): fetch.txt may only name payload files", entry: BagLayout.fetch, line: number + 1)
            }
        }
    }

    /// What the Accord profile allows besides the BagIt files: the envelope and signatures,
    /// and no `fetch.txt` (reported whether or not the tag manifest is there).
    private func checkProfileTagFiles() {
        guard profile == .accord else { return }
        if tagFiles[BagLayout.fetch] != nil {
            report(.fetchNotAllowed, "fetch.txt asks the receiver to download files; a bundle must carry every file itself", entry: BagLayout.fetch)
        }
        for path in tagFiles.keys.sorted() where !Self.isAllowedTagFile(path) {
            report(.tagFileNotAllowed, "'\(path)' is a tag file the Accord profile does not allow (only bagit.txt, bag-info.txt, the manifests, accord-envelope.xml and accord-signatures/): the sender must take it out of the bag, listed in the tag manifest or not", entry: path)
        }
    }

    /// Whether the Accord profile allows a tag file at `path` (`fetch.txt` is reported on its own).
    static func isAllowedTagFile(_ path: String) -> Bool {
        [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.envelope, BagLayout.fetch].contains(path)
            || isManifestName(path, prefix: "manifest-") || isManifestName(path, prefix: "tagmanifest-")
            || path.hasPrefix(BundleSignatureFile.folder)
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
