/// Reads the members of one JSON object, recording every problem with its JSON path
/// (`$.parties[1].country`) instead of stopping at the first.
///
/// Getters return a placeholder (an empty string, the first code) after recording a
/// problem, so that reading goes on and every problem is found; a caller must discard
/// what it built when ``JSONProblems`` is not empty.
struct JSONObjectReader {
    let path: String
    private let members: [(key: String, value: JSONValue)]
    private let problems: JSONProblems
    private let allowed: Set<String>

    /// Reads `value` as an object whose members may only be `keys`.
    init(_ value: JSONValue, path: String, keys: [String], problems: JSONProblems) {
        self.path = path
        self.problems = problems
        allowed = Set(keys)
        if case .object(let members) = value {
            self.members = members
            for member in members where !allowed.contains(member.key) {
                problems.add(Self.child(path, member.key), "unknown property; expected one of: \(keys.joined(separator: ", "))")
            }
        } else {
            members = []
            problems.add(path, "expected an object, found \(value.kind)")
        }
    }

    static func child(_ path: String, _ key: String) -> String { "\(path).\(key)" }

    func value(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// A required string.
    func string(_ key: String) -> String {
        optionalString(key, required: true) ?? ""
    }

    /// An optional string; `required` records a problem when it is missing.
    func optionalString(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { problems.add(path, "missing required property '\(key)'") }
            return nil
        }
        guard case .string(let text) = value else {
            problems.add(Self.child(path, key), "expected a string, found \(value.kind)")
            return nil
        }
        return text
    }

    /// A required value from a code list.
    func code<Code: RawRepresentable<String> & CaseIterable>(_ key: String, as type: Code.Type = Code.self) -> Code {
        optionalCode(key, required: true) ?? Code.allCases.first!
    }

    func optionalCode<Code: RawRepresentable<String> & CaseIterable>(_ key: String, required: Bool = false) -> Code? {
        guard let text = optionalString(key, required: required) else { return nil }
        guard let code = Code(rawValue: text) else {
            let known = Code.allCases.map(\.rawValue).joined(separator: ", ")
            problems.add(Self.child(path, key), "'\(text)' is not a known value; expected one of: \(known)")
            return nil
        }
        return code
    }

    /// A country code, checked against ISO 3166-1 alpha-3.
    func country(_ key: String, required: Bool = true) -> String? {
        guard let text = optionalString(key, required: required) else { return nil }
        if CountryCodes.names[text] == nil {
            problems.add(Self.child(path, key), "expected an ISO 3166-1 alpha-3 code (such as IDN or BLR), found '\(text)'")
        }
        return text
    }

    /// The items of an array, each with its path; `minimum` items when present (and
    /// when `required`).
    func array(_ key: String, required: Bool = false, minimum: Int = 1) -> [(value: JSONValue, path: String)] {
        let itemPath = Self.child(path, key)
        guard let value = value(key) else {
            if required { problems.add(path, "missing required property '\(key)'") }
            return []
        }
        guard case .array(let items) = value else {
            problems.add(itemPath, "expected an array, found \(value.kind)")
            return []
        }
        if items.count < minimum {
            problems.add(itemPath, "expected at least \(minimum) item\(minimum == 1 ? "" : "s"), found \(items.count)")
        }
        return items.enumerated().map { ($1, "\(itemPath)[\($0)]") }
    }

    /// A list of `{lang, text}` narratives.
    func narratives(_ key: String, required: Bool = false) -> [Narrative] {
        array(key, required: required).map { RecordJSON.narrative($0.value, path: $0.path, problems: problems) }
    }

    /// A nested object, when present.
    func object(_ key: String, keys: [String], required: Bool = false) -> JSONObjectReader? {
        guard let value = value(key) else {
            if required { problems.add(path, "missing required property '\(key)'") }
            return nil
        }
        return JSONObjectReader(value, path: Self.child(path, key), keys: keys, problems: problems)
    }

    /// A required integer within `range`.
    func integer(_ key: String, in range: ClosedRange<Int>) -> Int {
        guard let value = value(key) else {
            problems.add(path, "missing required property '\(key)'")
            return 0
        }
        guard case .number(let text) = value, let number = Int(text), range.contains(number) else {
            let found: String
            if case .number(let text) = value { found = text } else { found = value.kind }
            problems.add(Self.child(path, key), "expected a whole number from \(range.lowerBound) to \(range.upperBound), found \(found)")
            return 0
        }
        return number
    }
}

/// The problems found in one JSON document, each with its JSON path.
final class JSONProblems {
    private(set) var list: [(path: String, message: String)] = []

    func add(_ path: String, _ message: String) {
        list.append((path, message))
    }

    var isEmpty: Bool { list.isEmpty }
}
