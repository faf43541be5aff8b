@testable import Accord
import AccordTestSupport
import Foundation
import Testing

@Suite("Signing: keys, signatures, tampering")
struct SigningTests {
    let signer = Signer(key: SigningKey(), organisation: "ID-MOD", signedAt: Timestamp(xsdDateTime: "2025-07-30T01:00:00Z")!)
    let deputy = Signer(key: SigningKey(), organisation: "ID-MOD", signedAt: Timestamp(xsdDateTime: "2025-07-30T02:00:00Z")!)
    let stranger = Signer(key: SigningKey(), organisation: "XX-MOD", signedAt: Timestamp(xsdDateTime: "2025-07-30T03:00:00Z")!)

    func trust(_ signers: Signer...) -> TrustStore {
        TrustStore(keys: signers.enumerated().map { TrustStore.Entry(name: "key\($0.offset)", key: $0.element.key.publicKey) })
    }

    func validator(_ store: TrustStore?, required: Bool = false) -> BundleValidator {
        BundleValidator(signatures: SignaturePolicy(trust: store, required: required))
    }

    func signedFixture(_ signers: [Signer]) throws -> BundleFixture {
        var options = BundleFixture.options
        options.signers = signers
        return try BundleFixture(options: options)
    }

    @Test("keys round-trip through PEM; the fingerprint is stable and short enough to read out")
    func keys() throws {
        let key = SigningKey()
        let again = try SigningKey(pem: key.pem)
        #expect(again.publicKey == key.publicKey)
        #expect(try SigningKey.PublicKey(pem: key.publicKey.pem) == key.publicKey)
        #expect(key.publicKey.fingerprint.hasPrefix("SHA256:") && key.publicKey.fingerprint.count == 71)
        #expect(key.publicKey.shortFingerprint.split(separator: " ").count == 5)
        #expect(key.pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
        #expect(throws: KeyError.self) { try SigningKey(pem: key.publicKey.pem) }
        #expect(throws: KeyError.self) { try SigningKey.PublicKey(pem: "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n") }
    }

    @Test("signed with a trusted key: valid and verified; deterministic for a key and time")
    func trustedSignature() throws {
        let first = try signedFixture([signer])
        let second = try signedFixture([signer])
        defer { first.remove(); second.remove() }
        #expect(try Data(contentsOf: first.bundle) == Data(contentsOf: second.bundle))
        let result = try validator(trust(signer), required: true).validate(atPath: first.bundle.path)
        #expect(result.isValid && result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(result.signatures.count == 1)
        #expect(result.signatures.first?.verified == true)
        #expect(result.signatures.first?.organisation == "ID-MOD")
        #expect(result.signatures.first?.signedAt == "2025-07-30T01:00:00Z")
    }

    @Test("unsigned or signed by an unknown key: a warning, or an error when a signature is required")
    func unsignedAndUntrusted() throws {
        let unsigned = try BundleFixture()
        let foreign = try signedFixture([stranger])
        defer { unsigned.remove(); foreign.remove() }
        for (fixture, code) in [(unsigned, DiagnosticCode.unsignedBundle), (foreign, .untrustedSigner)] {
            let lenient = try validator(trust(signer)).validate(atPath: fixture.bundle.path)
            #expect(lenient.isValid)
            #expect(lenient.diagnostics.map(\.code) == [code])
            #expect(lenient.diagnostics.first?.severity == .warning)
            let strict = try validator(trust(signer), required: true).validate(atPath: fixture.bundle.path)
            #expect(!strict.isValid)
            #expect(strict.diagnostics.contains { $0.code == code && $0.severity == .error })
        }
        // Without a trust folder, signatures are not judged at all.
        #expect(try BundleValidator().validate(atPath: foreign.bundle.path).diagnostics.isEmpty)
    }

