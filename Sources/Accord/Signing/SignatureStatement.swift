/// What a bundle signature signs: a short text that names the bundle, the SHA-512 of its
/// tag manifest (which lists the digest of every tag file, including the payload manifest,
/// which lists the digest of every payload file), the signer and the time.
///
/// The signed bytes are exactly this text in UTF-8, lines ending in LF, so that a partner
/// can check a signature with OpenSSL alone (`docs/bundle-format.md`).
struct SignatureStatement: Hashable {
    var bundleId: String
    var tagManifestSHA512: String
    var signerOrganisation: String
    var signerKey: String
    var signedAt: String

    static let version = "1"

    private static let keys = ["Accord-Signature-Version", "Bundle-Id", "Tag-Manifest-SHA512", "Signer-Organization", "Signer-Key", "Signed-At"]

    var text: String {
        zip(Self.keys, [Self.version, bundleId, tagManifestSHA512, signerOrganisation, signerKey, signedAt])
            .map { "\($0): \($1)\n" }.joined()
    }

    /// Parses the exact form ``text`` writes; anything else is refused.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == Self.keys.count + 1, lines.last == "" else { return nil }
        var values: [String] = []
        for (line, key) in zip(lines, Self.keys) {
            guard line.hasPrefix("\(key): ") else { return nil }
            values.append(String(line.dropFirst(key.count + 2)))
        }
        guard values[0] == Self.version, values.allSatisfy({ !$0.isEmpty && !$0.contains("\r") }) else { return nil }
        self.init(bundleId: values[1], tagManifestSHA512: values[2], signerOrganisation: values[3], signerKey: values[4], signedAt: values[5])
    }

    init(bundleId: String, tagManifestSHA512: String, signerOrganisation: String, signerKey: String, signedAt: String) {
        self.bundleId = bundleId
        self.tagManifestSHA512 = tagManifestSHA512
        self.signerOrganisation = signerOrganisation
        self.signerKey = signerKey
        self.signedAt = signedAt
    }
}
