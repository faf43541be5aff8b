import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord sign`: adds a signature to an existing bundle.
    struct Sign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a signature (or a countersignature) to a bundle.",
            discussion: """
                The bundle is validated first; only a valid bundle is signed. The signature covers \
                the whole bag through its digest chain (the tag manifest, and through it every \
                file's digest), and names the signer's organisation, key and the signing time. The \
                bundle is rewritten whole (temporary file, fsync, rename), in place unless -o is \
                given. The same key and time give the same bytes.

                EXAMPLES
                  accord sign bundle.tar.gz --key keys/id-mod.key --signer ID-MOD
                  accord sign bundle.tar.gz --key keys/deputy.key --signer ID-MOD \\
                      -o countersigned.tar.gz

                EXIT STATUS
                  0 signed; 1 invalid bundle (not signed); 2 usage or I/O error
                """
        )

        @Argument(help: "The bundle (.tar.gz) to sign.", completion: .file(extensions: ["gz"]))
        var bundle: String

        @Option(help: "The private key (PKCS#8 PEM) to sign with.", completion: .file(extensions: ["key"]))
        var key: String

        @Option(help: "The organisation the signature speaks for. Default: the bundle's sender.")
        var signer: String?

        @Option(name: .customLong("signed-at"), help: "The signing time, as 2025-07-30T00:00:00Z. Default: SOURCE_DATE_EPOCH, else now.")
        var signedAt: String?

        @Option(name: .shortAndLong, help: "Where to write the signed bundle. Default: replace the bundle.", completion: .file(extensions: ["gz"]))
        var output: String?

        @OptionGroup var report: ReportOptions

        func validate() throws {
            if let signer { try OptionChecks.organisationId(signer, option: "--signer") }
        }

        func run() async throws {
            Interrupts.noteLeftovers(beside: output ?? bundle)
            let signingKey = try loadSigningKey(key)
            let time = try timeFromOptionOrEnvironment(signedAt, option: "--signed-at")
            let progress = ProgressPrinter(report)
            let result = Result { () throws(FileError) -> BundleValidation in
                try BundleSigner().sign(bundle, key: signingKey, organisation: signer, signedAt: time, to: output ?? bundle, progress: progress.callback)
            }
            progress.finish()
            let status = printOutcomes([Outcome(result, file: bundle)], report) { outcome, valid in
                valid ? "\(output ?? bundle): signed with \(signingKey.publicKey.fingerprint)" : "\(bundle): invalid, not signed\(countsSuffix(outcome))"
            }
            throw status.exitCode
        }
    }
}