    @Test("a countersignature added to an existing bundle; both verify")
    func countersign() throws {
        let fixture = try signedFixture([signer])
        defer { fixture.remove() }
        let output = fixture.folder.appendingPathComponent("countersigned.tar.gz")
        let signed = try BundleSigner().sign(fixture.bundle.path, as: deputy, to: output.path)
        #expect(signed.isValid)
        let result = try validator(trust(signer, deputy), required: true).validate(atPath: output.path)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(result.signatures.filter(\.verified).count == 2)
        // Signing again with the same key is refused; nothing is written.
        let again = try BundleSigner().sign(output.path, as: deputy, to: fixture.folder.appendingPathComponent("again.tar.gz").path)
        #expect(again.diagnostics.contains { $0.code == .duplicateSignature })
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("again.tar.gz").path))
    }

    @Test("tampering is caught and named", arguments: SignatureTampering.allCases)
    func tampering(_ tampering: SignatureTampering) throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try signedFixture([signer])
        let other = try signedFixture([signer])
        defer { fixture.remove(); other.remove() }
        let bag = try fixture.extract(into: "bag")
        try tampering.apply(to: bag, signer: signer, otherBag: try other.extract(into: "other"))
        let archive = try fixture.archive(bag, as: "tampered.tar.gz")
        let result = try validator(trust(signer), required: tampering.needsRequirement).validate(atPath: archive.path)
        #expect(!result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.contains { $0.code == tampering.expectedCode && $0.severity == .error }, "\(result.diagnostics.map(\.formatted))")
    }

    enum SignatureTampering: String, CaseIterable, CustomTestStringConvertible {
        case recordChangedAndManifestsRecomputed, tagFileChanged, signatureRemoved, signatureDuplicated,
             signatureFromAnotherBundle, signatureByUntrustedKey, signatureTruncated

        var testDescription: String { rawValue }
        var needsRequirement: Bool { self == .signatureRemoved || self == .signatureByUntrustedKey }

        var expectedCode: DiagnosticCode {
            switch self {
            case .recordChangedAndManifestsRecomputed, .tagFileChanged, .signatureFromAnotherBundle, .signatureTruncated: return .badSignature
            case .signatureRemoved: return .unsignedBundle
            case .signatureDuplicated: return .duplicateSignature
            case .signatureByUntrustedKey: return .untrustedSigner
            }
        }

        func signatureFile(in bag: URL) throws -> URL {
            let folder = bag.appendingPathComponent("accord-signatures")
            return folder.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()[0])
        }

        func apply(to bag: URL, signer: Signer, otherBag: URL) throws {
            switch self {
            case .recordChangedAndManifestsRecomputed:
                // A forger who changes a record and recomputes every digest: BagIt alone is satisfied.
                let record = bag.appendingPathComponent(BagLayout.recordPath(forId: "ID-MOD-2025-BLR-001"))
                let changed = try String(contentsOf: record, encoding: .utf8).replacingOccurrences(of: "Minsk", with: "Moscow")
                try changed.write(to: record, atomically: true, encoding: .utf8)
                try Rehash.bag(bag)
            case .tagFileChanged:
                let info = bag.appendingPathComponent(BagLayout.bagInfo)
                try (try String(contentsOf: info, encoding: .utf8) + "Contact-Name: Someone Else\n").write(to: info, atomically: true, encoding: .utf8)
                try Rehash.tagManifest(bag)
            case .signatureRemoved:
                try FileManager.default.removeItem(at: bag.appendingPathComponent("accord-signatures"))
            case .signatureDuplicated:
                let file = try signatureFile(in: bag)
                try FileManager.default.copyItem(at: file, to: file.deletingLastPathComponent().appendingPathComponent("copy.xml"))
            case .signatureFromAnotherBundle:
                // A genuine signature by a trusted key, moved from another bundle (another id).
                let file = try signatureFile(in: bag)
                let foreign = BundleSignatureFile.make(for: signer, bundleId: "ID-MOD-OTHER", tagManifestDigest: String(repeating: "0", count: 128))
                try Data(foreign.bytes).write(to: file)
            case .signatureByUntrustedKey:
                let file = try signatureFile(in: bag)
                let stranger = Signer(key: SigningKey(), organisation: "ID-MOD", signedAt: signer.signedAt)
                let digest = SHA512Hasher.hex(Array(try Data(contentsOf: bag.appendingPathComponent(BagLayout.tagManifest))))
                try FileManager.default.removeItem(at: file)
                let forged = BundleSignatureFile.make(for: stranger, bundleId: bag.lastPathComponent, tagManifestDigest: digest)
                try Data(forged.bytes).write(to: bag.appendingPathComponent(forged.path))
            case .signatureTruncated:
                let file = try signatureFile(in: bag)
                let bytes = try Data(contentsOf: file)
                try bytes.prefix(bytes.count / 2).write(to: file)
            }
        }
    }
}

/// Recomputes a bag's manifests as a forger would.
enum Rehash {
    static func bag(_ bag: URL) throws {
        var manifest = Manifest()
        var total = 0, count = 0
        let data = bag.appendingPathComponent("data")
        for relative in BundleFixture.listing(data) {
            let url = data.appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            guard !isFolder.boolValue else { continue }
            let bytes = Array(try Data(contentsOf: url))
            manifest.add(path: "data/\(relative)", digest: SHA512Hasher.hex(bytes))
            total += bytes.count
            count += 1
        }
        try manifest.text().write(to: bag.appendingPathComponent(BagLayout.payloadManifest), atomically: true, encoding: .utf8)
        let info = bag.appendingPathComponent(BagLayout.bagInfo)
        let lines = try String(contentsOf: info, encoding: .utf8).split(separator: "\n")
            .map { $0.hasPrefix("Payload-Oxum:") ? "Payload-Oxum: \(total).\(count)" : String($0) }
        try (lines.joined(separator: "\n") + "\n").write(to: info, atomically: true, encoding: .utf8)
        try tagManifest(bag)
    }

    static func tagManifest(_ bag: URL) throws {
        var tags = Manifest()
        for name in [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope] {
            tags.add(path: name, digest: SHA512Hasher.hex(Array(try Data(contentsOf: bag.appendingPathComponent(name)))))
        }
        try tags.text().write(to: bag.appendingPathComponent(BagLayout.tagManifest), atomically: true, encoding: .utf8)
    }
}

@Suite("A required signature without a trust store")
struct RequiredWithoutTrustTests {
    @Test("a signed bundle is refused (B023): no key is trusted, so no signature can count")
    func signedButNothingTrusted() throws {
        var options = BundleFixture.options
        options.signers = [Signer(key: SigningKey(), organisation: "ID-MOD", signedAt: BundleFixture.created)]
        let fixture = try BundleFixture(options: options)
        defer { fixture.remove() }
        let lax = try BundleValidator().validate(atPath: fixture.bundle.path)
        #expect(lax.isValid)
        let strict = try BundleValidator(signatures: SignaturePolicy(required: true)).validate(atPath: fixture.bundle.path)
        #expect(!strict.isValid)
        #expect(strict.diagnostics.contains { $0.code == .untrustedSigner && $0.severity == .error && $0.message.contains("no trust store") })
    }
}
