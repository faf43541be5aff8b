/// Keeps at most ``limit`` diagnostics of each code and counts the rest, so that a bag of a
/// million empty unlisted files cannot fill memory with reports.
struct DiagnosticCap {
    /// The most diagnostics of one code kept.
    static let limit = 1000

    private var kept: [DiagnosticCode: Int] = [:]
    /// Per code, the diagnostics not kept, and whether any of them was an error.
    private var dropped: [DiagnosticCode: (count: Int, errors: Bool)] = [:]

    /// Whether `diagnostic` is kept; if not, it is counted.
    mutating func admits(_ diagnostic: Diagnostic) -> Bool {
        if kept[diagnostic.code, default: 0] < Self.limit {
            kept[diagnostic.code, default: 0] += 1
            return true
        }
        let earlier = dropped[diagnostic.code] ?? (0, false)
        dropped[diagnostic.code] = (earlier.count + 1, earlier.errors || diagnostic.severity == .error)
        return false
    }

    /// Counts what `other` did not keep as not kept here too.
    mutating func count(droppedBy other: DiagnosticCap) {
        for (code, more) in other.dropped {
            let earlier = dropped[code] ?? (0, false)
            dropped[code] = (earlier.count + more.count, earlier.errors || more.errors)
        }
    }

    /// One `B026` per code with diagnostics not kept, an error if any of them was.
    func overflow(bundleFile: String) -> [Diagnostic] {
        dropped.sorted { $0.key.rawValue < $1.key.rawValue }.map { code, more in
            var overflow = Diagnostic(
                .moreProblemsNotShown, "\(more.count) more \(code.rawValue) problems are not shown (the first \(Self.limit) are)",
                at: SourceLocation(file: bundleFile))
            overflow.severity = more.errors ? .error : .warning
            return overflow
        }
    }
}
