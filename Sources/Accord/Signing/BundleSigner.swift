/// Adds a signature to a bundle that already exists.
///
/// The bundle is validated first (a signature vouches for a valid bundle only). Its
/// entries are then copied, as they are, into a new archive with the signature file
/// added among the tag files, written beside the destination and renamed into place.
public struct BundleSigner: Sendable {
    /// Checks the bundle before it is signed.
    public var validator: BundleValidator
    /// The gzip level of the rewritten bundle.
    public var compressionLevel: Int

    /// Creates a signer.
    public init(validator: BundleValidator = BundleValidator(), compressionLevel: Int = 6) {
        self.validator = validator
        self.compressionLevel = compressionLevel
    }

    /// Signs `bundle` as `signer`, writing the result to `destination` (which may be the
    /// bundle itself). Returns the validation; nothing is written when it has errors.
    public func sign(
        _ bundle: String, as signer: Signer, to destination: String, progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        try sign(bundle, as: { _ in signer }, to: destination, progress: progress)
    }

    /// Signs `bundle` with `key` at `signedAt`, for `organisation` or, when it is nil, for
    /// the bundle's sender as its envelope names it.
    public func sign(
        _ bundle: String, key: SigningKey, organisation: String?, signedAt: Timestamp, to destination: String,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        try sign(bundle, as: { envelope in
            Signer(key: key, organisation: organisation ?? envelope.sender, signedAt: signedAt)
        }, to: destination, progress: progress)
    }

    /// Signs as the signer made from the validated envelope.
    private func sign(
        _ bundle: String, as makeSigner: (BundleEnvelope) -> Signer, to destination: String, progress: (@Sendable (ProgressReport) -> Void)?
    ) throws(FileError) -> BundleValidation {
        var validation: BundleValidation?
        var output: AtomicFile?
        do {
            // Validate and copy read the same open file; if it changes in between, the copy is refused.
            _ = try validator.withTwoPasses(validator.input(.file(bundle), hashes: true), first: { input throws(FileError) -> (path: String, bytes: [UInt8])? in
                let checked = try validator.check(input, extractor: nil, progress: progress)
                validation = checked
                guard let envelope = checked.envelope,
                      let signature = prepare(checked, envelope: envelope, signer: makeSigner(envelope), bundle: bundle, into: &validation) else { return nil }
                output = try AtomicFile(destination: destination, overwrite: true)
                return signature
            }, second: { source, signature throws(FileError) in
                do {
                    try copy(source, adding: signature, into: output!)
                } catch {
                    throw FileError(path: bundle, reason: .changedWhileReading)
                }
            })
            try output?.commit()
        } catch {
            output?.discard()
            throw error
        }
        return validation!
    }

    /// The signature file to add, or nil (with the reason added to `validation`) when the
    /// bundle is invalid or the signer cannot sign it.
    private func prepare(
        _ checked: BundleValidation, envelope: BundleEnvelope, signer: Signer, bundle: String, into validation: inout BundleValidation?
    ) -> (path: String, bytes: [UInt8])? {
        guard Signer.isOrganisationId(signer.organisation) else {
            validation?.diagnostics.append(Diagnostic(
                .badSignature, "the signing organisation '\(signer.organisation)' is not an organisation identifier such as ID-MOD",
                at: SourceLocation(file: bundle)))
            return nil
        }
        guard checked.isValid, let tagManifest = checked.files.first(where: { $0.path == BagLayout.tagManifest }) else { return nil }
        let signature = BundleSignatureFile.make(for: signer, bundleId: envelope.bundleId, tagManifestDigest: tagManifest.sha512)
        if checked.signatures.contains(where: { $0.path == signature.path }) {
            validation?.diagnostics.append(Diagnostic(
                .duplicateSignature, "this key has already signed the bundle", at: SourceLocation(file: bundle, entry: signature.path)))
            return nil
        }
        return signature
    }

    /// Copies every entry, holding back the signature folder's files (small) so that the
    /// new one joins them in name order just before the payload.
    private func copy(_ source: BundleEntrySource, adding signature: (path: String, bytes: [UInt8]), into output: AtomicFile) throws(ArchiveError) {
        let gzip = try GzipWriter(sink: FileByteSink(descriptor: output.descriptor), level: compressionLevel)
        let tar = TarWriter(sink: gzip)
        var pending: [(path: String, bytes: [UInt8], time: Int)] = []
        var signaturesWritten = false
        var top = ""
        var lastTime = 0
        var buffer = [UInt8](repeating: 0, count: 256 << 10)

        func writeSignatures(time: Int) throws(ArchiveError) {
            guard !signaturesWritten else { return }
            signaturesWritten = true
            try tar.addDirectory("\(top)/\(BundleSignatureFile.folder.dropLast())", modificationTime: time)
            let all = (pending + [(signature.path, signature.bytes, time)]).sorted { EntryOrder.precedes($0.path, $1.path) }
            for file in all {
                try tar.addFile("\(top)/\(file.path)", size: file.bytes.count, modificationTime: file.time) { out throws(ArchiveError) in
                    try out.write(file.bytes)
                }
            }
        }

        while let entry = try source.next() {
            let slash = entry.path.firstIndex(of: "/")
            let relative = slash.map { String(entry.path[entry.path.index(after: $0)...]) } ?? ""
            if slash == nil { top = entry.path }
            lastTime = entry.modificationTime
            if relative.hasPrefix(BagLayout.payloadFolder.dropLast()) { try writeSignatures(time: entry.modificationTime) }
            if relative == String(BundleSignatureFile.folder.dropLast()) { continue }
            if relative.hasPrefix(BundleSignatureFile.folder) && !signaturesWritten {
                var bytes: [UInt8] = []
                while true {
                    let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
                    if count == 0 { break }
                    bytes += buffer[..<count]
                }
                pending.append((relative, bytes, entry.modificationTime))
                continue
            }
            if entry.kind == .directory {
                try tar.addDirectory(entry.path, modificationTime: entry.modificationTime)
                continue
            }
            try tar.addFile(entry.path, size: entry.size, modificationTime: entry.modificationTime) { out throws(ArchiveError) in
                while true {
                    let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
                    if count == 0 { break }
                    try buffer.withRawBytes { raw throws(ArchiveError) in try out.write(UnsafeRawBufferPointer(rebasing: raw[..<count])) }
                }
            }
        }
        try writeSignatures(time: lastTime)
        try tar.finish()
        try gzip.finish()
    }
}
