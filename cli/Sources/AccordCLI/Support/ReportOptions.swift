import ArgumentParser

/// How results are reported; shared by every command that checks inputs.
struct ReportOptions: ParsableArguments {
    /// The report formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(help: "Report format: text (diagnostics on stderr) or json (a report on stdout).")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors when deciding the exit status.")
    var strict = false

    @Flag(help: "Under each message put in plain words, also show the schema validator's own (libxml2's).")
    var verbose = false

    @Flag(name: [.customShort("q"), .long], help: "Show no progress, even on a terminal.")
    var quiet = false

    @Flag(help: "Show progress on standard error even when it is not a terminal.")
    var progress = false

    func validate() throws {
        if quiet && progress { throw ValidationError("--quiet and --progress contradict each other; give one.") }
    }
}
