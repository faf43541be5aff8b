/// Writes a POSIX tar archive of files and folders, deterministically: the same calls
/// always produce the same bytes.
///
/// Every header is ustar (`"ustar\0"`, version `"00"`) with owner and group 0 and no
/// owner names, mode 0644 for files and 0755 for folders, and the modification time
/// given. A path that does not fit ustar's `name` (100 bytes) and `prefix` (155 bytes)
/// fields, or is not ASCII, is stored in a pax extended header (`x`) whose own name is
/// `PaxHeaders/<file name>`. Paths are checked like `TarReader` checks them, so the
/// writer never makes an archive Accord would refuse to read.
final class TarWriter {
    private var sink: any ByteSink
    private var namespace = EntryNamespace()
    private var bytesWritten = 0
    private var state = State.ready

    /// What the writer can do next.
    private enum State {
        case ready
        /// Inside `addFile`'s `contents`.
        case writingContents
        case finished
        /// Writing failed part-way; the archive is unusable.
        case failed(ArchiveError)
    }

    /// GNU tar pads archives to a multiple of its default record size, 20 blocks.
    private static let recordSize = 20 * TarHeaderBlock.size

    /// Writes the archive to `sink`.
    init<S: ByteSink>(sink: S) {
        self.sink = sink
    }

    /// Adds a folder; `path` may end with `/` or not.
    func addDirectory(_ path: String, modificationTime: Int) throws(ArchiveError) {
        try checkReady()
        let checked = try EntryPath.forWriting(path, kind: .directory)
        let headers = try Self.headers(for: checked, kind: .directory, size: 0, modificationTime: modificationTime)
        try namespace.admit(checked, kind: .directory, entry: PrintableName.escaping(path))
        try emit(headers)
    }

    /// Adds a file of `size` bytes, which `contents` writes to the `TarFileWriter` it is
    /// given; writing more or fewer bytes than `size` throws `sizeMismatch`.
    ///
    /// Swift infers closures as throwing `any Error`, so spell out the error type:
    /// ```swift
    /// try writer.addFile("bundle/a.xml", size: data.count, modificationTime: 0) { (file) throws(ArchiveError) in
    ///     try file.write(data)
    /// }
    /// ```
    func addFile(
        _ path: String, size: Int, modificationTime: Int,
        contents: (TarFileWriter) throws(ArchiveError) -> Void
    ) throws(ArchiveError) {
        try checkReady()
        let checked = try EntryPath.forWriting(path, kind: .file)
        let headers = try Self.headers(for: checked, kind: .file, size: size, modificationTime: modificationTime)
        try namespace.admit(checked, kind: .file, entry: PrintableName.escaping(path))
        try emit(headers)

        let file = TarFileWriter(writer: self, path: path, size: size)
        state = .writingContents
        do throws(ArchiveError) {
            try contents(file)
            file.close()
            if case .failed(let error) = state { throw error }
            if file.written != size {
                throw .sizeMismatch(entry: PrintableName.escaping(path), declared: size, written: file.written)
            }
            state = .ready
            try emit(Self.zeros(Self.padding(after: size)))
        } catch {
            file.close()
            state = .failed(error)
            throw error
        }
    }

    /// Ends the archive with two zero blocks, padded to a multiple of 10240 bytes like
    /// GNU tar. Does not finish the sink (a `GzipWriter` needs its own `finish()`).
    func finish() throws(ArchiveError) {
        try checkReady()
        let end = bytesWritten + 2 * TarHeaderBlock.size
        let padded = (end + Self.recordSize - 1) / Self.recordSize * Self.recordSize
        try emit(Self.zeros(padded - bytesWritten))
        state = .finished
    }

    /// Writes a file's data for `TarFileWriter`, which has checked it fits the entry.
    func writeContents(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard case .writingContents = state else {
            throw .misuse(detail: "a file's contents were written outside addFile")
        }
        try emitting { (sink) throws(ArchiveError) in try sink.write(bytes) }
        bytesWritten += bytes.count
    }

    // MARK: Writing

    private func checkReady() throws(ArchiveError) {
        switch state {
        case .ready: return
        case .writingContents: throw .misuse(detail: "an entry was added inside another entry's contents")
        case .finished: throw .misuse(detail: "an entry was added after finish()")
        case .failed(let error): throw error
        }
    }

    private func emit(_ bytes: [UInt8]) throws(ArchiveError) {
        try emitting { (sink) throws(ArchiveError) in try sink.write(bytes) }
        bytesWritten += bytes.count
    }

    /// Runs `write` on the sink; if it fails, so does every later call.
    private func emitting(_ write: (inout any ByteSink) throws(ArchiveError) -> Void) throws(ArchiveError) {
        do throws(ArchiveError) {
            try write(&sink)
        } catch {
            state = .failed(error)
            throw error
        }
    }

