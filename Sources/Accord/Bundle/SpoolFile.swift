internal import CPlatform

/// An anonymous scratch file: a file with no name (`O_TMPFILE`) where the system offers
/// it, else one created and unlinked at once, so it disappears with the process whatever
/// happens. Appends may come from several threads.
final class SpoolFile: @unchecked Sendable {
    private let descriptor: Int32
    private let end = Locked(0)
    /// The folder the spool is on, to name in messages (the file itself has no name).
    let folder: String

    init(folder: String) throws(FileError) {
        self.folder = folder
        if let handle = try? DirectoryHandle(opening: folder) {
            let unnamed = accord_open_tmpfile(handle.descriptor, 0o600)
            if unnamed >= 0 {
                descriptor = unnamed
                return
            }
        }
        var attempt = 0
        while true {
            let path = "\(folder)/.accord-spool-\(getpid())-\(attempt)"
            let opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if opened >= 0 {
                unlink(path)
                descriptor = opened
                return
            }
            if errno != EEXIST || attempt > 100 { throw FileError(path: folder, reason: .cannotWrite(errno: errno)) }
            attempt += 1
        }
    }

    deinit {
        close(descriptor)
    }

    /// Where scratch files go when there is no better place: `$TMPDIR`, or `/tmp`.
    static var temporaryFolder: String {
        guard let folder = getenv("TMPDIR").map({ String(cString: $0) }), !folder.isEmpty else { return "/tmp" }
        return folder
    }

    /// The number of bytes appended so far.
    var count: Int { end.withLock { $0 } }

    /// Appends `bytes` and returns the offset they were written at.
    @discardableResult
    func append(_ bytes: [UInt8]) throws(FileError) -> Int {
        try bytes.withRawBytes { raw throws(FileError) in try append(raw) }
    }

    /// Appends `bytes` and returns the offset they were written at.
    @discardableResult
    func append(_ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
        let offset = end.withLock { end -> Int in
            defer { end += bytes.count }
            return end
        }
        var written = 0
        while written < bytes.count {
            let count = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: folder, reason: .cannotWrite(errno: errno))
            }
            written += count
        }
        return offset
    }

    /// Reads up to `buffer.count` bytes at `offset`; returns how many (0 at the end).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(FileError) -> Int {
        while true {
            let got = pread(descriptor, buffer.baseAddress!, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno != EINTR { throw FileError(path: folder, reason: .cannotRead(errno: errno)) }
        }
    }

    /// Reads `count` bytes at `offset`; fewer is an error.
    func read(at offset: Int, count: Int) throws(FileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = try bytes.withMutableRawBytes { raw throws(FileError) in
                try read(at: offset + done, into: UnsafeMutableRawBufferPointer(rebasing: raw[done...]))
            }
            if got == 0 { throw FileError(path: folder, reason: .cannotRead(errno: EIO)) }
            done += got
        }
        return bytes
    }
}

/// Reads a spool file from its start, a chunk or a line at a time.
struct SpoolReader {
    private let spool: SpoolFile
    private var offset = 0
    private var buffer: [UInt8] = []
    private var position = 0

    init(_ spool: SpoolFile) {
        self.spool = spool
    }

    /// The next bytes, or nil at the end.
    mutating func nextChunk() throws(FileError) -> ArraySlice<UInt8>? {
        if position < buffer.count {
            defer { position = buffer.count }
            return buffer[position...]
        }
        guard try fill() else { return nil }
        position = buffer.count
        return buffer[...]
    }

    /// The next line without its LF (the last one may lack it), or nil at the end.
    mutating func nextLine() throws(FileError) -> [UInt8]? {
        var line: [UInt8] = []
        while true {
            if position == buffer.count {
                guard try fill() else { return line.isEmpty ? nil : line }
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                line += buffer[position..<newline]
                position = newline + 1
                return line
            }
            line += buffer[position...]
            position = buffer.count
        }
    }

    private mutating func fill() throws(FileError) -> Bool {
        buffer = [UInt8](repeating: 0, count: 64 << 10)
        let got = try buffer.withMutableRawBytes { raw throws(FileError) in try spool.read(at: offset, into: raw) }
        buffer.removeSubrange(got...)
        offset += got
        position = 0
        return got > 0
    }
}
