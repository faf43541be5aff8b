/// A BagIt manifest: one `digest path` line per file (RFC 8493 2.1.3 and 2.2.1).
struct Manifest: Hashable {
    /// The digest of each path (one table only: a bundle's manifest has a line per file).
    private var index: [String: String] = [:]

    init() {}

    /// Adds a line; the caller keeps paths unique.
    mutating func add(path: String, digest: String) {
        index[path] = digest
    }

    /// The lines, in bundle order of their paths (``EntryOrder``).
    var entries: [(path: String, digest: String)] {
        index.sorted { EntryOrder.precedes($0.key, $1.key) }.map { ($0.key, $0.value) }
    }

    /// The digest listed for `path`.
    func digest(for path: String) -> String? { index[path] }

    var paths: Set<String> { Set(index.keys) }

    /// The manifest text: lines in bundle order, LF-terminated, two spaces as bagit.py writes.
    func text() -> String {
        entries.map { String(decoding: Self.line(path: $0.path, digest: $0.digest), as: UTF8.self) }.joined()
    }

    /// One line of a manifest, with its LF.
    static func line(path: String, digest: String) -> [UInt8] {
        Array("\(digest)  \(BagPath.encode(path))\n".utf8)
    }

    /// A problem found while reading a manifest, with its 1-based line.
    struct LineProblem: Error, Hashable {
        var line: Int
        var message: String
    }

    /// Parses a manifest of `algorithm` (SHA-512 unless said) strictly. Lines may end in LF,
    /// CR LF or CR.
    static func parse(_ bytes: [UInt8], algorithm: DigestAlgorithm = .sha512) -> (manifest: Manifest, problems: [LineProblem]) {
        var manifest = Manifest()
        var problems: [LineProblem] = []
        var chunk: ArraySlice<UInt8>? = bytes[...]
        var reader = ManifestReader(algorithm: algorithm) { () -> ArraySlice<UInt8>? in
            defer { chunk = nil }
            return chunk
        }
        while let line = reader.next() {
            switch line {
            case .problem(let problem):
                problems.append(problem)
            case .entry(let number, let path, _) where manifest.digest(for: path) != nil:
                problems.append(LineProblem(line: number, message: "'\(path)' is listed twice"))
            case .entry(_, let path, let digest):
                manifest.add(path: path, digest: digest)
            }
        }
        return (manifest, problems)
    }
}

/// Reads a SHA-512 manifest a line at a time from bytes that arrive in chunks, so that a
/// manifest of any size is checked without being held. Lines may end in LF, CR LF or CR.
struct ManifestReader {
    /// One line: a path and its digest, or what is wrong with the line.
    enum Line {
        case entry(line: Int, path: String, digest: String)
        case problem(Manifest.LineProblem)
    }

    private let nextChunk: () -> ArraySlice<UInt8>?
    /// The algorithm of the manifest's digests.
    let algorithm: DigestAlgorithm
    private var chunk: ArraySlice<UInt8> = []
    private var current: [UInt8] = []
    private var lineNumber = 0
    /// A CR ended the last line: an LF right after it belongs to it.
    private var skipsLineFeed = false

    /// A reader of the bytes `nextChunk` gives, until it gives nil.
    init(algorithm: DigestAlgorithm = .sha512, nextChunk: @escaping () -> ArraySlice<UInt8>?) {
        self.algorithm = algorithm
        self.nextChunk = nextChunk
    }

    /// The next line, or nil at the end.
    mutating func next() -> Line? {
        while true {
            if chunk.isEmpty {
                guard let more = nextChunk() else {
                    guard !current.isEmpty else { return nil }
                    return endLine()
                }
                chunk = more
                continue
            }
            if skipsLineFeed {
                skipsLineFeed = false
                if chunk.first == 0x0A { chunk = chunk.dropFirst(); continue }
            }
            guard let end = chunk.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else {
                current += chunk
                chunk = []
                continue
            }
            current += chunk[..<end]
            skipsLineFeed = chunk[end] == 0x0D
            chunk = chunk[(end + 1)...]
            return endLine()
        }
    }

    private mutating func endLine() -> Line {
        lineNumber += 1
        defer { current.removeAll(keepingCapacity: true) }
        return Self.parse(current, number: lineNumber, algorithm: algorithm)
    }

    /// Parses one line, `digest path`.
    private static func parse(_ bytes: [UInt8], number: Int, algorithm: DigestAlgorithm) -> Line {
        func problem(_ message: String) -> Line { .problem(Manifest.LineProblem(line: number, message: message)) }
        if bytes.isEmpty { return problem("empty line") }
        guard let line = String(validating: bytes, as: UTF8.self) else { return problem("the line is not valid UTF-8") }
        guard let separator = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return problem("expected 'digest path'")
        }
        let digest = line[..<separator].lowercased()
        var path = BagPath.decode(String(line[separator...].drop { $0 == " " || $0 == "\t" }))
        // bagit.py and others accept a leading "./" (the suite's bag-with-leading-dot-slash-in-manifest).
        while path.hasPrefix("./") { path.removeFirst(2) }
        if digest.count != algorithm.hexLength || !digest.allSatisfy(\.isHexDigit) {
            let article = algorithm == .md5 ? "an" : "a"
            return problem("'\(line[..<separator].prefix(20))' is not \(article) \(algorithm.displayName) digest (\(algorithm.hexLength) hex digits)")
        }
        if let unsafe = BagPath.problem(path) { return problem("unsafe path '\(path)': \(unsafe)") }
        return .entry(line: number, path: path, digest: digest)
    }
}
