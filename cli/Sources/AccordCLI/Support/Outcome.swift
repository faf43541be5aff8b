import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened to one input, ready to be reported as text or JSON.
struct Outcome {
    var file: String
    var kind: String
    var diagnostics: [Diagnostic] = []
    var recordId: String?
    var bundleId: String?
    /// The input could not be read, or the output written.
    var failure: String?
    /// Some checks could not run until the problems reported are fixed.
    var checksRemain = false

    var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    var warnings: Int { diagnostics.count - errors }

    func isValid(strict: Bool) -> Bool {
        failure == nil && errors == 0 && !(strict && warnings > 0)
    }

    init(file: String, kind: String, diagnostics: [Diagnostic] = [], recordId: String? = nil, bundleId: String? = nil, failure: String? = nil) {
        self.file = file
        self.kind = kind
        self.diagnostics = diagnostics
        self.recordId = recordId
        self.bundleId = bundleId
        self.failure = failure
    }

    init(_ result: Result<RecordValidation, FileError>, file: String) {
        switch result {
        case .success(let validation):
            self.init(file: file, kind: "record", diagnostics: validation.diagnostics, recordId: validation.record?.id)
            checksRemain = validation.checksRemain
        case .failure(let error):
            self.init(file: file, kind: "record", failure: error.commandLineDescription)
        }
    }

    init(_ result: Result<BundleValidation, FileError>, file: String) {
        switch result {
        case .success(let validation):
            self.init(file: file, kind: "bundle", diagnostics: validation.diagnostics, bundleId: validation.envelope?.bundleId)
        case .failure(let error):
            self.init(file: file, kind: "bundle", failure: error.commandLineDescription)
        }
    }
}

/// Prints outcomes as the user asked and returns the exit status they call for.
///
/// Text: diagnostics on standard error as `path:line:col: severity[CODE]: message`, then a
/// verdict line per input on standard output. JSON: one report on standard output.
func printOutcomes(_ outcomes: [Outcome], _ options: ReportOptions, verdict: (Outcome, Bool) -> String) -> ExitStatus {
    var status = ExitStatus.valid
    for outcome in outcomes {
        if outcome.failure != nil {
            status = .failure
        } else if !outcome.isValid(strict: options.strict) && status == .valid {
            status = .invalid
        }
    }
    switch options.format {
    case .text:
        for outcome in outcomes {
            for diagnostic in outcome.diagnostics.map(\.withCommandLineHint) {
                Terminal.printError(diagnostic.formatted)
                if options.verbose, let technical = diagnostic.technical { Terminal.printError("  libxml2: \(printable(technical))") }
            }
            if let failure = outcome.failure {
                Terminal.printError(failure)
            } else {
                var line = verdict(outcome, outcome.isValid(strict: options.strict))
                if outcome.checksRemain { line += "; more checks follow once these are fixed" }
                print(line)
            }
        }
    case .json:
        let entries = outcomes.map { outcome in
            ValidationReport.Entry(
                file: outcome.file, kind: ValidationReport.Entry.Kind(rawValue: outcome.kind) ?? .record,
                valid: outcome.isValid(strict: options.strict), recordId: outcome.recordId, bundleId: outcome.bundleId,
                diagnostics: outcome.diagnostics.map(\.withCommandLineHint), checksRemain: outcome.checksRemain, failure: outcome.failure)
        }
        print(encodeJSON(ValidationReport(files: entries, valid: status == .valid)))
    }
    return status
}

/// ` (2 errors, 1 warning)`, or nothing when there are none.
func countsSuffix(_ outcome: Outcome) -> String {
    var parts: [String] = []
    if outcome.errors > 0 { parts.append("\(outcome.errors) error\(outcome.errors == 1 ? "" : "s")") }
    if outcome.warnings > 0 { parts.append("\(outcome.warnings) warning\(outcome.warnings == 1 ? "" : "s")") }
    return parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
}

extension FileError {
    /// The library's message, with the option that changes the outcome where one does.
    var commandLineDescription: String {
        reason == .alreadyExists ? "\(description) (--force replaces it)" : shellDescription
    }

    /// The library's message, with the shell command that helps where one does: a folder
    /// to write in that does not exist is made with `mkdir -p`.
    var shellDescription: String {
        if case .cannotOpenFolder(let code) = reason, code == ENOENT { return "\(description) (mkdir -p)" }
        return description
    }
}

extension Diagnostic {
    /// The diagnostic with the command line's way of doing what its message asks, where
    /// the library's words (for any caller) name none: a recipient's state is given with
    /// `--recipient ORG=STATE` or in the file `--partners` names.
    var withCommandLineHint: Diagnostic {
        guard code == .recipientStateUnknown else { return self }
        var hinted = self
        hinted.message += " (on the command line: --recipient ORG=STATE when packing, or --partners FILE)"
        return hinted
    }
}
