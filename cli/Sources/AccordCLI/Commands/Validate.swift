import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord validate`: checks records and bundles and reports every problem.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check records and bundles against the schemas, the rules and BagIt.",
            discussion: """
                Each input is a record (.xml), a bundle (.tar.gz, recognised by its content) or \
                an unpacked bundle folder. A bundle is checked in one streaming pass: the archive's \
                safety, BagIt completeness and fixity, the envelope, every record, and the \
                cross-checks between them. Every problem is reported, as \
                path:line:col: severity[CODE]: message on stderr (path[entry]:line for a file \
                inside a bundle), or in a JSON report on stdout with --format json. The codes are \
                explained in docs/rules.md.

                EXAMPLES
                  accord validate examples/indonesia-belarus-2025.xml
                  accord validate received/ID-MOD-20250730T000000Z.tar.gz
                  accord validate --format json --strict received/*.xml > report.json
                  accord validate received/bundle.tar.gz --trust partners/ --require-signature
                  accord validate --profile bagit some-bag/

                EXIT STATUS
                  0 all inputs valid; 1 at least one invalid; 2 usage error or unreadable input
                """
        )

        @Argument(help: "Records (.xml, or .json in the JSON form), bundles (.tar.gz) or unpacked bundle folders; - for standard input.", completion: .file(extensions: ["xml", "json", "gz"]))
        var inputs: [String]

        @OptionGroup var report: ReportOptions
        @OptionGroup var signatures: SignatureOptions

        @Option(help: "The rules bags are held to: accord (an Accord bundle, the default) or bagit (any BagIt bag, by RFC 8493 alone: no envelope or records; docs/bagit-conformance.md).")
        var profile: Profile = .accord

        /// The values of `--profile`.
        enum Profile: String, ExpressibleByArgument, CaseIterable {
            case accord, bagit

            var bagProfile: BagProfile { self == .accord ? .accord : .bagit }
        }

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("Name at least one record or bundle to validate.") }
            if inputs.filter({ $0 == StandardInput.name }).count > 1 { throw ValidationError("- (standard input) can be named once.") }
        }

        func run() async throws {
            let progress = ProgressPrinter(report)
            let records = RecordValidator()
            var configured = try signatures.bundleValidator()
            configured.profile = profile.bagProfile
            let bundles = configured
            let stdin = inputs.contains(StandardInput.name) ? Result { () throws(FileError) in try StandardInput() } : nil
            let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
                for (index, input) in inputs.enumerated() {
                    group.addTask {
                        if input == StandardInput.name, let stdin {
                            switch stdin {
                            case .failure(let error): return (index, Outcome(file: input, kind: "record", failure: error.commandLineDescription))
                            case .success(let spooled):
                                switch spooled.kind {
                                case .record:
                                    return (index, Outcome(spooled.validateRecord(with: records), file: input))
                                case .bundle:
                                    return (index, Outcome(Result { () throws(FileError) in
                                        try bundles.validate(spooled.bundle(), progress: progress.callback)
                                    }, file: input))
                                }
                            }
                        }
                        switch InputKind.of(input) {
                        case .record:
                            return (index, Outcome(Result { () throws(FileError) in try records.validateRecordFile(atPath: input) }, file: input))
                        case .bundle:
                            return (index, Outcome(Result { () throws(FileError) in
                                try bundles.validate(atPath: input, progress: progress.callback)
                            }, file: input))
                        }
                    }
                }
                var outcomes = [Outcome?](repeating: nil, count: inputs.count)
                for await (index, outcome) in group { outcomes[index] = outcome }
                return outcomes.map { $0! }
            }
            progress.finish()
            let status = printOutcomes(outcomes, report) { outcome, valid in
                "\(outcome.file): \(valid ? "valid" : "invalid")\(countsSuffix(outcome))"
            }
            throw status.exitCode
        }
    }
}
