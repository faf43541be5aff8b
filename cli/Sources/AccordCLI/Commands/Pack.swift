import Accord
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AccordCommand {
    /// `accord pack`: validates records and packs them into a bundle.
    struct Pack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Pack validated records (and their attachments) into a bundle.",
            discussion: """
                Every record is validated first; if any fails, every failure is listed and nothing \
                is written. The bundle is a BagIt bag serialised as tar + gzip \
                (docs/bundle-format.md), written to a temporary file beside the destination, \
                flushed to disk and renamed into place. The same inputs and creation time give \
                byte-identical bundles: the time comes from --created, else SOURCE_DATE_EPOCH, \
                else the clock.

                Release control: each recipient's state (from --recipient BY-MOD=BLR or the \
                partners file) is checked against every record's label; a record that may not \
                be released to a recipient's state is refused, and nothing is written \
                (docs/rules.md, codes L001 to L005).

                Attachments named by a record's <document attachment="NAME"> are taken from \
                attachments/NAME beside the record file, or NAME beside it.

                EXAMPLES
                  accord pack examples/indonesia-belarus-2025.xml -o bundle.tar.gz \\
                      --sender ID-MOD --recipient BY-MOD=BLR
                  accord pack records/ -o out.tar.gz --sender ID-MOD --recipient BY-MOD \\
                      --partners partners.toml --sign keys/id-mod.key
                  accord pack records/ -o out.tar.gz --sender ID-MOD --recipient BY-MOD=BLR \\
                      --recipient RU-MOD=RUS --created 2025-07-30T00:00:00Z --level 9

                EXIT STATUS
                  0 written; 1 invalid input (nothing written); 2 usage or I/O error (nothing written)
                """
        )

        @Argument(
            help: "Record files (.xml, or .json in the JSON form), or folders: every .xml and .json file in them and in their subfolders.",
            completion: .file(extensions: ["xml", "json"]))
        var inputs: [String]

        @Option(name: .shortAndLong, help: "The bundle to write (.tar.gz).", completion: .file(extensions: ["gz"]))
        var output: String

        @Option(help: "The sending organisation's identifier (for example ID-MOD).")
        var sender: String

        @Option(help: ArgumentHelp(
            "A receiving organisation, as BY-MOD=BLR (its identifier and its state), or BY-MOD when the partners file gives its state; repeat for several.",
            valueName: "id[=state]"))
        var recipient: [String] = []

        @OptionGroup var partners: PartnersOptions

        @Option(help: "The creation time, as 2025-07-30T00:00:00Z. Default: SOURCE_DATE_EPOCH, else now.")
        var created: String?

        @Option(help: "The bundle identifier and top-level folder. Default: SENDER-YYYYMMDDTHHMMSSZ.")
        var id: String?

        @Option(
            help: "The bundle's classification. Default: the highest of its records'.",
            completion: .list(ConfidentialityLabel.Classification.allCases.map(\.rawValue)))
        var classification: String?

        @Option(help: "The security policy of the bundle's label. Default: the sender.")
        var policy: String?

        @Option(name: .customLong("releasable-to"), help: "A state (ISO 3166-1 alpha-3) the bundle may be released to; repeat for several. Default: the states every record may go to.")
        var releasableTo: [String] = []

        @Option(help: "gzip compression level, 0 to 9.")
        var level: Int = 6

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        @Option(help: "A private key (PKCS#8 PEM, from accord keygen) to sign the bundle with; repeat to countersign.", completion: .file(extensions: ["key"]))
        var sign: [String] = []

        @Option(help: "The organisation the signature speaks for. Default: the sender.")
        var signer: String?

        @OptionGroup var report: ReportOptions

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("Name at least one record file or folder.") }
            if recipient.isEmpty { throw ValidationError("Name at least one --recipient.") }
            try OptionChecks.organisationId(sender, option: "--sender")
            if let policy { try OptionChecks.organisationId(policy, option: "--policy") }
            if let id { try OptionChecks.bundleId(id) }
            for given in recipient { _ = try Self.parseRecipient(given) }
            for state in releasableTo where !ReleaseRules.isStateCode(state) {
                throw ValidationError("--releasable-to \(state): not an ISO 3166-1 alpha-3 country code (three capital letters, such as BLR for Belarus or IDN for Indonesia).")
            }
            if !(0...9).contains(level) { throw ValidationError("--level must be between 0 and 9.") }
            if let classification, ConfidentialityLabel.Classification(rawValue: classification) == nil {
                let known = ConfidentialityLabel.Classification.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("--classification must be one of: \(known).")
            }
            _ = try creationTime()
            if let signer { try OptionChecks.organisationId(signer, option: "--signer") }
        }

        /// `BY-MOD=BLR` or `BY-MOD`.
        static func parseRecipient(_ given: String) throws -> BundleEnvelope.Recipient {
            let parts = given.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            try OptionChecks.organisationId(parts[0], option: "--recipient")
            guard parts.count == 2 else { return BundleEnvelope.Recipient(parts[0]) }
            guard ReleaseRules.isStateCode(parts[1]) else {
                throw ValidationError("--recipient \(given): '\(parts[1])' is not an ISO 3166-1 alpha-3 country code (three capital letters, such as BLR for Belarus).")
            }
            return BundleEnvelope.Recipient(parts[0], state: parts[1])
        }

        /// The recipients with their states: as given, else from the partners file. A state
        /// given that contradicts the partners file is a usage error.
        func recipients(_ partners: Partners?) throws -> [BundleEnvelope.Recipient] {
            try recipient.map { given in
                var parsed = try Self.parseRecipient(given)
                let known = partners?.partner(parsed.organisation)?.state
                if let state = parsed.state, let known, state != known {
                    Terminal.printError("--recipient \(given): the partners file says \(parsed.organisation) belongs to \(known), not \(state); correct one of them")
                    throw ExitStatus.failure.exitCode
                }
                parsed.state = parsed.state ?? known
                return parsed
            }
        }

        /// `--created`, else `SOURCE_DATE_EPOCH`, else the clock.
        func creationTime() throws -> Timestamp {
            try timeFromOptionOrEnvironment(created, option: "--created")
        }

        func run() async throws {
            Interrupts.noteLeftovers(beside: output)
            let created = try creationTime()
            var options = PackOptions(
                sender: sender, recipients: try recipients(partners.load()), created: created, bundleId: id,
                classification: classification.flatMap(ConfidentialityLabel.Classification.init(rawValue:)),
                policy: policy, releasableTo: releasableTo.isEmpty ? nil : releasableTo, compressionLevel: level, overwrite: force)
            // Signed at the creation time, so that a signed bundle stays reproducible.
            options.signers = try sign.map { Signer(key: try loadSigningKey($0), organisation: signer ?? sender, signedAt: created) }
            let progress = ProgressPrinter(report)
            var outcome = Outcome(file: output, kind: "bundle", bundleId: options.effectiveBundleId)
            var records = 0
            do {
                var packer = BundlePacker()
                packer.refusesWarnings = report.strict
                let summary = try packer.pack(inputs, to: output, options: options, progress: progress.callback)
                outcome.diagnostics = summary.warnings
                records = summary.records
            } catch {
                switch error {
                case .invalidInput(let diagnostics): outcome.diagnostics = diagnostics
                case .file(let error): outcome.failure = error.commandLineDescription
                default: outcome.failure = error.description
                }
            }
            progress.finish()
            let status = printOutcomes([outcome], report) { outcome, valid in
                valid ? "\(output): wrote \(records) record\(records == 1 ? "" : "s")" : "\(output): not written\(countsSuffix(outcome))"
            }
            throw status.exitCode
        }
    }
}
