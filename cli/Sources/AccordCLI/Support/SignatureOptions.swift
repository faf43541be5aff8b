import Accord
import ArgumentParser

/// How signatures are checked; shared by the commands that read bundles.
struct SignatureOptions: ParsableArguments {
    @Option(help: "A folder of trusted public keys (*.pub, one per partner ministry); signatures are checked against them.", completion: .directory)
    var trust: String?

    @OptionGroup var partners: PartnersOptions

    @Flag(name: .customLong("require-signature"), help: "Refuse a bundle without a valid signature by a trusted key.")
    var requireSignature = false

    func validate() throws {
        if requireSignature && trust == nil && partners.path == nil {
            throw ValidationError("--require-signature needs the keys to trust: --trust FOLDER or --partners FILE.")
        }
    }

    /// The bundle validator these options call for: the keys of the trust folder and of
    /// the partners file are trusted, and the partners' states fill in those an envelope
    /// does not give.
    func bundleValidator() throws -> BundleValidator {
        var keys: [TrustStore.Entry] = []
        do {
            if let trust { keys += try TrustStore(folder: trust).entries.values }
        } catch {
            Terminal.printError(error.description)
            throw ExitStatus.failure.exitCode
        }
        let loaded = try partners.load()
        if let loaded { keys += loaded.trustStore.entries.values }
        let store = trust == nil && loaded == nil ? nil : TrustStore(keys: keys)
        var validator = BundleValidator(signatures: SignaturePolicy(trust: store, required: requireSignature))
        validator.partners = loaded
        return validator
    }
}

/// `--created`-style times: an `xs:dateTime`, else `SOURCE_DATE_EPOCH`, else the clock.
func timeFromOptionOrEnvironment(_ text: String?, option: String) throws -> Timestamp {
    if let text {
        guard let time = Timestamp(xsdDateTime: text) else {
            throw ValidationError("\(option) must look like 2025-07-30T00:00:00Z (a time zone is required).")
        }
        return time
    }
    if let epoch = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }) {
        guard let seconds = Int(epoch), seconds >= 0 else { throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds.") }
        return Timestamp(secondsSinceEpoch: seconds)
    }
    return .now
}

/// Reads a private key file, exiting with status 2 and a clear message when it cannot.
func loadSigningKey(_ path: String) throws -> SigningKey {
    do {
        return try SigningKey(pemFile: path)
    } catch {
        Terminal.printError((error as? FileError)?.description ?? "\(path): \(error)")
        throw ExitStatus.failure.exitCode
    }
}
