import Accord
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--partners FILE`, else `$ACCORD_PARTNERS`: the office's partners file
/// (docs/partners.md), read once per command.
struct PartnersOptions: ParsableArguments {
    @Option(name: .customLong("partners"), help: ArgumentHelp(
        "The office's partners file: each partner's state and signing keys (default: $ACCORD_PARTNERS).",
        valueName: "file"), completion: .file(extensions: ["toml"]))
    var file: String?

    /// The file named, by the option or the environment.
    var path: String? {
        file ?? getenv("ACCORD_PARTNERS").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The partners, or nil when no file is named; a file with mistakes lists every one
    /// and exits with status 2.
    func load() throws -> Partners? {
        guard let path else { return nil }
        do {
            return try Partners(file: path)
        } catch {
            Terminal.printError(error.description)
            throw ExitStatus.failure.exitCode
        }
    }
}
