internal import Crypto

/// An Ed25519 key pair for signing bundles.
///
/// The private key is stored as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), the public key as
/// SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`): the formats OpenSSL reads and
/// writes (`openssl genpkey -algorithm ed25519`, `openssl pkey -pubout`).
public struct SigningKey: Sendable {
    private let seed: [UInt8]

    /// The matching public key.
    public let publicKey: PublicKey

    /// A new random key pair.
    public init() {
        self.init(seed: Array(Curve25519.Signing.PrivateKey().rawRepresentation))!
    }

    private init?(seed: [UInt8]) {
        guard seed.count == 32, let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { return nil }
        self.seed = seed
        publicKey = PublicKey(raw: Array(key.publicKey.rawRepresentation))!
    }

    /// Reads a PKCS#8 PEM Ed25519 private key.
    public init(pem: String) throws(KeyError) {
        guard let der = PEM.decode(pem, label: "PRIVATE KEY") else { throw KeyError.notPEM(expected: "PRIVATE KEY") }
        guard der.count == 48, Array(der.prefix(16)) == Self.pkcs8Prefix, let key = SigningKey(seed: Array(der.suffix(32))) else {
            throw KeyError.notEd25519
        }
        self = key
    }

    /// Reads a PKCS#8 PEM Ed25519 private key from a file (at most 64 KiB).
    ///
    /// - Throws: ``FileError`` when the file cannot be read, ``KeyError`` when it holds no such key.
    public init(pemFile path: String) throws {
        let bytes = try FileReader.read(path, maxBytes: 64 << 10)
        try self.init(pem: String(decoding: bytes, as: UTF8.self))
    }

    /// The private key as PKCS#8 PEM. Keep it secret: write it with owner-only permissions.
    public var pem: String {
        PEM.encode(Self.pkcs8Prefix + seed, label: "PRIVATE KEY")
    }

    /// Signs `message` (RFC 8032 Ed25519: the same key and message give the same signature).
    func sign(_ message: [UInt8]) -> [UInt8] {
        // The seed was checked when the key was made, so neither call can fail.
        let key = try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        return Array(try! key.signature(for: message))
    }

    /// DER of PKCS#8 v1 with the Ed25519 OID (1.3.101.112), before the 32-byte seed.
    private static let pkcs8Prefix: [UInt8] = [0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]

    /// An Ed25519 public key.
    public struct PublicKey: Sendable, Hashable {
        /// The 32 bytes of the key.
        public let raw: [UInt8]

        init?(raw: [UInt8]) {
            guard raw.count == 32, (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil else { return nil }
            self.raw = raw
        }

        /// Reads a SubjectPublicKeyInfo PEM Ed25519 public key.
        public init(pem: String) throws(KeyError) {
            guard let der = PEM.decode(pem, label: "PUBLIC KEY") else { throw KeyError.notPEM(expected: "PUBLIC KEY") }
            guard der.count == 44, Array(der.prefix(12)) == Self.spkiPrefix, let key = PublicKey(raw: Array(der.suffix(32))) else {
                throw KeyError.notEd25519
            }
            self = key
        }

        /// The key as SubjectPublicKeyInfo DER.
        public var der: [UInt8] { Self.spkiPrefix + raw }

        /// The key as SubjectPublicKeyInfo PEM.
        public var pem: String { PEM.encode(der, label: "PUBLIC KEY") }

        /// `SHA256:` and the hex SHA-256 of the key's DER, as signature files name keys.
        public var fingerprint: String {
            "SHA256:" + hexString(SHA256.hash(data: der))
        }

        /// The first 80 bits of the fingerprint in five groups of four, short enough to read
        /// out over the phone to confirm a key: `3f2a 91c0 77de 0b41 a9e2`.
        public var shortFingerprint: String {
            let hex = Array(fingerprint.dropFirst("SHA256:".count).prefix(20))
            return stride(from: 0, to: 20, by: 4).map { String(hex[$0..<$0 + 4]) }.joined(separator: " ")
        }

        /// Whether `signature` is this key's Ed25519 signature of `message`.
        func verifies(_ signature: [UInt8], of message: [UInt8]) -> Bool {
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { return false }
            return key.isValidSignature(signature, for: message)
        }

        /// DER of SubjectPublicKeyInfo with the Ed25519 OID, before the 32-byte key.
        private static let spkiPrefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
    }
}

/// A key file could not be used.
public enum KeyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not PEM with the expected label.
    case notPEM(expected: String)
    /// The PEM does not hold an Ed25519 key in the expected structure.
    case notEd25519

    /// A readable account.
    public var description: String {
        switch self {
        case .notPEM(let label): return "not a PEM file holding '\(label)'"
        case .notEd25519: return "not an Ed25519 key (PKCS#8 for a private key, SubjectPublicKeyInfo for a public key)"
        }
    }
}
