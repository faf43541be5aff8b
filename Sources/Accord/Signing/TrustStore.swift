/// The public keys a receiver trusts: one PEM file per partner ministry in a folder.
public struct TrustStore: Sendable {
    /// A trusted key and the file it came from.
    public struct Entry: Sendable, Hashable {
        /// The file's name without `.pub`/`.pem` (by convention, the partner's name).
        public var name: String
        /// The key.
        public var key: SigningKey.PublicKey

        /// A key trusted under `name`.
        public init(name: String, key: SigningKey.PublicKey) {
            self.name = name
            self.key = key
        }
    }

    /// The trusted keys by fingerprint.
    public let entries: [String: Entry]

    /// Trusts exactly these keys.
    public init(keys: [Entry]) {
        entries = Dictionary(keys.map { ($0.key.fingerprint, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Reads every `*.pub` and `*.pem` file in `folder`; a file that is not an Ed25519
    /// public key is an error, so that a mistake in the trust folder is never silent.
    public init(folder: String) throws(TrustStoreError) {
        var keys: [Entry] = []
        let names: [String]
        do { names = try DirectoryListing.names(in: folder) } catch { throw TrustStoreError(path: folder, message: error.problem) }
        for name in names where name.hasSuffix(".pub") || name.hasSuffix(".pem") {
            let path = "\(folder)/\(name)"
            let bytes: [UInt8]
            do { bytes = try FileReader.read(path, maxBytes: 64 << 10) } catch { throw TrustStoreError(path: path, message: error.problem) }
            do {
                let key = try SigningKey.PublicKey(pem: String(decoding: bytes, as: UTF8.self))
                keys.append(Entry(name: String(name.dropLast(4)), key: key))
            } catch {
                throw TrustStoreError(path: path, message: error.description)
            }
        }
        self.init(keys: keys)
    }
}

/// A trust folder could not be read.
public struct TrustStoreError: Error, Sendable, CustomStringConvertible {
    /// The file or folder concerned.
    public var path: String
    /// What is wrong.
    public var message: String

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

/// What was found about one signature of a bundle.
public struct SignatureCheck: Sendable, Hashable, Codable {
    /// The signature file in the bag.
    public var path: String
    /// The organisation the signature says it speaks for.
    public var organisation: String?
    /// The signing key's fingerprint.
    public var keyFingerprint: String?
    /// The signing time the signature states.
    public var signedAt: String?
    /// The name of the trusted key that matches, when one does.
    public var trustedAs: String?
    /// Whether the signature was verified with a trusted key and covers this bag.
    public var verified: Bool
}
