@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// A partner without Accord verifies our signatures with OpenSSL alone, and a signature
/// made with OpenSSL over our digest chain verifies with Accord.
@Suite("Signing: interoperability with OpenSSL")
struct OpenSSLInteropTests {
    static var available: Bool {
        ["openssl", "xmllint", "tar", "base64", "sha512sum"].allSatisfy(ExternalTool.available)
    }

    func shell(_ script: String, in folder: URL) throws -> ExternalTool.Output {
        try ExternalTool.run("sh", ["-c", "cd '\(folder.path)' && \(script)"])
    }

    @Test("openssl pkeyutl verifies our signature, following docs/bundle-format.md")
    func opensslVerifiesOurs() throws {
        guard Self.available else { return }
        let key = SigningKey()
        var options = BundleFixture.options
        options.signers = [Signer(key: key, organisation: "ID-MOD", signedAt: BundleFixture.created)]
        let fixture = try BundleFixture(options: options)
        defer { fixture.remove() }
        try Data(key.publicKey.pem.utf8).write(to: fixture.folder.appendingPathComponent("partner.pub"))
        // The recipe of docs/bundle-format.md, "Verifying a signature with OpenSSL".
        let recipe = """
            mkdir bag && tar -xzf bundle.tar.gz -C bag && cd bag/* &&
            sig=$(ls accord-signatures/*.xml | head -n 1) &&
            xmllint --xpath 'string(//*[local-name()="statement"])' "$sig" | head -c -1 > ../../statement.txt &&
            xmllint --xpath 'string(//*[local-name()="value"])' "$sig" | base64 -d > ../../signature.bin &&
            grep -q "^Tag-Manifest-SHA512: $(sha512sum tagmanifest-sha512.txt | cut -d' ' -f1)$" ../../statement.txt &&
            cd ../.. && openssl pkeyutl -verify -pubin -inkey partner.pub -rawin -in statement.txt -sigfile signature.bin
            """
        let output = try shell(recipe, in: fixture.folder)
        #expect(output.status == 0, "\(output.standardOutput)\(output.standardError)")
        #expect(output.standardOutput.contains("Signature Verified Successfully"))
        // The check can fail: a changed statement does not verify.
        let forged = try shell("sed -i 's/ID-MOD$/XX-MOD/' statement.txt && openssl pkeyutl -verify -pubin -inkey partner.pub -rawin -in statement.txt -sigfile signature.bin", in: fixture.folder)
        #expect(forged.status != 0)
    }

    @Test("a signature made by OpenSSL over our digest chain verifies with Accord; a key from openssl genpkey signs with Accord")
    func accordVerifiesOpenSSLs() throws {
        guard Self.available else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let folder = fixture.folder
        #expect(try shell("openssl genpkey -algorithm ed25519 -out ossl.key && mkdir trust && openssl pkey -in ossl.key -pubout -out trust/ossl.pub", in: folder).status == 0)
        let bag = try fixture.extract(into: "bag")
        let publicKey = try SigningKey.PublicKey(pem: String(contentsOf: folder.appendingPathComponent("trust/ossl.pub"), encoding: .utf8))
        let digest = SHA512Hasher.hex(Array(try Data(contentsOf: bag.appendingPathComponent(BagLayout.tagManifest))))
        let statement = SignatureStatement(
            bundleId: bag.lastPathComponent, tagManifestSHA512: digest, signerOrganisation: "ID-MOD",
            signerKey: publicKey.fingerprint, signedAt: "2025-07-30T05:00:00Z")
        try Data(statement.text.utf8).write(to: folder.appendingPathComponent("statement.txt"))
        #expect(try shell("openssl pkeyutl -sign -inkey ossl.key -rawin -in statement.txt -out signature.bin", in: folder).status == 0)
        let signature = Base64.encode(Array(try Data(contentsOf: folder.appendingPathComponent("signature.bin"))))
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bundleSignature xmlns="urn:accord:bundle-signature:1" schemaVersion="1.0"><statement>\(statement.text)</statement><value algorithm="Ed25519">\(signature)</value></bundleSignature>

            """
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("accord-signatures"), withIntermediateDirectories: true)
        try Data(xml.utf8).write(to: bag.appendingPathComponent("accord-signatures/ID-MOD-openssl.xml"))
        let archive = try fixture.archive(bag, as: "signed-by-openssl.tar.gz")
        let trust = try TrustStore(folder: folder.appendingPathComponent("trust").path)
        let result = try BundleValidator(signatures: SignaturePolicy(trust: trust, required: true)).validate(atPath: archive.path)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(result.signatures.first?.verified == true && result.signatures.first?.trustedAs == "ossl")

        // And the OpenSSL key signs with Accord.
        let key = try SigningKey(pem: String(contentsOf: folder.appendingPathComponent("ossl.key"), encoding: .utf8))
        #expect(key.publicKey == publicKey)
    }
}
