/// Reads a tar archive entry by entry, refusing anything that is not a plain file or
/// folder, that could be extracted outside one top-level bundle folder, or that breaks
/// the format.
///
/// Accepts POSIX ustar and pax archives and GNU tar archives (with `L` long names), as
/// GNU tar, bsdtar and `TarWriter` make them. Refuses, among others: links, devices and
/// FIFOs; pax global headers (`g`), whose settings would apply to every later entry, so
/// refusing them is simpler and stricter than honouring them; setuid, setgid and sticky
/// bits; unsafe or colliding paths (see `EntryPath` and `EntryNamespace`); truncation;
/// and anything but zero bytes after the end-of-archive marker.
///
/// Sizes may be octal or GNU base-256 (up to `maxEntryBytes`). The reader holds one
/// 512-byte block, at most one extended header (capped by `maxPaxHeaderBytes`), a 64 KiB
/// buffer while skipping unread data, and the names seen so far; never an entry's data.
final class TarReader {
    /// The one folder every entry is inside, once the first entry has been read.
    var topLevelFolder: String? { namespace.topLevelFolder }

    private var source: any ByteSource
    private let limits: ArchiveLimits
    private var namespace: EntryNamespace
    private var headerCount = 0
    private var state = State.betweenEntries
    /// The current header block.
    private let block = UnsafeMutableRawBufferPointer.allocate(byteCount: TarHeaderBlock.size, alignment: 8)

    /// Where the reader is in the archive.
    private enum State {
        case betweenEntries
        /// Inside the data of the entry named `rawName`; `padding` zero bytes follow it to
        /// end its last block.
        case inEntry(rawName: [UInt8], remaining: Int, padding: Int)
        case ended
        case failed(ArchiveError)
    }

    /// The path, and possibly the size, that an extended header (`x` or `L`) gives the
    /// entry after it.
    private struct Extension {
        /// The extended header's own name, for messages.
        var headerName: [UInt8]
        var path: [UInt8]?
        var size: Int?
    }

    /// Reads the archive `source` provides, within `limits`.
    /// A reader of the archive in `source`. With `inBundleOrder`, entries below the first
    /// two levels must come in ``EntryOrder`` (see ``EntryNamespace``), and the reader's
    /// memory then does not grow with the number of entries.
    init<S: ByteSource>(source: S, limits: ArchiveLimits = ArchiveLimits(), inBundleOrder: Bool = false) {
        self.source = source
        self.limits = limits
        namespace = EntryNamespace(inBundleOrder: inBundleOrder)
    }

    deinit {
        block.deallocate()
    }

    /// The next entry, or nil once the end-of-archive marker and everything after it has
    /// been read and checked. Skips whatever is unread of the previous entry's data.
    func next() throws(ArchiveError) -> TarEntry? {
        do throws(ArchiveError) {
            return try nextEntry()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Reads the current entry's data into `buffer`; returns the number of bytes read,
    /// 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        switch state {
        case .failed(let error):
            throw error
        case .betweenEntries, .ended:
            return 0
        case .inEntry(let rawName, let remaining, let padding):
            let wanted = min(buffer.count, remaining)
            guard wanted > 0 else { return 0 }
            let count: Int
            do throws(ArchiveError) {
                count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
                if count == 0 { throw .truncated(entry: PrintableName.escaping(rawName)) }
            } catch {
                state = .failed(error)
                throw error
            }
            state = .inEntry(rawName: rawName, remaining: remaining - count, padding: padding)
            return count
        }
    }

    // MARK: Headers

    private func nextEntry() throws(ArchiveError) -> TarEntry? {
        switch state {
        case .failed(let error): throw error
        case .ended: return nil
        case .inEntry(let rawName, let remaining, let padding): try skip(remaining + padding, entry: rawName)
        case .betweenEntries: break
        }
        state = .betweenEntries

        var pending: Extension?
        while let header = try readHeader() {
            headerCount += 1
            if headerCount > limits.maxEntries { throw .tooManyEntries(limit: limits.maxEntries) }
            switch header.typeFlag {
            case UInt8(ascii: "x"), UInt8(ascii: "L"):
                if let pending { throw .orphanExtendedHeader(entry: PrintableName.escaping(pending.headerName)) }
                pending = try readExtension(header)
            case UInt8(ascii: "0"), 0, UInt8(ascii: "5"):
                if let entry = try admitEntry(header, extension: pending) { return entry }
                pending = nil
            default:
                let name = PrintableName.escaping(pending?.path ?? header.name)
                throw .unsupportedEntryType(entry: name, typeFlag: header.typeFlag)
            }
        }
        if let pending { throw .orphanExtendedHeader(entry: PrintableName.escaping(pending.headerName)) }
        try readEndOfArchive()
        state = .ended
        return nil
    }

