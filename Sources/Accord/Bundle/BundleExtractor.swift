/// Writes the files of a bag being read into a staging folder.
///
/// Paths reaching the extractor have passed the archive's checks (relative, no `..`,
/// no links), and the extractor creates only folders and regular files, with
/// `O_EXCL | O_NOFOLLOW`, so nothing can be written outside the staging folder.
final class BundleExtractor {
    let root: String
    private var descriptor: Int32 = -1
    private var currentPath = ""

    /// Creates the staging folder `root`, which must not exist.
    init(root: String) throws(FileError) {
        guard mkdir(root, 0o700) == 0 else { throw FileError(path: root, reason: .cannotWrite(errno: errno)) }
        self.root = root
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Empties the staging folder, for a second reading of the bundle.
    func restart() throws(FileError) {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        removeTree(root)
        guard mkdir(root, 0o700) == 0 else { throw FileError(path: root, reason: .cannotWrite(errno: errno)) }
    }

    func directory(_ relative: String) throws(FileError) {
        try makeFolders(relative)
    }

    func beginFile(_ relative: String) throws(FileError) {
        try makeFolders(parentFolder(of: relative) == "." ? "" : parentFolder(of: relative))
        currentPath = "\(root)/\(relative)"
        descriptor = open(currentPath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: currentPath, reason: .cannotWrite(errno: errno)) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws(FileError) {
        var sink = FileByteSink(descriptor: descriptor)
        do {
            try sink.write(bytes)
        } catch {
            throw FileError(path: currentPath, reason: .cannotWrite(errno: errno))
        }
    }

    func endFile() throws(FileError) {
        defer { descriptor = -1 }
        if close(descriptor) != 0 { throw FileError(path: currentPath, reason: .cannotWrite(errno: errno)) }
    }

    private func makeFolders(_ relative: String) throws(FileError) {
        guard !relative.isEmpty else { return }
        var path = root
        for component in relative.split(separator: "/") {
            path += "/\(component)"
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw FileError(path: path, reason: .cannotWrite(errno: errno))
            }
            guard DirectoryListing.kind(of: path) == .directory else {
                throw FileError(path: path, reason: .cannotWrite(errno: ENOTDIR))
            }
        }
    }
}

/// Removes a folder and everything in it, never following a symbolic link.
func removeTree(_ path: String) {
    switch DirectoryListing.kind(of: path) {
    case .directory:
        for name in (try? DirectoryListing.names(in: path)) ?? [] { removeTree("\(path)/\(name)") }
        rmdir(path)
    case .missing:
        return
    default:
        unlink(path)
    }
}
