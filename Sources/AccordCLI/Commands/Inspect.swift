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

                EXIT STATUS
                  0 valid bundle; 1 invalid bundle; 2 usage error or unreadable file
                """
        )

        @Argument(help: "The bundle (.tar.gz or unpacked folder).", completion: .file(extensions: ["gz"]))
        var bundle: String

        @OptionGroup var report: ReportOptions
        @OptionGroup var signatures: SignatureOptions

        /// The `--format json` document.
        struct Inspection: Encodable {
            var file: String
            var valid: Bool
            var envelope: BundleEnvelope?
            var signatures: [SignatureCheck]
            var files: [BundleValidation.File]
            var diagnostics: [JSONReport.JSONDiagnostic]
        }

        func run() async throws {
            let progress = ProgressPrinter(report)
            var validator = try signatures.bundleValidator()
            validator.keepsIndex = true
            let result = Result { () throws(FileError) in try validator.validate(atPath: bundle, progress: progress.callback) }
            progress.finish()
            guard case .success(let validation) = result else {
                throw printOutcomes([Outcome(result, file: bundle)], report) { _, _ in "" }.exitCode
            }
            let outcome = Outcome(result, file: bundle)
            let valid = outcome.isValid(strict: report.strict)
            switch report.format {
            case .json:
                print(encodeJSON(Inspection(
                    file: bundle, valid: valid, envelope: validation.envelope, signatures: validation.signatures, files: validation.files,
                    diagnostics: validation.diagnostics.map(JSONReport.JSONDiagnostic.init))))
            case .text:
                print(Self.describe(validation))
                validation.diagnostics.forEach { Terminal.printError($0.formatted) }
                print("\(bundle): \(valid ? "valid" : "invalid")\(countsSuffix(outcome))")
            }
            throw (valid ? ExitStatus.valid : .invalid).exitCode
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
                    "Records (\(envelope.records.count))",
                ]
                let sizes = Dictionary(validation.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
                for entry in envelope.records {
                    let title = entry.title.first { $0.language == "en" }?.text ?? entry.title.first?.text ?? ""
                    let file = sizes[entry.path]
                    lines.append("  \(entry.id)  \(entry.status.rawValue)  \(entry.classification.rawValue)  \(file.map { "\($0.size) bytes" } ?? "missing")")
                    lines.append("      \(title)")
                    if let file { lines.append("      sha512 \(file.sha512.prefix(32))…") }
                }
                if !envelope.attachments.isEmpty {
                    lines.append("")
                    lines.append("Attachments (\(envelope.attachments.count))")
                    for path in envelope.attachments {
                        lines.append("  \(path)  \(sizes[path].map { "\($0.size) bytes" } ?? "missing")")
                    }
                }
            } else {
                lines.append("No valid envelope; files read:")
            }
            lines.append("")
            lines.append("Signatures (\(validation.signatures.count))")
            for signature in validation.signatures {
                let trust = signature.verified ? "verified, trusted as '\(signature.trustedAs ?? "")'"
                    : signature.trustedAs != nil ? "DOES NOT VERIFY" : "not verified: key not trusted"
                lines.append("  \(signature.organisation ?? "?")  signed \(signature.signedAt ?? "?")  \(trust)")
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
