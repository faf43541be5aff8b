/// A BagIt manifest: one `digest path` line per file (RFC 8493 2.1.3 and 2.2.1).
struct Manifest: Hashable {
    /// The digest of each path (one table only: a bundle's manifest has a line per file).
    private var index: [String: String] = [:]

    init() {}

    /// Adds a line; the caller keeps paths unique.
    mutating func add(path: String, digest: String) {
        index[path] = digest
    }

    /// The lines, sorted by path.
    var entries: [(path: String, digest: String)] {
        index.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { ($0.key, $0.value) }
    }

    /// The digest listed for `path`.
    func digest(for path: String) -> String? { index[path] }

    var paths: Set<String> { Set(index.keys) }

    /// The manifest text: lines sorted by path, LF-terminated, two spaces as bagit.py writes.
    func text() -> String {
        entries.map { "\($0.digest)  \(BagPath.encode($0.path))\n" }.joined()
    }

    /// A problem found while reading a manifest, with its 1-based line.
    struct LineProblem: Error, Hashable {
        var line: Int
        var message: String
    }

    /// Parses a SHA-512 manifest strictly. Lines may end in LF, CR LF or CR.
    static func parse(_ bytes: [UInt8]) -> (manifest: Manifest, problems: [LineProblem]) {
        var manifest = Manifest()
        var problems: [LineProblem] = []
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return (manifest, [LineProblem(line: 1, message: "the manifest is not valid UTF-8")])
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for (number, line) in lines.enumerated() {
            if line.isEmpty {
                if number != lines.count - 1 { problems.append(LineProblem(line: number + 1, message: "empty line")) }
                continue
            }
            guard let separator = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                problems.append(LineProblem(line: number + 1, message: "expected 'digest path'"))
                continue
            }
            let digest = line[..<separator].lowercased()
            let path = BagPath.decode(String(line[separator...].drop { $0 == " " || $0 == "\t" }))
            if digest.count != 128 || !digest.allSatisfy(\.isHexDigit) {
                problems.append(LineProblem(line: number + 1, message: "'\(line[..<separator].prefix(20))' is not a SHA-512 digest (128 hex digits)"))
            } else if let problem = BagPath.problem(path) {
                problems.append(LineProblem(line: number + 1, message: "unsafe path '\(path)': \(problem)"))
            } else if manifest.digest(for: path) != nil {
                problems.append(LineProblem(line: number + 1, message: "'\(path)' is listed twice"))
            } else {
                manifest.add(path: path, digest: digest)
            }
        }
        return (manifest, problems)
    }
}
