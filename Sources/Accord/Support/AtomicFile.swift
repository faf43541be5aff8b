/// A file written under a temporary name in its destination folder, then fsynced and
/// renamed into place, so that the final name only ever holds a whole file. If the work
/// fails, ``discard()`` (or dropping the value) removes the temporary file; nothing
/// remains under the final name.
public final class AtomicFile {
    /// The final name.
    public let destination: String
    let temporaryPath: String
    let descriptor: Int32
    private var finished = false

    /// Creates the temporary file beside `destination`, with permissions `mode` (0o600 for
    /// a secret). Refuses to replace an existing destination unless `overwrite` is set.
    public init(destination: String, overwrite: Bool, mode: UInt32 = 0o644) throws(FileError) {
        if !overwrite, DirectoryListing.kind(of: destination) != .missing {
            throw FileError(path: destination, reason: .alreadyExists)
        }
        self.destination = destination
        let folder = parentFolder(of: destination)
        var attempt = 0
        while true {
            let candidate = "\(folder)/.\(lastComponent(of: destination)).partial-\(getpid())-\(attempt)"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
            if opened >= 0 {
                temporaryPath = candidate
                descriptor = opened
                return
            }
            if errno != EEXIST || attempt > 100 { throw FileError(path: candidate, reason: .cannotOpen(errno: errno)) }
            attempt += 1
        }
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
            throw FileError(path: temporaryPath, reason: .cannotWrite(errno: errno))
        }
    }

    /// Flushes the file to disk, renames it to its destination and flushes the folder.
    public func commit() throws(FileError) {
        guard !finished else { return }
        if fsync(descriptor) != 0 { throw FileError(path: temporaryPath, reason: .cannotWrite(errno: errno)) }
        close(descriptor)
        finished = true
        if rename(temporaryPath, destination) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw FileError(path: destination, reason: .cannotWrite(errno: code))
        }
        let folder = open(parentFolder(of: destination), O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Removes the temporary file, if it was not committed.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}
