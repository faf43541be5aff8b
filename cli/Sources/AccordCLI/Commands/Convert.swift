import Accord
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AccordCommand {
    /// `accord convert`: records and bundles to JSON, and JSON records back to XML.
    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a record or a bundle to JSON, or a JSON record back to XML.",
            discussion: """
                A record (.xml) becomes JSON; a JSON record (.json) becomes canonical XML; a bundle \
                (.tar.gz or bag folder) becomes one JSON document {"envelope", "records"}, or with \
                --ndjson one record per line. The input is validated first (a bundle with every \
                check of accord validate); invalid input is not converted and nothing is written. \
                The mapping is described in docs/json-mapping.md; the JSON validates against \
                schemas/partnership-record-v1.schema.json and schemas/bundle-v1.schema.json.

                EXAMPLES
                  accord convert examples/indonesia-belarus-2025.xml -o record.json
                  accord convert record.json --to xml -o record.xml
                  accord convert received.tar.gz --ndjson | jq -c '.recordId'
                  cat record.json | accord convert - --to xml

                EXIT STATUS
                  0 converted; 1 invalid input (nothing written); 2 usage or I/O error
                """
        )

        enum Target: String, ExpressibleByArgument, CaseIterable {
            case json
            case xml
        }

        @Argument(help: "A record (.xml or .json), a bundle (.tar.gz or bag folder), or - for either on standard input.", completion: .file(extensions: ["xml", "json", "gz"]))
        var input: String

        @Option(help: "The form to produce: json or xml. Default: json for XML and bundles, xml for JSON.")
        var to: Target?

        @Flag(help: "For a bundle: one record per line (NDJSON) instead of one document.")
        var ndjson = false

        @Option(name: .shortAndLong, help: "The file to write (written whole or not at all). Default: stdout.", completion: .file())
        var output: String?

        @Flag(help: "Replace the output file if it exists.")
        var force = false

        @OptionGroup var report: ReportOptions
        @OptionGroup var signatures: SignatureOptions

        func validate() throws {
            if report.format == .json && (output == nil || output == "-") {
                throw ValidationError(
                    "--format json prints a report on standard output, where the converted document goes too: write the document to a file with -o FILE, or leave out --format json.")
            }
        }

        func run() async throws {
            if let output, output != "-" { Interrupts.noteLeftovers(beside: output) }
            var stdin: StandardInput?
            if input == StandardInput.name {
                do {
                    stdin = try StandardInput()
                } catch {
                    Terminal.printError(error.commandLineDescription)
                    throw ExitStatus.failure.exitCode
                }
            }
            let kind = stdin?.kind ?? InputKind.of(input)
            if kind == .bundle {
                if to == .xml { throw ValidationError("A bundle converts to JSON only (--to json).") }
                try convertBundle(stdin)
            } else {
                if ndjson { throw ValidationError("--ndjson applies to bundles only.") }
                try convertRecord(stdin)
            }
        }

        private func convertRecord(_ stdin: StandardInput?) throws {
            let validator = RecordValidator()
            let name = input
            let result: Result<RecordValidation, FileError>
            var fromJSON = input.hasSuffix(".json")
            if let stdin {
                fromJSON = stdin.isJSON
                result = stdin.validateRecord(with: validator)
            } else {
                result = Result { () throws(FileError) in try validator.validateRecordFile(atPath: input) }
            }
            let target = to ?? (fromJSON ? .xml : .json)
            var outcome = Outcome(result, file: name)
            if case .success(let validation) = result, outcome.isValid(strict: report.strict), let record = validation.record {
                do {
                    try write(target == .json ? record.jsonBytes() : record.xmlBytes())
                } catch let error as FileError {
                    outcome.failure = error.commandLineDescription
                }
            }
            try finish(outcome)
        }

        private func convertBundle(_ stdin: StandardInput?) throws {
            let destination = try output.flatMap { $0 == "-" ? nil : try AtomicFile(destination: $0, overwrite: force) }
            let converter = BundleJSONConverter(validator: try signatures.bundleValidator())
            var outcome: Outcome
            let progress = ProgressPrinter(report)
            do {
                let validation = try converter.convert(stdin?.bundle() ?? .file(input), ndjson: ndjson, progress: progress.callback) { bytes throws(FileError) in
                    if let destination { try destination.write(bytes) } else { Self.writeStandardOutput(bytes) }
                }
                outcome = Outcome(.success(validation), file: input)
                if outcome.isValid(strict: report.strict) { try destination?.commit() }
            } catch {
                outcome = Outcome(file: input, kind: "bundle", failure: error.commandLineDescription)
            }
            progress.finish()
            try finish(outcome)
        }

        /// Reports problems on stderr and exits with the documented status. Converted output
        /// goes to stdout, so a verdict line is printed only when writing to a file.
        private func finish(_ outcome: Outcome) throws {
            if report.format == .json {
                throw printOutcomes([outcome], report) { _, _ in "" }.exitCode
            }
            let quiet = output == nil || output == "-"
            outcome.diagnostics.forEach { Terminal.printError($0.formatted) }
            if let failure = outcome.failure {
                Terminal.printError(failure)
                throw ExitStatus.failure.exitCode
            }
            let valid = outcome.isValid(strict: report.strict)
            if !valid {
                Terminal.printError("\(outcome.file): invalid, not converted\(countsSuffix(outcome))")
                throw ExitStatus.invalid.exitCode
            }
            if !quiet { print("\(outcome.file): converted to \(output!)") }
            throw ExitStatus.valid.exitCode
        }

        private func write(_ bytes: [UInt8]) throws {
            guard let output, output != "-" else {
                Self.writeStandardOutput(bytes)
                return
            }
            let file = try AtomicFile(destination: output, overwrite: force)
            try file.write(bytes)
            try file.commit()
        }

        static func writeStandardOutput(_ bytes: [UInt8]) {
            Terminal.write(bytes, to: 1)
        }

    }
}
