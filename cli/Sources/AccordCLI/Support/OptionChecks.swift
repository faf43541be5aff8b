import Accord
import ArgumentParser

/// Checks of identifiers given on the command line, before any work, with messages that
/// name the option, say the rule and, where the user gave a name, what to give instead.
enum OptionChecks {
    /// `value` of `option` must be an organisation identifier such as ID-MOD.
    static func organisationId(_ value: String, option: String) throws {
        guard !Signer.isOrganisationId(value) else { return }
        var message = "\(option) '\(value)' is not an organisation identifier: letters and digits in parts joined by hyphens, such as ID-MOD (at most 64 characters)."
        if value.contains(" ") || value.contains(",") {
            message += " That looks like the organisation's name; give its short identifier instead, such as ID-MOD for the Indonesian Ministry of Defence."
        }
        throw ValidationError(message)
    }

    /// `value` of `--id` must be a bundle identifier: safe as a folder name everywhere.
    static func bundleId(_ value: String) throws {
        let allowed = value.utf8.allSatisfy { $0 < 0x80 && (($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D) }
        let first = value.utf8.first.map { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) } ?? false
        guard !(allowed && first && value.utf8.count <= 100) else { return }
        throw ValidationError(
            "--id '\(value)' is not a bundle identifier: it names the bundle's folder, so it takes letters, digits, '.', '_' and '-', starts with a letter or digit, and has at most 100 characters, such as ID-MOD-2025-07-30.")
    }
}