    // MARK: Headers

    /// The header blocks for an entry: a pax header and its records if needed, then the
    /// ustar header.
    private static func headers(
        for path: String, kind: TarEntryKind, size: Int, modificationTime: Int
    ) throws(ArchiveError) -> [UInt8] {
        func entry() -> String { PrintableName.escaping(path) }
        let stored = Array(path.utf8) + (kind == .directory ? [UInt8(ascii: "/")] : [])
        var header = TarHeaderBlock()
        header.setText(.typeFlag, [kind == .directory ? UInt8(ascii: "5") : UInt8(ascii: "0")])
        guard header.setOctal(.size, size) else { throw .invalidHeaderField(entry: entry(), field: "size") }
        guard header.setOctal(.modificationTime, modificationTime) else {
            throw .invalidHeaderField(entry: entry(), field: "mtime")
        }
        _ = header.setOctal(.mode, kind == .directory ? 0o755 : 0o644)
        fillCommonFields(&header)

        if let (prefix, name) = ustarSplit(stored) {
            header.setText(.prefix, prefix)
            header.setText(.name, name)
            header.seal()
            return header.bytes
        }

        header.setText(.name, asciiFallback(stored, keepingSlash: kind == .directory))
        header.seal()
        let records = PaxHeader.record(key: "path", value: stored)
        var paxHeader = TarHeaderBlock()
        paxHeader.setText(.name, paxHeaderName(for: path))
        paxHeader.setText(.typeFlag, [UInt8(ascii: "x")])
        _ = paxHeader.setOctal(.size, records.count)
        _ = paxHeader.setOctal(.modificationTime, modificationTime)
        _ = paxHeader.setOctal(.mode, 0o644)
        fillCommonFields(&paxHeader)
        paxHeader.seal()
        return paxHeader.bytes + records + zeros(padding(after: records.count)) + header.bytes
    }

    /// Owner and group 0, no owner names, no device numbers, ustar magic.
    private static func fillCommonFields(_ header: inout TarHeaderBlock) {
        _ = header.setOctal(.uid, 0)
        _ = header.setOctal(.gid, 0)
        _ = header.setOctal(.devMajor, 0)
        _ = header.setOctal(.devMinor, 0)
        header.setText(.magic, Array("ustar\u{0}00".utf8))
    }

    /// `stored` split between ustar's `prefix` and `name` fields at a `/`, or nil if it
    /// does not fit or is not ASCII.
    private static func ustarSplit(_ stored: [UInt8]) -> (prefix: ArraySlice<UInt8>, name: ArraySlice<UInt8>)? {
        let nameSize = TarHeaderBlock.Field.name.range.count
        let prefixSize = TarHeaderBlock.Field.prefix.range.count
        guard stored.allSatisfy({ $0 < 0x80 }) else { return nil }
        if stored.count <= nameSize { return ([], stored[...]) }
        for index in stored.indices where stored[index] == UInt8(ascii: "/") {
            let prefix = stored[..<index]
            let name = stored[(index + 1)...]
            if prefix.count <= prefixSize, !name.isEmpty, name.count <= nameSize { return (prefix, name) }
        }
        return nil
    }

    /// What a reader that ignores pax headers sees: the path with non-ASCII bytes
    /// replaced by `_`, cut to fit the `name` field.
    private static func asciiFallback(_ stored: [UInt8], keepingSlash: Bool) -> [UInt8] {
        let ascii = stored.map { $0 < 0x80 ? $0 : UInt8(ascii: "_") }
        let nameSize = TarHeaderBlock.Field.name.range.count
        guard ascii.count > nameSize else { return ascii }
        return keepingSlash ? ascii.prefix(nameSize - 1) + [UInt8(ascii: "/")] : Array(ascii.prefix(nameSize))
    }

    /// `PaxHeaders/<last path component>`, cut on a character boundary to fit `name`.
    private static func paxHeaderName(for path: String) -> [UInt8] {
        let nameSize = TarHeaderBlock.Field.name.range.count
        var name = Array("PaxHeaders/".utf8)
        for scalar in path.split(separator: "/").last!.unicodeScalars {
            let encoded = Array(String(scalar).utf8)
            if name.count + encoded.count > nameSize { break }
            name += encoded
        }
        return name
    }

    private static func padding(after size: Int) -> Int {
        (TarHeaderBlock.size - size % TarHeaderBlock.size) % TarHeaderBlock.size
    }

    private static func zeros(_ count: Int) -> [UInt8] {
        [UInt8](repeating: 0, count: count)
    }
}
