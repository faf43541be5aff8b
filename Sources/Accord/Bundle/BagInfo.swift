/// The metadata of `bag-info.txt`: `Label: value` lines (RFC 8493 2.2.2).
struct BagInfo: Hashable {
    /// The fields in order; a label may repeat.
    var fields: [(label: String, value: String)] = []

    static func == (lhs: BagInfo, rhs: BagInfo) -> Bool { lhs.text() == rhs.text() }
    func hash(into hasher: inout Hasher) { hasher.combine(text()) }

    /// The first value of a label (labels compare case-insensitively).
    func value(_ label: String) -> String? {
        fields.first { $0.label.lowercased() == label.lowercased() }?.value
    }

    /// The file's text, LF-terminated.
    func text() -> String {
        fields.map { "\($0.label): \($0.value)\n" }.joined()
    }

    /// Parses the file: continuation lines start with white space and extend the value before.
    static func parse(_ bytes: [UInt8]) -> (info: BagInfo, problems: [Manifest.LineProblem]) {
        var info = BagInfo()
        var problems: [Manifest.LineProblem] = []
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (info, [Manifest.LineProblem(line: 1, message: "bag-info.txt is not valid UTF-8")])
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (number, line) in lines.enumerated() where !line.isEmpty {
            if line.first == " " || line.first == "\t" {
                guard !info.fields.isEmpty else {
                    problems.append(Manifest.LineProblem(line: number + 1, message: "a continuation line with no field before it"))
                    continue
                }
                info.fields[info.fields.count - 1].value += " " + line.trimmingWhitespace()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                problems.append(Manifest.LineProblem(line: number + 1, message: "expected 'Label: value'"))
                continue
            }
            info.fields.append((String(line[..<colon]).trimmingWhitespace(), String(line[line.index(after: colon)...]).trimmingWhitespace()))
        }
        return (info, problems)
    }

    /// Parses `Payload-Oxum` (`octets.files`).
    static func parseOxum(_ value: String) -> (bytes: Int, files: Int)? {
        let parts = value.split(separator: ".")
        guard parts.count == 2, let bytes = Int(parts[0]), let files = Int(parts[1]), bytes >= 0, files >= 0 else { return nil }
        return (bytes, files)
    }
}

extension StringProtocol {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
