/// A file written under a temporary name in its destination folder, then fsynced and
/// renamed into place, so that the final name only ever holds a whole file. If the work
/// fails, ``discard()`` removes the temporary file; nothing remains under the final name.
final class AtomicFile {
    let destination: String
    let temporaryPath: String
    let descriptor: Int32
    private var finished = false

    /// Creates the temporary file beside `destination`. Refuses to replace an existing
    /// destination unless `overwrite` is set.
    init(destination: String, overwrite: Bool) throws(FileError) {
        if !overwrite, DirectoryListing.kind(of: destination) != .missing {
            throw FileError(path: destination, reason: .alreadyExists)
        }
        self.destination = destination
        let folder = parentFolder(of: destination)
        var attempt = 0
        while true {
            let candidate = "\(folder)/.\(lastComponent(of: destination)).partial-\(getpid())-\(attempt)"
            let opened = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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

    /// Flushes the file to disk, renames it to its destination and flushes the folder.
    func commit() throws(FileError) {
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
    func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporaryPath)
    }
}
