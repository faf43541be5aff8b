/// A file written in a private work folder beside its destination (`docs/bundle-format.md`), then
/// fsynced and renamed into place, so that the final name only ever holds a whole file.
/// If the work fails, ``discard()`` (or dropping the value) removes the work folder; if
/// the process is killed, the next Accord command writing in that folder removes it.
public final class AtomicFile {
    /// The final name.
    public let destination: String
    private let work: WorkFolder
    /// The file found at the destination when the work began, which `commit` may replace.
    private let replacing: DirectoryHandle.Identity?
    let descriptor: Int32
    private var finished = false
    /// The inode of the file once committed, so that a caller can tell it from another.
    public private(set) var committedInode: UInt64?
    private static let temporaryName = "file"

    /// Creates the temporary file beside `destination`, with permissions `mode` (0o600 for
    /// a secret). Refuses to replace an existing destination unless `overwrite` is set, and
    /// refuses always a destination that is a folder, a symbolic link or a device.
    public init(destination: String, overwrite: Bool, mode: UInt32 = 0o644) throws(FileError) {
        switch DirectoryListing.kind(of: destination) {
        case .missing: break
        case .directory: throw FileError(path: destination, reason: .isDirectory)
        case .symbolicLink: throw FileError(path: destination, reason: .isSymbolicLink)
        case .special: throw FileError(path: destination, reason: .notARegularFile)
        case .file: if !overwrite { throw FileError(path: destination, reason: .alreadyExists) }
        }
        self.destination = destination
        work = try WorkFolder(in: parentFolder(of: destination))
        // Taken again through the folder's descriptor: this is what may be replaced, and
        // nothing else that takes its name meanwhile.
        let existing = work.parent.status(of: lastComponent(of: destination))
        if let existing, (existing.st_mode & S_IFMT) != S_IFREG {
            work.remove()
            throw FileError(path: destination, reason: .changedBySomeoneElse)
        }
        replacing = overwrite ? existing.map(DirectoryHandle.Identity.init) : nil
        if !overwrite && existing != nil {
            work.remove()
            throw FileError(path: destination, reason: .alreadyExists)
        }
        descriptor = try work.folder.createFile(Self.temporaryName, mode: mode_t(mode))
    }

    deinit {
        discard()
    }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: [UInt8]) throws(FileError) {
        var sink = FileByteSink(descriptor: descriptor)
        do {
            try sink.write(bytes)
        } catch {
            throw FileError(path: destination, reason: .cannotWrite(errno: errno))
        }
    }

    /// Flushes the file to disk, renames it to its destination and flushes the folder.
    public func commit() throws(FileError) {
        guard !finished else { return }
        finished = true
        defer { work.remove() }
        var status = stat()
        if fstat(descriptor, &status) == 0 { committedInode = UInt64(status.st_ino) }
        let synced = fsync(descriptor) == 0 ? 0 : errno
        // close reports write errors some file systems (NFS) only find at the end.
        let closed = close(descriptor) == 0 ? 0 : errno
        if synced != 0 || closed != 0 { throw FileError(path: destination, reason: .cannotWrite(errno: synced != 0 ? synced : closed)) }
        try work.moveOut(Self.temporaryName, to: lastComponent(of: destination), replacing: replacing)
    }

    /// Removes the temporary file, if it was not committed.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        work.remove()
    }
}
