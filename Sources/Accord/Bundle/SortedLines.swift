/// Lines appended in bundle order (``EntryOrder``) to an unlinked scratch file, and
/// looked up by binary search over its bytes: a set of paths that takes no memory.
///
/// Lines must not hold LF (bag paths cannot: ``EntryPath`` refuses control characters).
/// Appends come from one thread; lookups may come from any, once appends are done.
final class SortedLines: @unchecked Sendable {
    private let spool: SpoolFile
    private let readFailed = Locked(false)

    /// Whether a lookup could not read the file (its answer was then "absent").
    var hasFailed: Bool { readFailed.withLock { $0 } }

    init(folder: String) throws(FileError) {
        spool = try SpoolFile(folder: folder)
    }

    /// Adds `line`, which must come after every line added before.
    func append(_ line: String) throws(FileError) {
        try spool.append(Array(line.utf8) + [0x0A])
    }

    /// Whether `line`, or a canonically equivalent spelling, was added. A read error
    /// counts as absent, and is remembered in ``hasFailed``.
    func contains(_ line: String) -> Bool {
        do {
            return try search(line)
        } catch {
            readFailed.withLock { $0 = true }
            return false
        }
    }

    private func search(_ target: String) throws(FileError) -> Bool {
        // `low` is always the start of a line; if the target is there, it starts in [low, high).
        var low = 0
        var high = spool.count
        while high - low > 8192 {
            let middle = (low + high) / 2
            guard let (start, line) = try line(startingAtOrAfter: middle), start < high else {
                high = middle
                continue
            }
            let order = EntryOrder.compare(String(decoding: line, as: UTF8.self), target)
            if order == 0 { return true }
            if order < 0 { low = start + line.count + 1 } else { high = start }
        }
        guard high > low else { return false }
        // The target starts before `high` but may end after it: read on past it, and drop a
        // last line cut short by the end of what was read.
        let end = min(spool.count, high + 8192)
        let bytes = try spool.read(at: low, count: end - low)
        var lines = bytes.split(separator: 0x0A)
        if end < spool.count, bytes.last != 0x0A, !lines.isEmpty { lines.removeLast() }
        return lines.contains { String(decoding: $0, as: UTF8.self) == target }
    }

    /// The first line that starts at or after `offset`, with its start; nil if none does.
    private func line(startingAtOrAfter offset: Int) throws(FileError) -> (start: Int, bytes: [UInt8])? {
        var position = max(0, offset - 1)
        var start = offset == 0 ? 0 : -1
        var line: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = try chunk.withMutableRawBytes { raw throws(FileError) in try spool.read(at: position, into: raw) }
            if got == 0 { return nil }
            var slice = chunk[..<got]
            if start < 0 {
                guard let newline = slice.firstIndex(of: 0x0A) else { position += got; continue }
                start = position + newline + 1
                slice = slice[(newline + 1)...]
            }
            if let end = slice.firstIndex(of: 0x0A) {
                return (start, line + slice[..<end])
            }
            line += slice
            position += got
        }
    }
}
