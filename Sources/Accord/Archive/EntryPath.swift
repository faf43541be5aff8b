/// The rules every entry path follows, shared by `TarReader` and `TarWriter` so that
/// Accord never writes an archive it would refuse to read.
///
/// A checked path is relative, uses `/` between components, and has no leading `./`
/// and no trailing `/`.
enum EntryPath {
    /// Checks the path of an entry read from an archive, exactly as stored (`raw`), and
    /// returns it in checked form; returns nil for the `./` folder entry, which GNU tar
    /// writes for `tar -C folder .` and which is skipped.
    ///
    /// One leading `./` is removed, and so is one trailing `/` from a folder's path.
    static func forReading(_ raw: [UInt8], kind: TarEntryKind, maxBytes: Int) throws(ArchiveError) -> String? {
        if raw.count > maxBytes {
            throw .unsafePath(entry: PrintableName.escaping(raw), problem: .tooLong(limit: maxBytes))
        }
        var path = raw[...]
        if kind == .directory, path.last == slash { path = path.dropLast() }
        if kind == .directory, path.elementsEqual([dot]) { return nil }
        if path.starts(with: [dot, slash]) { path = path.dropFirst(2) }
        if let problem = problem(in: path) { throw .unsafePath(entry: PrintableName.escaping(raw), problem: problem) }
        return String(decoding: path, as: UTF8.self)
    }

    /// Checks a path given to `TarWriter` and returns it in checked form. A folder's
    /// path may be given with or without its trailing `/`; the archive stores it with one,
    /// and that stored form must fit the default `maxPathBytes`.
    static func forWriting(_ path: String, kind: TarEntryKind) throws(ArchiveError) -> String {
        var bytes = Array(path.utf8)
        if kind == .directory, bytes.last == slash { bytes.removeLast() }
        if let problem = problem(in: bytes[...]) {
            throw .unsafePath(entry: PrintableName.escaping(path), problem: problem)
        }
        let storedCount = bytes.count + (kind == .directory ? 1 : 0)
        let limit = ArchiveLimits().maxPathBytes
        if storedCount > limit { throw .unsafePath(entry: PrintableName.escaping(path), problem: .tooLong(limit: limit)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first problem found in `path`, or nil if it is safe.
    private static func problem(in path: ArraySlice<UInt8>) -> PathProblem? {
        if path.isEmpty { return .empty }
        if path.contains(0) { return .nul }
        let text = String(decoding: path, as: UTF8.self)
        // Decoding replaces invalid sequences with U+FFFD, so valid input survives unchanged.
        if !text.utf8.elementsEqual(path) { return .notUTF8 }
        if path.first == slash { return .absolute }
        if path.count >= 2, isASCIILetter(path[path.startIndex]), path[path.startIndex + 1] == colon {
            return .driveLetter
        }
        if path.contains(backslash) { return .backslash }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return .controlCharacter
        }
        if text.contains(where: { $0 != "/" && $0.unicodeScalars.contains("/") }) { return .combinedSlash }
        for component in path.split(separator: slash, omittingEmptySubsequences: false) {
            if component.isEmpty { return .emptyComponent }
            if component.elementsEqual([dot]) { return .dotComponent }
            if component.elementsEqual([dot, dot]) { return .parentComponent }
        }
        return nil
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")
    private static let colon = UInt8(ascii: ":")
    private static let backslash = UInt8(ascii: "\\")
}
