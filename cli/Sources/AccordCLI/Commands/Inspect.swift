import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord inspect`: shows what a bundle holds, without unpacking it.
    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what a bundle holds (sender, label, records, sizes, digests), writing nothing.",
            discussion: """
                The bundle is read and checked in full, in memory-bounded streaming, but nothing is \
                written to disk. The verdict and any problems are shown after the contents.

                EXAMPLES
                  accord inspect received/ID-MOD-20250730T000000Z.tar.gz
                  accord inspect --format json bundle.tar.gz | jq '.envelope.records[].id'
                  accord inspect bundle.tar.gz --trust partners/
                  accord inspect --summary bundle.tar.gz

                EXIT STATUS
                  0 valid bundle; 1 invalid bundle; 2 usage error or unreadable file
                """
        )

        @Argument(help: "The bundle (.tar.gz or unpacked folder), or - for one on standard input.", completion: .file(extensions: ["gz"]))
        var bundle: String

        @Flag(help: "Show counts, sizes, labels and signers only, without listing every record.")
        var summary = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var signatures: SignatureOptions

        /// What `--summary` shows: the bundle at a glance, whatever its size.
        struct Summary: Encodable {
            var bundleId: String?
            var sender: String?
            var recipients: [String]
            var label: ConfidentialityLabel?
            var records: Int
            /// Records by classification and by status, in the schema's order.
            var classifications: [String: Int]
            var statuses: [String: Int]
            var attachments: Int
            var files: Int
            var payloadBytes: Int
            var signers: [String]

            init(_ validation: BundleValidation) {
                let envelope = validation.envelope
                bundleId = envelope?.bundleId
                sender = envelope?.sender
                recipients = envelope?.recipients.map(\.description) ?? []
                label = envelope?.confidentiality
                records = envelope?.records?.count ?? 0
                classifications = Dictionary(grouping: envelope?.records ?? [], by: \.classification.rawValue).mapValues(\.count)
                statuses = Dictionary(grouping: envelope?.records ?? [], by: \.status.rawValue).mapValues(\.count)
                attachments = envelope?.attachments?.count ?? 0
                files = validation.files.count
                payloadBytes = validation.files.filter { $0.path.hasPrefix("data/") }.reduce(0) { $0 + $1.size }
                signers = validation.signatures.map { "\($0.organisation ?? "?") (\(Inspect.trust(of: $0)))" }
            }

            var text: String {
                var lines = [
                    "Bundle      \(bundleId ?? "?")",
                    "Sender      \(sender ?? "?")",
                    "Recipients  \(recipients.joined(separator: ", "))",
                ]
                if let label {
                    lines.append("Label       \(label.classification.rawValue) (policy \(label.policy))"
                        + (label.releasableTo.isEmpty ? "" : ", releasable to \(label.releasableTo.joined(separator: ", "))"))
                }
                let byClassification = ConfidentialityLabel.Classification.allCases.compactMap { c in classifications[c.rawValue].map { "\($0) \(c.rawValue)" } }
                let byStatus = AgreementStatus.allCases.compactMap { s in statuses[s.rawValue].map { "\($0) \(s.rawValue)" } }
                lines += [
                    "Records     \(records)" + (byClassification.isEmpty ? "" : ": \(byClassification.joined(separator: ", "))"),
                    "Statuses    \(byStatus.joined(separator: ", "))",
                    "Attachments \(attachments)",
                    "Files       \(files), \(payloadBytes) bytes of payload",
                    "Signatures  \(signers.isEmpty ? "none" : signers.joined(separator: "; "))",
                ]
                return lines.map(printable).joined(separator: "\n")
            }
        }

        /// The `--format json` document.
        struct Inspection: Encodable {
            var file: String
            var valid: Bool
            var envelope: BundleEnvelope?
            var signatures: [SignatureCheck]
            var files: [BundleValidation.File]
            var diagnostics: [Diagnostic]
        }

        func run() async throws {
            let progress = ProgressPrinter(report)
            var validator = try signatures.bundleValidator()
            validator.keepsIndex = true
            let result = Result { () throws(FileError) in
                try validator.validate(bundle == StandardInput.name ? StandardInput().bundle() : .file(bundle), progress: progress.callback)
            }
            progress.finish()
            guard case .success(let validation) = result else {
                let outcome = Outcome(result, file: bundle)
                throw printOutcomes([outcome], report) { _, _ in "" }.exitCode
            }
            let outcome = Outcome(result, file: bundle)
            let valid = outcome.isValid(strict: report.strict)
            if summary {
                let summary = Summary(validation)
                switch report.format {
                case .json:
                    struct Document: Encodable { var file: String; var valid: Bool; var summary: Summary; var diagnostics: [Diagnostic] }
                    print(encodeJSON(Document(file: bundle, valid: valid, summary: summary, diagnostics: validation.diagnostics.map(\.withCommandLineHint))))
                case .text:
                    print(summary.text)
                    validation.diagnostics.forEach { Terminal.printError($0.withCommandLineHint.formatted) }
                    print("\(bundle): \(valid ? "valid" : "invalid")\(countsSuffix(outcome))")
                }
                throw (valid ? ExitStatus.valid : .invalid).exitCode
            }
            switch report.format {
            case .json:
                print(encodeJSON(Inspection(
                    file: bundle, valid: valid, envelope: validation.envelope, signatures: validation.signatures, files: validation.files,
                    diagnostics: validation.diagnostics.map(\.withCommandLineHint))))
            case .text:
                print(Self.describe(validation))
                validation.diagnostics.forEach { Terminal.printError($0.withCommandLineHint.formatted) }
                print("\(bundle): \(valid ? "valid" : "invalid")\(countsSuffix(outcome))")
            }
            throw (valid ? ExitStatus.valid : .invalid).exitCode
        }

        /// What is known of a signature's key: verified and trusted, failing, or not trusted.
        static func trust(of signature: SignatureCheck) -> String {
            signature.verified ? "verified, trusted as '\(signature.trustedAs ?? "")'"
                : signature.trustedAs != nil ? "DOES NOT VERIFY" : "not verified: key not trusted"
        }

        static func describe(_ validation: BundleValidation) -> String {
            var lines: [String] = []
            if let envelope = validation.envelope {
                let label = envelope.confidentiality
                lines += [
                    "Bundle      \(envelope.bundleId)",
                    "Sender      \(envelope.sender)",
                    "Recipients  \(envelope.recipients.map(\.description).joined(separator: ", "))",
                    "Created     \(envelope.created)",
                    "Label       \(label.classification.rawValue) (policy \(label.policy))"
                        + (label.releasableTo.isEmpty ? "" : ", releasable to \(label.releasableTo.joined(separator: ", "))"),
                    "",
                    "Records (\(envelope.records?.count ?? 0))",
                ]
                let sizes = Dictionary(validation.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                for entry in envelope.records ?? [] {
                    let title = entry.title.first { $0.language == "en" }?.text ?? entry.title.first?.text ?? ""
                    let file = sizes[entry.path]
                    lines.append("  \(entry.id)  \(entry.status.rawValue)  \(entry.classification.rawValue)  \(file.map { "\($0.size) bytes" } ?? "missing")")
                    lines.append("      \(title)")
                    if let file { lines.append("      sha512 \(file.sha512.prefix(32))…") }
                }
                if let attachments = envelope.attachments, !attachments.isEmpty {
                    lines.append("")
                    lines.append("Attachments (\(attachments.count))")
                    for path in attachments {
                        lines.append("  \(path)  \(sizes[path].map { "\($0.size) bytes" } ?? "missing")")
                    }
                }
            } else {
                lines.append("No valid envelope; files read:")
            }
            lines.append("")
            lines.append("Signatures (\(validation.signatures.count))")
            for signature in validation.signatures {
                lines.append("  \(signature.organisation ?? "?")  signed \(signature.signedAt ?? "?")  \(trust(of: signature))")
                lines.append("      key \(signature.keyFingerprint ?? "?")")
            }
            let total = validation.files.reduce(0) { $0 + $1.size }
            lines.append("")
            lines.append("\(validation.files.count) files, \(total) bytes")
            // Everything shown comes from the bundle: make it safe for the terminal.
            return lines.map(printable).joined(separator: "\n")
        }
    }
}
