internal import CPlatform

/// An open folder, and everything done inside it by name relative to its descriptor
/// (`openat`, `mkdirat`, `unlinkat`, `fstatat`), never following a symbolic link.
///
/// Paths are names another user can swap between two calls; a descriptor is not. Once a
/// folder is open, renaming it or replacing a name on the way to it with a link changes
/// nothing about where the next file goes or what the next removal deletes.
final class DirectoryHandle {
    /// The folder's path as it was opened, for messages only (a caller may give the name
    /// its users know, such as a destination, to a folder with an internal name).
    var path: String
    let descriptor: Int32

    /// The device and inode of an open file or folder: what a name must still point to.
    struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Opens the folder at `path`, following links in the path the caller gave (it is
    /// the caller's own choice of folder).
    convenience init(opening path: String) throws(FileError) {
        let opened = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard opened >= 0 else { throw FileError(path: path, reason: .cannotOpenFolder(errno: errno)) }
        self.init(path: path, descriptor: opened)
    }

    /// Opens the folder `name` inside this one; a link there is refused (`ELOOP`/`ENOTDIR`).
    func openFolder(_ name: String) throws(FileError) -> DirectoryHandle {
        let opened = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else { throw FileError(path: child(name), reason: .cannotOpen(errno: errno)) }
        return DirectoryHandle(path: child(name), descriptor: opened)
    }

    /// Opens the folder at the relative path `relative` (components separated by `/`),
    /// one component at a time, refusing a link anywhere on the way. With `creating`, a
    /// missing component is made with that mode.
    func openFolder(path relative: String, creating mode: mode_t? = nil) throws(FileError) -> DirectoryHandle {
        var handle = self
        for component in relative.split(separator: "/").map(String.init) {
            if let mode, mkdirat(handle.descriptor, component, mode) != 0 && errno != EEXIST {
                throw FileError(path: handle.child(component), reason: .cannotWrite(errno: errno))
            }
            handle = try handle.openFolder(component)
        }
        return handle
    }

    /// Creates the folder `name`, which must not exist, and opens it. What is opened must
    /// be a folder of this user's: in a folder others can write to, the name could be
    /// swapped for theirs between the two calls.
    func makeFolder(_ name: String, mode: mode_t) throws(FileError) -> DirectoryHandle {
        guard mkdirat(descriptor, name, mode) == 0 else { throw FileError(path: child(name), reason: .cannotWrite(errno: errno)) }
        let opened: DirectoryHandle
        do {
            opened = try openFolder(name)
        } catch {
            // A link or a file in its place: someone swapped the name, and it is not ours to remove.
            guard case .cannotOpen(let code) = error.reason, code != ELOOP, code != ENOTDIR else {
                throw FileError(path: child(name), reason: .changedBySomeoneElse)
            }
            unlinkat(descriptor, name, AT_REMOVEDIR)
            throw error
        }
        guard let status = opened.status(), status.st_uid == geteuid(), (status.st_mode & 0o7777) & ~mode == 0 else {
            throw FileError(path: child(name), reason: .changedBySomeoneElse)
        }
        return opened
    }

    /// Opens the regular file `name` for reading, refusing a link.
    func openFileForReading(_ name: String) throws(FileError) -> Int32 {
        let opened = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard opened >= 0 else { throw FileError(path: child(name), reason: .cannotOpen(errno: errno)) }
        return opened
    }

    /// Creates the file `name`, which must not exist, for writing.
    func createFile(_ name: String, mode: mode_t) throws(FileError) -> Int32 {
        let opened = openat(descriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard opened >= 0 else { throw FileError(path: child(name), reason: .cannotWrite(errno: errno)) }
        return opened
    }

    /// What `name` is, without following a link.
    func kind(of name: String) -> DirectoryListing.Kind {
        status(of: name).map(DirectoryListing.Kind.init) ?? .missing
    }

    /// The device and inode `name` points to now, without following a link.
    func identity(of name: String) -> Identity? {
        status(of: name).map(Identity.init)
    }

    /// What `name` is now, without following a link.
    func status(of name: String) -> stat? {
        var status = stat()
        return fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 ? status : nil
    }

    /// The folder's own device and inode, and owner.
    func status() -> stat? {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? status : nil
    }

    var identity: Identity? { status().map(Identity.init) }

    /// The names in the folder, sorted by their UTF-8 bytes, without `.` and `..`.
    func names() throws(FileError) -> [String] {
        // A descriptor of its own: closedir closes it, and the listing starts at the top.
        let listing = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard listing >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
        guard let directory = fdopendir(listing) else {
            let code = errno
            close(listing)
            throw FileError(path: path, reason: .cannotOpen(errno: code))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            // The name is read where it lies, up to its NUL: a record of readdir's buffer is
            // only as long as its name needs, so copying the whole d_name field (256 bytes)
            // read past the buffer's end for the last record (found by AddressSanitizer).
            let field = UnsafeRawPointer(entry).advanced(by: MemoryLayout<dirent>.offset(of: \dirent.d_name)!)
            let name = String(cString: field.assumingMemoryBound(to: CChar.self))
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Removes `name` and, if it is a folder, everything in it, never following a link.
    /// Returns whether it is gone.
    @discardableResult
    func removeTree(_ name: String) -> Bool {
        switch kind(of: name) {
        case .missing:
            return true
        case .directory:
            if let inner = try? openFolder(name) { inner.removeContents() }
            return unlinkat(descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT
        default:
            return unlinkat(descriptor, name, 0) == 0 || errno == ENOENT
        }
    }

    /// Removes everything in the folder, never following a link; `last`, if there, goes
    /// after everything else.
    func removeContents(last: String? = nil) {
        for name in (try? names()) ?? [] where name != last { removeTree(name) }
        if let last { removeTree(last) }
    }

    /// Flushes the folder's entries to disk.
    func sync() {
        fsync(descriptor)
    }

    /// Flushes everything written on the folder's file system to disk.
    func syncFileSystem() {
        accord_syncfs(descriptor)
    }

    func child(_ name: String) -> String {
        path == "/" ? "/\(name)" : "\(path)/\(name)"
    }
}

extension DirectoryListing.Kind {
    init(_ status: stat) {
        switch status.st_mode & S_IFMT {
        case S_IFREG: self = .file(size: Int(status.st_size))
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFCHR: self = .special(typeFlag: UInt8(ascii: "3"))
        case S_IFBLK: self = .special(typeFlag: UInt8(ascii: "4"))
        case S_IFIFO: self = .special(typeFlag: UInt8(ascii: "6"))
        default: self = .special(typeFlag: UInt8(ascii: "?"))
        }
    }
}
