/// The partners file: a strict subset of TOML that a clerk can edit and review.
///
/// ```toml
/// # Partners of ID-MOD
/// [BY-MOD]
/// state = "BLR"
/// name = "Ministry of Defence of the Republic of Belarus"
/// signing-keys = ["keys/by-mod.pub"]
/// ```
///
/// One table per organisation, named by its identifier; in it `state` (required), `name`
/// and `signing-keys` (paths of PEM public keys, relative to the file's folder; a single
/// string or a list). Only double-quoted strings and one-line lists of them; comments
/// start with `#`. Anything else is a mistake, reported with its line, all in one pass.
enum PartnersFile {
    static let settings = ["state", "name", "signing-keys"]

    static func parse(_ text: String, path: String, keyFolder: String) throws(PartnersFileError) -> Partners {
        var problems: [PartnersFileError.Problem] = []
        var partners: [Partners.Partner] = []
        var seen: Set<String> = []
        /// The table being read: its line, organisation, and settings so far.
        var current: (line: Int, organisation: String, values: [String: (line: Int, value: Value)])?

        func finishTable() {
            guard let table = current else { return }
            current = nil
            var partner = Partners.Partner(organisation: table.organisation, state: "")
            if case .string(let name)? = table.values["name"]?.value { partner.name = name }
            if let (line, value) = table.values["signing-keys"] {
                for keyPath in value.strings {
                    let file = keyPath.hasPrefix("/") ? keyPath : "\(keyFolder)/\(keyPath)"
                    do {
                        partner.signingKeys.append(try SigningKey.PublicKey(pem: String(decoding: FileReader.read(file, maxBytes: 64 << 10), as: UTF8.self)))
                    } catch let error as FileError {
                        problems.append(.init(line: line, message: "the signing key \(keyPath): \(error.problem)"))
                    } catch {
                        problems.append(.init(line: line, message: "the signing key \(keyPath) is not an Ed25519 public key in PEM form (\(error))"))
                    }
                }
            }
            guard let (_, given) = table.values["state"] else {
                problems.append(.init(line: table.line, message: "[\(table.organisation)] has no state; add a line such as state = \"BLR\" (the ISO 3166-1 alpha-3 code of its country)"))
                return
            }
            // A wrong state was reported where it stands.
            guard case .string(let state) = given, ReleaseRules.isStateCode(state) else { return }
            partner.state = state
            partners.append(partner)
        }

        // "\r\n" is one Character in Swift: a file saved with CR LF line ends splits on it.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            line = trimmed(line)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                finishTable()
                guard let close = line.firstIndex(of: "]"), isBlankOrComment(line[line.index(after: close)...]) else {
                    problems.append(.init(line: number, message: "a table heading is an organisation id in brackets, such as [BY-MOD]"))
                    continue
                }
                let organisation = String(trimmed(line[line.index(after: line.startIndex)..<close]))
                if !Signer.isOrganisationId(organisation) {
                    problems.append(.init(line: number, message: "'\(organisation)' is not an organisation id: letters and digits in parts joined by hyphens, such as BY-MOD"))
                } else if !seen.insert(organisation).inserted {
                    problems.append(.init(line: number, message: "[\(organisation)] is given twice; keep one table per organisation"))
                }
                current = (number, organisation, [:])
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append(.init(line: number, message: "expected a setting such as state = \"BLR\", a heading such as [BY-MOD], or a comment starting with #"))
                continue
            }
            let key = String(trimmed(line[..<equals]))
            guard current != nil else {
                problems.append(.init(line: number, message: "'\(key)' comes before any [ORGANISATION] heading; settings belong to an organisation"))
                continue
            }
            guard settings.contains(key) else {
                problems.append(.init(line: number, message: "'\(key)' is not a setting of a partner (the settings are \(settings.joined(separator: ", ")))"))
                continue
            }
            if current!.values[key] != nil {
                problems.append(.init(line: number, message: "'\(key)' is given twice for [\(current!.organisation)]"))
                continue
            }
            let value: Value
            switch Value.parse(trimmed(line[line.index(after: equals)...])) {
            case .success(let parsed): value = parsed
            case .failure(let problem):
                problems.append(.init(line: number, message: "the value of '\(key)' \(problem.message)"))
                continue
            }
            // A wrong value is kept (and skipped at the end of the table), so that the
            // table is not also reported as lacking the setting.
            current!.values[key] = (number, value)
            switch (key, value) {
            case ("state", .string(let state)) where !ReleaseRules.isStateCode(state):
                problems.append(.init(line: number, message: "'\(state)' is not an ISO 3166-1 alpha-3 country code (three capital letters, such as BLR for Belarus)"))
            case ("state", .list), ("name", .list):
                problems.append(.init(line: number, message: "'\(key)' takes one text in double quotes, not a list"))
            default: break
            }
        }
        finishTable()
        if seen.isEmpty && problems.isEmpty {
            problems.append(.init(line: nil, message: "the file names no partner; each partner is a heading such as [BY-MOD] followed by its state = \"BLR\""))
        }
        guard problems.isEmpty else { throw PartnersFileError(path: path, problems: problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }) }
        return Partners(partners)
    }

    /// A value: a double-quoted string, or a one-line list of them.
    enum Value {
        case string(String)
        case list([String])

        var strings: [String] {
            switch self {
            case .string(let value): [value]
            case .list(let values): values
            }
        }

        struct Problem: Error {
            var message: String
        }

        static func parse(_ text: Substring) -> Result<Value, Problem> {
            var rest = text
            if rest.hasPrefix("[") {
                rest = rest.dropFirst()
                var items: [String] = []
                while true {
                    rest = trimmed(rest)
                    if rest.hasPrefix("]") { rest = rest.dropFirst(); break }
                    guard rest.hasPrefix("\"") else { return .failure(Problem(message: "must be a list of texts in double quotes, such as [\"keys/by-mod.pub\"], on one line")) }
                    switch string(&rest) {
                    case .success(let item): items.append(item)
                    case .failure(let problem): return .failure(problem)
                    }
                    rest = trimmed(rest)
                    if rest.hasPrefix(",") { rest = rest.dropFirst() } else if !rest.hasPrefix("]") {
                        return .failure(Problem(message: "must separate the texts of its list with commas and end it with ] on the same line"))
                    }
                }
                guard isBlankOrComment(rest) else { return .failure(Problem(message: "is followed by something that is not a comment")) }
                return .success(.list(items))
            }
            guard rest.hasPrefix("\"") else { return .failure(Problem(message: "must be in double quotes, such as \"BLR\"")) }
            switch string(&rest) {
            case .success(let value):
                guard isBlankOrComment(rest) else { return .failure(Problem(message: "is followed by something that is not a comment")) }
                return .success(.string(value))
            case .failure(let problem): return .failure(problem)
            }
        }

        /// Reads a TOML basic string at the start of `rest` (which starts with `"`).
        private static func string(_ rest: inout Substring) -> Result<String, Problem> {
            rest = rest.dropFirst()
            var value = ""
            while let character = rest.first {
                rest = rest.dropFirst()
                switch character {
                case "\"": return .success(value)
                case "\\":
                    guard let escaped = rest.first else { break }
                    rest = rest.dropFirst()
                    switch escaped {
                    case "\"": value.append("\"")
                    case "\\": value.append("\\")
                    case "t": value.append("\t")
                    case "n": value.append("\n")
                    default: return .failure(Problem(message: "has an escape \\\(escaped) that is not \\\", \\\\, \\t or \\n"))
                    }
                default:
                    if character.asciiValue.map({ $0 < 0x20 || $0 == 0x7F }) == true {
                        return .failure(Problem(message: "holds a control character"))
                    }
                    value.append(character)
                }
            }
            return .failure(Problem(message: "has no closing double quote on its line"))
        }
    }

    private static func trimmed(_ text: Substring) -> Substring {
        var text = text
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    private static func isBlankOrComment(_ text: Substring) -> Bool {
        let rest = trimmed(text)
        return rest.isEmpty || rest.hasPrefix("#")
    }
}