    /// The next header, or nil at the first zero block (the end-of-archive marker).
    private func readHeader() throws(ArchiveError) -> TarHeaderBlock? {
        guard try source.readFully(into: block) == block.count else { throw .truncated(entry: nil) }
        let header = TarHeaderBlock(Array(block))
        if header.isAllZero { return nil }
        guard header.hasValidChecksum else { throw .badHeaderChecksum(entry: PrintableName.escaping(header.name)) }
        guard header.format != nil else {
            throw .unrecognisedHeader(entry: PrintableName.escaping(header.name), problem: header.formatProblem)
        }
        return header
    }

    /// Reads the data of a pax (`x`) or GNU long-name (`L`) header.
    private func readExtension(_ header: TarHeaderBlock) throws(ArchiveError) -> Extension {
        let rawName = header.name
        guard let size = header.number(.size) else {
            throw .invalidHeaderField(entry: PrintableName.escaping(rawName), field: "size")
        }
        guard size <= limits.maxPaxHeaderBytes else {
            throw .extendedHeaderTooLarge(entry: PrintableName.escaping(rawName), limit: limits.maxPaxHeaderBytes)
        }
        let data = try readData(size, entry: rawName)
        if header.typeFlag == UInt8(ascii: "L") {
            // GNU tar stores the name with a terminating NUL; any other NUL is refused later.
            let path = data.last == 0 ? Array(data.dropLast()) : data
            return Extension(headerName: rawName, path: path)
        }
        let pax = try PaxHeader(parsing: data, entry: PrintableName.escaping(rawName))
        return Extension(headerName: rawName, path: pax.path, size: pax.size)
    }

    /// Checks a file or folder header and returns its entry, or nil for a `./` entry.
    private func admitEntry(_ header: TarHeaderBlock, extension pending: Extension?) throws(ArchiveError) -> TarEntry? {
        let kind: TarEntryKind = header.typeFlag == UInt8(ascii: "5") ? .directory : .file
        let rawPath = pending?.path ?? header.name
        func name() -> String { PrintableName.escaping(rawPath) }

        let path = try EntryPath.forReading(rawPath, kind: kind, maxBytes: limits.maxPathBytes)
        guard let mode = header.number(.mode) else { throw .invalidHeaderField(entry: name(), field: "mode") }
        if mode & 0o7000 != 0 { throw .specialPermissions(entry: name(), mode: UInt32(truncatingIfNeeded: mode)) }
        guard let modificationTime = header.number(.modificationTime) else {
            throw .invalidHeaderField(entry: name(), field: "mtime")
        }
        guard let size = pending?.size ?? header.number(.size) else {
            throw .invalidHeaderField(entry: name(), field: "size")
        }
        if size > limits.maxEntryBytes { throw .entryTooLarge(entry: name(), limit: limits.maxEntryBytes) }
        if kind == .directory, size != 0 { throw .invalidHeaderField(entry: name(), field: "size") }

        guard let path else { return nil }
        try namespace.admit(path, kind: kind, entry: name())
        state = .inEntry(rawName: rawPath, remaining: size, padding: Self.padding(after: size))
        return TarEntry(path: path, kind: kind, size: size, mode: UInt32(mode & 0o777), modificationTime: modificationTime)
    }

    // MARK: Data

    /// Reads `count` bytes of the data of the extended header named `entry`, and the
    /// padding after them.
    private func readData(_ count: Int, entry: [UInt8]) throws(ArchiveError) -> [UInt8] {
        let padded = count + Self.padding(after: count)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: padded, alignment: 1)
        defer { buffer.deallocate() }
        guard try source.readFully(into: buffer) == padded else { throw .truncated(entry: PrintableName.escaping(entry)) }
        return Array(buffer[..<count])
    }

    /// Reads and discards `count` bytes of the entry named `entry`.
    private func skip(_ count: Int, entry: [UInt8]) throws(ArchiveError) {
        var remaining = count
        let scratch = remaining <= block.count ? block : .allocate(byteCount: 64 << 10, alignment: 1)
        defer { if scratch.baseAddress != block.baseAddress { scratch.deallocate() } }
        while remaining > 0 {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[..<min(remaining, scratch.count)]))
            if read == 0 { throw .truncated(entry: PrintableName.escaping(entry)) }
            remaining -= read
        }
    }

    /// After the first zero block: checks the second, and that only zero bytes follow
    /// up to the end of the data (GNU tar pads archives to 10240 bytes).
    private func readEndOfArchive() throws(ArchiveError) {
        guard try source.readFully(into: block) == block.count else { throw .truncated(entry: nil) }
        var count = block.count
        while count > 0 {
            if block[..<count].contains(where: { $0 != 0 }) { throw .dataAfterEndOfArchive }
            count = try source.read(into: block)
        }
    }

    /// The zero bytes that fill up the last block of `size` bytes of data.
    private static func padding(after size: Int) -> Int {
        (TarHeaderBlock.size - size % TarHeaderBlock.size) % TarHeaderBlock.size
    }
}
