/// Someone who signs a bundle: a key, the organisation it speaks for, and when.
public struct Signer: Sendable {
    /// The signing key.
    public var key: SigningKey
    /// The signing organisation's identifier.
    public var organisation: String
    /// The signing time.
    public var signedAt: Timestamp

    /// Whether `organisation` is an organisation identifier (`ID-MOD`: letters and digits in
    /// parts joined by hyphens), as signature files and file names need.
    public static func isOrganisationId(_ organisation: String) -> Bool {
        let parts = organisation.split(separator: "-", omittingEmptySubsequences: false)
        return organisation.utf8.count <= 64 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// Creates a signer.
    public init(key: SigningKey, organisation: String, signedAt: Timestamp) {
        self.key = key
        self.organisation = organisation
        self.signedAt = signedAt
    }
}

/// A signature file: the statement and its Ed25519 signature, as the tag file
/// `accord-signatures/ORG-FINGERPRINT.xml` (schema `schemas/bundle-signature-v1.xsd`).
enum BundleSignatureFile {
    static let folder = "accord-signatures/"
    static let namespace = "urn:accord:bundle-signature:1"

    /// The signature file for a bag whose tag manifest has `tagManifestDigest`.
    static func make(for signer: Signer, bundleId: String, tagManifestDigest: String) -> (path: String, bytes: [UInt8]) {
        let statement = SignatureStatement(
            bundleId: bundleId, tagManifestSHA512: tagManifestDigest, signerOrganisation: signer.organisation,
            signerKey: signer.key.publicKey.fingerprint, signedAt: signer.signedAt.description)
        let signature = signer.key.sign(Array(statement.text.utf8))
        let out = XMLTextWriter()
        out.startElement("bundleSignature")
        out.attribute("xmlns", namespace)
        out.attribute("schemaVersion", "1.0")
        out.element("statement", text: statement.text)
        out.element("value", text: Base64.encode(signature), attributes: [("algorithm", "Ed25519")])
        let fingerprint = signer.key.publicKey.fingerprint.dropFirst("SHA256:".count).prefix(16)
        return ("\(folder)\(signer.organisation)-\(fingerprint).xml", out.finish())
    }

    /// Reads a signature file: its statement (exact text) and signature bytes.
    static func read(_ bytes: [UInt8], location: SourceLocation) -> (SignatureStatement, [UInt8])? {
        LibXML.withScope { _ -> (SignatureStatement, [UInt8])? in
            let parsed = SafeXMLParser.parse(bytes, file: location.file, limits: .default)
            guard let document = parsed.document, document.rootName?.namespace == namespace,
                  Schemas.bundleSignature.validate(document, file: location.file).isEmpty,
                  let tree = document.tree(), let statementText = tree.child(named: "statement")?.text,
                  let statement = SignatureStatement(text: statementText),
                  let value = tree.child(named: "value").flatMap({ Base64.decode($0.text) }), value.count == 64 else { return nil }
            return (statement, value)
        }
    }
}
