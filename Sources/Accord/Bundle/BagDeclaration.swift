/// Which rules a bag is held to when it is validated.
public enum BagProfile: String, Sendable, Hashable, CaseIterable, Codable {
    /// The Accord BagIt profile (`schemas/accord-bagit-profile-v1.json`), the default: BagIt 1.0
    /// (or 0.97), SHA-512 manifests, an envelope, records and attachments, every tag file covered
    /// by the tag manifest, no `fetch.txt`.
    case accord
    /// Plain BagIt, RFC 8493 alone: no envelope, no records, any payload; manifests of MD5,
    /// SHA-1, SHA-224, SHA-256, SHA-384 or SHA-512 (at least one payload manifest, every one
    /// verified); BagIt 0.93 to 1.0; tag files in UTF-8, UTF-16 or ISO-8859-1; a `fetch.txt`
    /// with safe paths, whose files may be absent. `docs/bagit-conformance.md` gives the
    /// verdicts on the Library of Congress conformance suite.
    case bagit
}

/// The strict reading of `bagit.txt` (RFC 8493 §2.1.1): exactly two lines, in this order,
/// `BagIt-Version: M.N` and `Tag-File-Character-Encoding: ENCODING`, each label written
/// exactly so, separated from its value by one colon and one space, with no blank at either
/// end of the value. Lines end in LF, CR LF or CR (the last may have no line end).
enum BagDeclaration {
    /// What is wrong with one line, with its 1-based number.
    struct Problem: Hashable {
        var line: Int
        var message: String
    }

    /// `bytes` of a tag file in `encoding` (as bagit.txt declares it, upper-cased), as UTF-8.
    /// UTF-16 follows its byte-order mark (big-endian without one); the mark is dropped.
    static func utf8(_ bytes: [UInt8], encoding: String) -> [UInt8] {
        switch encoding {
        case "ISO-8859-1":
            return Array(String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })).utf8)
        case "UTF-16":
            var body = bytes[...]
            var bigEndian = true
            if body.starts(with: [0xFF, 0xFE]) { bigEndian = false; body = body.dropFirst(2) }
            else if body.starts(with: [0xFE, 0xFF]) { body = body.dropFirst(2) }
            var units: [UInt16] = []
            var index = body.startIndex
            while index + 1 < body.endIndex {
                let (a, b) = (UInt16(body[index]), UInt16(body[index + 1]))
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                index += 2
            }
            return Array(String(decoding: units, as: UTF16.self).utf8)
        default:
            return bytes
        }
    }

    static let versionLabel = "BagIt-Version"
    static let encodingLabel = "Tag-File-Character-Encoding"

    /// The version and encoding declared, and what is wrong with the file.
    static func read(_ bytes: [UInt8]) -> (version: String?, encoding: String?, problems: [Problem]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return (nil, nil, [Problem(line: 1, message: "bagit.txt starts with a byte-order mark, which RFC 8493 forbids: it must begin with 'BagIt-Version: '")])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (nil, nil, [Problem(line: 1, message: "bagit.txt is not valid UTF-8")])
        }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var problems: [Problem] = []
        if lines.count > 2 {
            problems.append(Problem(line: 3, message: "bagit.txt has \(lines.count) lines; RFC 8493 allows exactly two, 'BagIt-Version: …' then 'Tag-File-Character-Encoding: …'"))
        }
        var values: [String?] = [nil, nil]
        for (index, expected) in [versionLabel, encodingLabel].enumerated() {
            guard index < lines.count else {
                problems.append(Problem(line: index + 1, message: "bagit.txt has no line \(index + 1), which must be '\(expected): …'"))
                continue
            }
            switch field(lines[index], expected: expected, other: index == 0 ? encodingLabel : versionLabel) {
            case .success(let value): values[index] = value
            case .failure(let problem): problems.append(Problem(line: index + 1, message: problem.message))
            }
        }
        return (values[0], values[1], problems)
    }

    private struct Wrong: Error { var message: String }

    /// The value of `line` if it is exactly `expected: value`.
    private static func field(_ line: String, expected: String, other: String) -> Result<String, Wrong> {
        func wrong(_ message: String) -> Result<String, Wrong> { .failure(Wrong(message: message)) }
        let shown = String(line.unicodeScalars.prefix(60).map { $0.value < 0x20 || $0 == "\u{7F}" ? "?" : Character($0) })
        guard let colon = line.firstIndex(of: ":") else {
            return wrong("line '\(shown)' must be '\(expected): …'")
        }
        let label = String(line[..<colon])
        if label != expected {
            let trimmed = label.trimmingWhitespace()
            if trimmed == expected {
                return wrong("the label '\(expected)' has a space or tab around it; it must be written '\(expected): …', with nothing before the colon")
            }
            if trimmed.lowercased() == expected.lowercased() {
                return wrong("the label is written '\(trimmed)'; RFC 8493 requires exactly '\(expected)'")
            }
            if trimmed.lowercased() == other.lowercased() {
                return wrong("the line is '\(other)', but this line must be '\(expected)': the two lines are in the wrong order")
            }
            return wrong("the line is labelled '\(trimmed)'; it must be '\(expected): …'")
        }
        let rest = line[line.index(after: colon)...]
        guard rest.hasPrefix(" "), rest.count > 1 else {
            return wrong("'\(expected):' must be followed by one space and the value")
        }
        let value = String(rest.dropFirst())
        if value.first == " " || value.first == "\t" {
            return wrong("'\(expected):' is followed by more than one space; it must be exactly one")
        }
        if value.last == " " || value.last == "\t" {
            return wrong("the \(expected) line ends with a space or tab after '\(value.trimmingWhitespace())'")
        }
        return .success(value)
    }
}

extension BagProfile {
    /// The `BagIt-Version` values read.
    var readableVersions: Set<String> {
        switch self {
        case .accord: return BagLayout.readableBagItVersions
        case .bagit: return ["0.93", "0.94", "0.95", "0.96", "0.97", "1.0"]
        }
    }

    /// How the versions read are named in a message.
    var expectedVersions: String {
        switch self {
        case .accord: return "1.0"
        case .bagit: return "1.0 (or 0.93 to 0.97)"
        }
    }

    /// The `Tag-File-Character-Encoding` values read, upper-cased.
    var readableEncodings: Set<String> {
        switch self {
        case .accord: return ["UTF-8"]
        case .bagit: return ["UTF-8", "UTF-16", "ISO-8859-1"]
        }
    }
}
