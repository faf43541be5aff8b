/// Writes the files of a bag being read into a staging folder.
///
/// Paths reaching the extractor have passed the archive's checks (relative, no `..`,
/// no links). Every folder and file is made relative to the descriptor of the folder
/// above it (`mkdirat`, `openat` with `O_EXCL | O_NOFOLLOW`), so nothing can be written
/// outside the staging folder, even if a name on the way is swapped for a link.
final class BundleExtractor {
    /// The staging folder, inside a private work folder.
    let root: DirectoryHandle
    private var descriptor: Int32 = -1
    private var currentPath = ""
    private var lastFolder = LastOpenedFolder()

    init(root: DirectoryHandle) {
        self.root = root
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Empties the staging folder, for a second reading of the bundle.
    func restart() throws(FileError) {
        if descriptor >= 0 { close(descriptor); descriptor = -1 }
        lastFolder.forget()
        root.removeContents()
    }

    func directory(_ relative: String) throws(FileError) {
        _ = try folder(relative)
    }

    func beginFile(_ relative: String) throws(FileError) {
        let handle = try folder(parentFolder(of: relative))
        currentPath = root.child(relative)
        descriptor = try handle.createFile(lastComponent(of: relative), mode: 0o644)
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

    /// The folder at `relative` below the root, made where missing.
    private func folder(_ relative: String) throws(FileError) -> DirectoryHandle {
        try lastFolder.folder(relative, below: root, creating: 0o755)
    }
}
