/// An office's partner organisations: for each, the state it belongs to, its name and
/// the public keys it signs with. One file per office (`docs/partners.md`) tells `pack`
/// the state of every recipient, for release control, and tells `validate` whose
/// signatures to trust: the trust folder is one view of it (``trustStore``).
public struct Partners: Sendable, Hashable {
    /// One partner organisation.
    public struct Partner: Sendable, Hashable {
        /// The organisation's identifier (for example `BY-MOD`).
        public var organisation: String
        /// The ISO 3166-1 alpha-3 code of its state (for example `BLR`).
        public var state: String
        /// Its name, for people.
        public var name: String?
        /// The Ed25519 public keys its signatures are checked with.
        public var signingKeys: [SigningKey.PublicKey]

        /// Creates a partner.
        public init(organisation: String, state: String, name: String? = nil, signingKeys: [SigningKey.PublicKey] = []) {
            self.organisation = organisation
            self.state = state
            self.name = name
            self.signingKeys = signingKeys
        }
    }

    /// The partners, in the order given.
    public var partners: [Partner]

    /// These partners.
    public init(_ partners: [Partner]) {
        self.partners = partners
    }

    /// Reads a partners file; paths of keys in it are relative to the file's folder.
    /// Every mistake in the file is reported, each with its line.
    public init(file path: String) throws(PartnersFileError) {
        let bytes: [UInt8]
        do { bytes = try FileReader.read(path, maxBytes: 1 << 20) } catch {
            throw PartnersFileError(path: path, problems: [.init(line: nil, message: error.problem)])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PartnersFileError(path: path, problems: [.init(line: nil, message: "the file is not UTF-8 text")])
        }
        self = try PartnersFile.parse(text, path: path, keyFolder: parentFolder(of: path))
    }

    /// The partner with this organisation identifier.
    public func partner(_ organisation: String) -> Partner? {
        partners.first { $0.organisation == organisation }
    }

    /// `organisation` as a recipient, with its state when it is a partner.
    public func recipient(_ organisation: String) -> BundleEnvelope.Recipient {
        BundleEnvelope.Recipient(organisation, state: partner(organisation)?.state)
    }

    /// The partners' signing keys as a trust store, each trusted under its organisation.
    public var trustStore: TrustStore {
        TrustStore(keys: partners.flatMap { partner in partner.signingKeys.map { TrustStore.Entry(name: partner.organisation, key: $0) } })
    }
}

/// A partners file that could not be read, with every mistake found in it.
public struct PartnersFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One mistake, on a line of the file (nil when it concerns the whole file).
    public struct Problem: Sendable, Hashable {
        /// The line, from 1.
        public var line: Int?
        /// What is wrong and what is expected.
        public var message: String

        /// Creates a problem.
        public init(line: Int?, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// The file.
    public var path: String
    /// Every mistake, in the order of the file.
    public var problems: [Problem]

    /// Creates an error.
    public init(path: String, problems: [Problem]) {
        self.path = path
        self.problems = problems
    }

    /// One `path:line: message` line per problem.
    public var description: String {
        problems.map { problem in "\(path)\(problem.line.map { ":\($0)" } ?? ""): \(problem.message)" }.joined(separator: "\n")
    }
}
