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
        /// The file could not be opened; `errno` is the system's reason.
        case cannotOpen(errno: Int32)
        /// Reading failed; `errno` is the system's reason.
        case cannotRead(errno: Int32)
        /// Writing failed; `errno` is the system's reason.
        case cannotWrite(errno: Int32)
        /// The destination exists and replacing it was not asked for.
        case alreadyExists
        /// The input changed between two readings of it, or while it was read.
        case changedWhileReading
        /// The path names a folder where a file is needed.
        case isDirectory
        /// The file is at least `size` bytes, over the `limit` for it.
        case tooLarge(size: Int, limit: Int)
        /// The folder to write in could not be opened (it does not exist, or is not a folder).
        case cannotOpenFolder(errno: Int32)
        /// The destination is a symbolic link, which Accord never writes through or replaces.
        case isSymbolicLink
        /// The destination is a device, FIFO or socket, not a file.
        case notARegularFile
        /// The command was interrupted; what it had written was removed.
        case interrupted
        /// Something Accord made or was to replace was swapped by someone else meanwhile.
        case changedBySomeoneElse
        /// The work was cancelled; what it had written was removed.
        case cancelled
        /// The host's ``ByteReader`` (or byte chunks) failed with this message.
        case readerFailed(String)
        /// A stream that was not recorded was to be read a second time.
        case readOnce
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
        case .cannotOpen(let code): return "cannot open: \(Self.explain(code))"
        case .cannotRead(let code): return "cannot read: \(Self.explain(code))"
        case .cannotWrite(let code): return "cannot write: \(Self.explain(code)); nothing was left behind"
        case .alreadyExists: return "already exists; it is not replaced unless you ask for it to be"
        case .cannotOpenFolder(let code):
            switch code {
            case ENOENT: return "this folder does not exist; create it first"
            case ENOTDIR: return "is not a folder"
            default: return "cannot open the folder: \(Self.explain(code))"
            }
        case .isSymbolicLink: return "is a symbolic link; Accord does not write through links or replace them: name the file itself"
        case .notARegularFile: return "is a device or other special file, not a file Accord can write to"
        case .interrupted: return "interrupted; what had been written was removed"
        case .changedBySomeoneElse: return "something else took the place of what Accord made or was to replace (does another user write in this folder?); nothing was written"
        case .cancelled: return "cancelled; what had been written was removed"
        case .readerFailed(let message): return "the stream failed: \(message)"
        case .readOnce: return "a stream that is not recorded can be read only once (to validate or unpack it); record it to convert it or read its records"
        case .changedWhileReading: return "changed while it was being read; nothing was written"
        case .isDirectory: return "is a folder; name a file (inside it, for example)"
        case .tooLarge(let size, let limit): return "the file is at least \(size) bytes; the limit is \(limit) bytes"
        }
    }

    /// The system's reason in words a user can act on, for the errors people meet.
    static func explain(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "your disk quota is used up"
        case EROFS: return "the disk is read-only"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "no such file or folder"
        default: return String(cString: strerror(code))
        }
    }
}
