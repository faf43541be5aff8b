/// Reads whole files with a size cap, without Foundation.
enum FileReader {
    /// Reads the file at `path`, refusing it as soon as it proves larger than `maxBytes`
    /// (the size is counted while reading, so pipes and growing files are capped too).
    static func read(_ path: String, maxBytes: Int) throws(FileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, reason: .isDirectory) }
            if Int(status.st_size) > maxBytes {
                throw FileError(path: path, reason: .tooLarge(size: Int(status.st_size), limit: maxBytes))
            }
        }
        var bytes: [UInt8] = []
        try forEachChunk(of: descriptor, path: path) { chunk throws(FileError) in
            bytes.append(contentsOf: chunk)
            if bytes.count > maxBytes {
                throw FileError(path: path, reason: .tooLarge(size: bytes.count, limit: maxBytes))
            }
        }
        return bytes
    }

    /// Calls `body` with each chunk read from `descriptor` until its end (`path` names it
    /// in errors).
    static func forEachChunk(
        of descriptor: Int32, path: String, _ body: (UnsafeRawBufferPointer) throws(FileError) -> Void
    ) throws(FileError) {
        var source = FileByteSource(descriptor: descriptor)
        var chunk = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count: Int
            do {
                count = try chunk.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
            } catch {
                let code: Int32
                if case .readFailed(let failure) = error { code = failure } else { code = EIO }
                throw FileError(path: path, reason: .cannotRead(errno: code))
            }
            if count == 0 { return }
            try chunk.withRawBytes { raw throws(FileError) in try body(UnsafeRawBufferPointer(rebasing: raw[..<count])) }
        }
    }
}

/// A file could not be read or written.
public struct FileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file concerned.
    public var path: String
    /// What went wrong.
    public var reason: Reason

    /// What went wrong with a file.
    public enum Reason: Sendable, Hashable {
        case cannotOpen(errno: Int32)
        case cannotRead(errno: Int32)
        case cannotWrite(errno: Int32)
        case alreadyExists
        case changedWhileReading
        case isDirectory
        case tooLarge(size: Int, limit: Int)
    }

    /// Creates a file error.
    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// A readable account: `path: cannot open: No such file or directory`.
    public var description: String {
        "\(path): \(problem)"
    }

    /// What went wrong, without the path: `cannot open: No such file or directory`.
    public var problem: String {
        switch reason {
        case .cannotOpen(let code): return "cannot open: \(String(cString: strerror(code)))"
        case .cannotRead(let code): return "cannot read: \(String(cString: strerror(code)))"
        case .cannotWrite(let code): return "cannot write: \(String(cString: strerror(code)))"
        case .alreadyExists: return "already exists; it is not replaced (commands that may replace it take --force)"
        case .changedWhileReading: return "changed while it was being read; nothing was written"
        case .isDirectory: return "is a directory"
        case .tooLarge(let size, let limit): return "the file is at least \(size) bytes; the limit is \(limit) bytes"
        }
    }
}
