import Accord
import ArgumentParser

/// `accord`: the root command. Each subcommand lives in its own file, in an extension.
struct AccordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Validate, pack, sign and convert partnership records exchanged between ministries.",
        discussion: """
            Records are XML documents in the namespace urn:accord:partnership-record:1 (or their \
            JSON form), checked against the schemas shipped in schemas/ and the rules listed in \
            docs/rules.md. Bundles are signed BagIt bags in tar.gz (docs/bundle-format.md).

            EXAMPLES
              accord validate examples/indonesia-belarus-2025.xml
              accord keygen --out keys/id-mod
              accord pack examples/*.xml -o out.tar.gz --sender ID-MOD \\
                  --recipient FI-MOD=FIN --sign keys/id-mod.key
              accord validate out.tar.gz --trust partners/ --require-signature
              accord inspect out.tar.gz
              accord unpack out.tar.gz -o inbox/out
              accord convert out.tar.gz --ndjson

            EXIT STATUS
              0  valid (warnings allowed unless --strict)
              1  invalid input: at least one error was found
              2  usage error, or a file could not be read or written
              130  interrupted (Ctrl-C); 143, 129: stopped by SIGTERM or SIGHUP;
                   nothing is left behind
            """,
        version: AccordVersion.current,
        subcommands: [Validate.self, Pack.self, Inspect.self, Unpack.self, Convert.self, Keygen.self, Sign.self, New.self]
    )
}

/// Runs the command line and maps every outcome to the documented exit status.
@main
enum AccordMain {
    static func main() async {
        Interrupts.install()
        if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
            Terminal.printError("Error: \(message)")
            exit(ExitStatus.failure.rawValue)
        }
        do {
            var command = try AccordCommand.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let status as ExitCode {
            exit(status.rawValue)
        } catch {
            let message = AccordCommand.fullMessage(for: error)
            if AccordCommand.exitCode(for: error) == .success {
                print(message)
                exit(0)
            }
            Terminal.printError(message)
            exit(ExitStatus.failure.rawValue)
        }
    }
}
