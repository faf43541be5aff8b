import AccordTestSupport
import Foundation
import Testing

/// Help and mistyped commands, as a new user meets them.
@Suite("accord help")
struct HelpTests {
    static func accord(_ arguments: [String]) throws -> ExternalTool.Output {
        try ExternalTool.run(Fixtures.accordExecutable, arguments, environment: ["COLUMNS": "80"])
    }

    /// Each example command stays whole at 80 columns: a wrapped line would start at the
    /// margin, where nobody can copy it from.
    @Test("examples are not broken at 80 columns", arguments: [[], ["validate"], ["pack"], ["inspect"], ["unpack"], ["convert"], ["keygen"], ["sign"], ["new", "record"]])
    func examplesStayWhole(command: [String]) throws {
        let help = try Self.accord(command + ["--help"])
        #expect(help.status == 0)
        let lines = help.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "EXAMPLES") else { Issue.record("no EXAMPLES in \(command)"); return }
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(!examples.isEmpty)
        for line in examples {
            #expect(line.hasPrefix("  accord ") || line.hasPrefix("  cat ") || line.hasPrefix("      "), "\(command): '\(line)' is a broken example")
            #expect(line.count <= 80, "\(command): '\(line)'")
        }
    }

    @Test("an unknown command exits 2, says so, and suggests the one meant", arguments: [
        (["help", "nosuch"], nil as String?),
        (["valdate", "x.xml"], "validate"),
        (["help", "unpak"], "unpack"),
    ])
    func unknownCommand(arguments: [String], meant: String?) throws {
        let output = try Self.accord(arguments)
        #expect(output.status == 2)
        #expect(output.standardError.contains("'\(arguments[arguments[0] == "help" ? 1 : 0])' is not an accord command"), "\(output.standardError)")
        if let meant { #expect(output.standardError.contains("Did you mean '\(meant)'?")) }
    }

    @Test("a mistyped option is answered with the one meant")
    func mistypedOption() throws {
        let output = try Self.accord(["validate", "--stirct", "x.xml"])
        #expect(output.status == 2)
        #expect(output.standardError.contains("Did you mean '--strict'?"))
    }

    @Test("accord help COMMAND shows that command's help")
    func helpCommand() throws {
        let output = try Self.accord(["help", "validate"])
        #expect(output.status == 0 && output.standardOutput.contains("accord validate"))
    }
}
