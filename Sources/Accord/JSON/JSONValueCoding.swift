/// `JSONValue` through Swift's `Codable`, so that a model type whose JSON form is the
/// mapping of `docs/json-mapping.md` can be read and written by any encoder or decoder
/// (Foundation's `JSONEncoder` and `JSONDecoder` among them) with the same conversion
/// `accord convert` uses.
extension JSONValue: Codable {
    init(from decoder: any Decoder) throws {
        if var array = try? decoder.unkeyedContainer() {
            var items: [JSONValue] = []
            if let count = array.count { items.reserveCapacity(count) }
            while !array.isAtEnd { items.append(try array.decode(JSONValue.self)) }
            self = .array(items)
            return
        }
        if let object = try? decoder.container(keyedBy: JSONCodingKey.self) {
            self = .object(try object.allKeys.map { key in (key.stringValue, try object.decode(JSONValue.self, forKey: key)) })
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let flag = try? single.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? single.decode(Int64.self) {
            self = .number(String(integer))
        } else if let integer = try? single.decode(UInt64.self) {
            self = .number(String(integer))
        } else if let number = try? single.decode(Double.self) {
            self = .number(String(number))
        } else {
            self = .string(try single.decode(String.self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .bool(let flag):
            var single = encoder.singleValueContainer()
            try single.encode(flag)
        case .number(let text):
            var single = encoder.singleValueContainer()
            if let integer = Int64(text) {
                try single.encode(integer)
            } else if let integer = UInt64(text) {
                try single.encode(integer)
            } else {
                try single.encode(Double(text) ?? 0)
            }
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .array(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        case .object(let members):
            var object = encoder.container(keyedBy: JSONCodingKey.self)
            for member in members { try object.encode(member.value, forKey: JSONCodingKey(member.key)) }
        }
    }

    /// Reads a model value from `decoder` with one of the mapping's readers; a problem the
    /// reader finds becomes a `DecodingError` whose coding path leads to it (the decoder's
    /// own path, then the JSON path within the value: `parties`, `1`, `country`).
    static func decode<Value>(_ decoder: any Decoder, with read: (JSONValue, JSONProblems) -> Value) throws -> Value {
        let json = try JSONValue(from: decoder)
        let problems = JSONProblems()
        let value = read(json, problems)
        guard let first = problems.list.first else { return value }
        var description = "\(first.path): \(first.message)"
        if problems.list.count > 1 {
            description += " (and \(problems.list.count - 1) more: "
                + problems.list.dropFirst().prefix(3).map { "\($0.path): \($0.message)" }.joined(separator: "; ")
                + (problems.list.count > 4 ? "; ..." : "") + ")"
        }
        throw DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: decoder.codingPath + JSONCodingKey.keys(of: first.path), debugDescription: description))
    }
}

/// A key of a JSON object or an index of a JSON array, as Swift's `Codable` names them.
struct JSONCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ key: String) {
        stringValue = key
    }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }

    /// The keys of a JSON path from a value's root: `$.parties[1].country` is `parties`,
    /// `1`, `country`.
    static func keys(of path: String) -> [JSONCodingKey] {
        var keys: [JSONCodingKey] = []
        var name = ""
        var index: String?
        func flush() {
            if !name.isEmpty { keys.append(JSONCodingKey(name)) }
            name = ""
        }
        for character in path.dropFirst(path.hasPrefix("$") ? 1 : 0) {
            switch character {
            case ".": flush()
            case "[": flush(); index = ""
            case "]":
                if let position = index.flatMap({ Int($0) }) { keys.append(JSONCodingKey(intValue: position)) }
                index = nil
            default:
                if index != nil { index?.append(character) } else { name.append(character) }
            }
        }
        flush()
        return keys
    }
}
