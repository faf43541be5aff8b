import Accord
import ArgumentParser

/// A first word that is not one of accord's commands (`accord valdate`, `accord help
/// nosuch`): said plainly, with the command it was probably meant to be, exit status 2.
enum UnknownCommand {
    /// The message for `arguments` (without the program's name), or nil when the command is known.
    static func message(for arguments: [String]) -> String? {
        let names = AccordCommand.configuration.subcommands.map { $0._commandName } + ["help"]
        let word: String
        if arguments.first == "help", arguments.count > 1 {
            word = arguments[1]
        } else if let first = arguments.first, !first.hasPrefix("-") {
            word = first
        } else {
            return nil
        }
        guard !names.contains(word) else { return nil }
        let hint = Spelling.closest(to: word, in: names).map { " Did you mean '\($0)'?" } ?? ""
        return "'\(word)' is not an accord command.\(hint) The commands are: \(names.dropLast().joined(separator: ", ")); see 'accord --help'."
    }
}
