import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord validate`: checks record files and reports every problem.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check partnership records against the schema and the rules.",
            discussion: """
                Every problem in every file is reported, as path:line:col: severity[CODE]: message \
                on stderr (or in a JSON report on stdout with --format json). The codes are \
                explained in docs/rules.md.

                EXAMPLES
                  accord validate examples/indonesia-belarus-2025.xml
                  accord validate --format json --strict received/*.xml > report.json

                EXIT STATUS
                  0 all files valid; 1 at least one invalid; 2 usage error or unreadable file
                """
        )

        @Argument(help: "Record XML files to check.")
        var files: [String]

        @OptionGroup var report: ReportOptions

        func validate() throws {
            if files.isEmpty { throw ValidationError("Name at least one file to validate.") }
        }

        func run() async throws {
            let validator = RecordValidator()
            let outcomes = await Self.validateAll(files, with: validator)
            var entries: [JSONReport.Entry] = []
            var status = ExitStatus.valid
            for (file, outcome) in zip(files, outcomes) {
                switch outcome {
                case .success(let result):
                    let errors = result.diagnostics.filter { $0.severity == .error }.count
                    let warnings = result.diagnostics.count - errors
                    let valid = errors == 0 && !(report.strict && warnings > 0)
                    if !valid && status == .valid { status = .invalid }
                    entries.append(JSONReport.Entry(
                        file: file, valid: valid, recordId: result.record?.id, errors: errors, warnings: warnings,
                        diagnostics: result.diagnostics.map(JSONReport.JSONDiagnostic.init)))
                    if report.format == .text {
                        result.diagnostics.forEach { Terminal.printError($0.formatted) }
                        print("\(file): \(valid ? "valid" : "invalid")\(Self.counts(errors: errors, warnings: warnings))")
                    }
                case .failure(let error):
                    status = .failure
                    entries.append(JSONReport.Entry(
                        file: file, valid: false, recordId: nil, errors: 0, warnings: 0, diagnostics: [],
                        failure: error.description))
                    if report.format == .text { Terminal.printError("\(error.description)") }
                }
            }
            if report.format == .json {
                print(JSONReport(valid: status == .valid, files: entries).encoded())
            }
            throw status.exitCode
        }

        private static func counts(errors: Int, warnings: Int) -> String {
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
        }

        /// Validates files on all cores; results come back in the order of `files`.
        static func validateAll(_ files: [String], with validator: RecordValidator) async -> [Result<RecordValidation, FileError>] {
            await withTaskGroup(of: (Int, Result<RecordValidation, FileError>).self) { group in
                for (index, file) in files.enumerated() {
                    group.addTask { (index, Result { () throws(FileError) in try validator.validateFile(atPath: file) }) }
                }
                var results = [Result<RecordValidation, FileError>?](repeating: nil, count: files.count)
                for await (index, result) in group { results[index] = result }
                return results.map { $0! }
            }
        }
    }
}
