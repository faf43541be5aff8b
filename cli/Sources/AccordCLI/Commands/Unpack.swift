import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord unpack`: validates a bundle while extracting it, keeping it only if valid.
    struct Unpack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Unpack a bundle into a folder, only if it is entirely valid.",
            discussion: """
                The bundle is checked while it is extracted into a staging folder beside the \
                destination; the staging folder becomes the destination only when every check \
                passes. On any failure nothing remains. An existing destination is never replaced \
                without --force.

                EXAMPLES
                  accord unpack received/ID-MOD-20250730T000000Z.tar.gz \\
                      -o inbox/ID-MOD-20250730
                  accord unpack bundle.tar.gz -o inbox/latest --force

                EXIT STATUS
                  0 unpacked; 1 invalid bundle (nothing kept); 2 usage or I/O error (nothing kept)
                """
        )

        @Argument(help: "The bundle (.tar.gz) to unpack, or - for one on standard input.", completion: .file(extensions: ["gz"]))
        var bundle: String

        @Option(name: .shortAndLong, help: "The folder to create; the bag's contents go directly in it.", completion: .directory)
        var output: String

        @Flag(help: "Replace the output folder if it exists.")
        var force = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var signatures: SignatureOptions

        func run() async throws {
            Interrupts.noteLeftovers(beside: output)
            let progress = ProgressPrinter(report)
            let unpacker = BundleUnpacker(validator: try signatures.bundleValidator())
            let result = Result { () throws(FileError) in
                try unpacker.unpack(bundle == StandardInput.name ? StandardInput().bundle() : .file(bundle), to: output, overwrite: force, refusingWarnings: report.strict, progress: progress.callback)
            }
            progress.finish()
            let outcome = Outcome(result, file: bundle)
            let status = printOutcomes([outcome], report) { outcome, valid in
                valid ? "\(bundle): unpacked into \(output)\(countsSuffix(outcome))" : "\(bundle): invalid, nothing unpacked\(countsSuffix(outcome))"
            }
            throw status.exitCode
        }
    }
}
