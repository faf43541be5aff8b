import AccordTestSupport
import Foundation
import Testing

/// Shell completion: file names of the right kinds, and option values.
@Suite("Shell completion")
struct CompletionTests {
    /// What bash offers for `line` (the last word being completed) in `folder`.
    static func bashCompletions(_ words: [String], in folder: URL) throws -> [String] {
        let script = folder.appendingPathComponent("accord.bash")
        let generated = try ExternalTool.run(Fixtures.accordExecutable, ["--generate-completion-script", "bash"])
        try Data(generated.standardOutput.utf8).write(to: script)
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let line = words.joined(separator: " ")
        let program = """
            source '\(script.path)'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
            _accord accord '\(words.last!)' '\(words[words.count - 2])'
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let output = try ExternalTool.run("bash", ["-c", "cd '\(folder.path)' && \(program)"])
        return output.standardOutput.split(separator: "\n").map(String.init).sorted()
    }

    @Test("bash completes the files each command takes, folders, and option values")
    func bash() throws {
        guard ExternalTool.available("bash") else { return }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.xml", "b.json", "c.txt", "d.tar.gz", "partners.toml", "id.key"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("records"), withIntermediateDirectories: true)
        #expect(try Self.bashCompletions(["accord", "validate", ""], in: folder) == ["a.xml", "b.json", "d.tar.gz", "records"])
        #expect(try Self.bashCompletions(["accord", "pack", ""], in: folder) == ["a.xml", "b.json", "records"])
        #expect(try Self.bashCompletions(["accord", "unpack", ""], in: folder) == ["d.tar.gz", "records"])
        #expect(try Self.bashCompletions(["accord", "pack", "a.xml", "--partners", ""], in: folder) == ["partners.toml", "records"])
        #expect(try Self.bashCompletions(["accord", "sign", "d.tar.gz", "--key", ""], in: folder) == ["id.key", "records"])
        #expect(try Self.bashCompletions(["accord", "pack", "a.xml", "--classification", ""], in: folder)
            == ["confidential", "restricted", "secret", "top-secret", "unclassified"])
        #expect(try Self.bashCompletions(["accord", "validate", "a.xml", "--format", ""], in: folder) == ["json", "text"])
        #expect(try Self.bashCompletions(["accord", "va"], in: folder) == ["validate"])
    }

    @Test("zsh and fish scripts are generated with the same file kinds", arguments: ["zsh", "fish"])
    func otherShells(shell: String) throws {
        let script = try ExternalTool.run(Fixtures.accordExecutable, ["--generate-completion-script", shell])
        #expect(script.status == 0)
        for pattern in ["toml", "xml", "json", "key", "unclassified"] {
            #expect(script.standardOutput.contains(pattern), "\(shell) completes \(pattern)")
        }
    }
}
