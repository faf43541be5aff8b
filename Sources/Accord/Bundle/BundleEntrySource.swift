/// Where the entries of a bundle come from: a tar.gz archive or an unpacked bag folder.
/// Paths start with the bag's top-level folder, as in the archive.
protocol BundleEntrySource: AnyObject {
    /// The next entry, or nil at the end.
    func next() throws(ArchiveError) -> TarEntry?
    /// The current entry's data; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int
}

extension TarReader: BundleEntrySource {}

extension BundleEntrySource {
    /// The rest of the current entry's data, in memory: for records, which the limits keep small.
    func readToEnd() throws(ArchiveError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        while true {
            let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try read(into: raw) }
            if count == 0 { return bytes }
            bytes += buffer[..<count]
        }
    }
}

/// The files of an unpacked bag folder, presented like archive entries. Symbolic links,
/// devices and other special files are refused, and names go through the same path and
/// collision checks (control characters, case or Unicode twins) as in an archive.
///
/// Entries come in the order Accord writes archives: the files at the top of the bag
/// (tag files) first, then everything else in bundle order (``EntryOrder``).
final class FolderEntrySource: BundleEntrySource {
    /// The bag folder, opened once: every name below it is opened relative to it, one
    /// component at a time, never following a link.
    private let root: DirectoryHandle
    private var lastFolder = LastOpenedFolder()
    private let topName: String
    /// A file, a folder, or something an archive could not hold, with its tar type flag.
    private enum Item {
        case file(size: Int)
        case directory
        case refused(typeFlag: UInt8)
    }

    private var pending: [(relative: String, item: Item)]
    private var source: FileByteSource?
    private var descriptor: Int32 = -1
    private var namespace: EntryNamespace

    /// Lists `folder`. With `inBundleOrder`, names are checked for collisions as in an
    /// archive in bundle order (the listing is in that order), holding only the first two
    /// levels' names.
    init(folder: String, inBundleOrder: Bool = false) throws(FileError) {
        root = try DirectoryHandle(opening: folder)
        namespace = EntryNamespace(inBundleOrder: inBundleOrder)
        topName = lastComponent(of: folder)
        pending = []
        try collect("")
        pending.reverse()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    private func collect(_ relative: String) throws(FileError) {
        try collect(relative, in: relative.isEmpty ? root : root.openFolder(path: relative))
    }

    private func collect(_ relative: String, in folder: DirectoryHandle) throws(FileError) {
        var names = try folder.names().sorted(by: EntryOrder.precedes)
        if relative.isEmpty {
            let files = names.filter { if case .file = folder.kind(of: $0) { true } else { false } }
            let isFile = Set(files)
            names = files + names.filter { !isFile.contains($0) }
        }
        for name in names {
            let path = relative.isEmpty ? name : "\(relative)/\(name)"
            switch folder.kind(of: name) {
            case .directory:
                pending.append((path, .directory))
                try collect(path, in: folder.openFolder(name))
            case .file(let size):
                pending.append((path, .file(size: size)))
            case .symbolicLink:
                pending.append((path, .refused(typeFlag: UInt8(ascii: "2"))))
            case .special(let typeFlag):
                pending.append((path, .refused(typeFlag: typeFlag)))
            case .missing:
                continue
            }
        }
    }

    func next() throws(ArchiveError) -> TarEntry? {
        if descriptor >= 0 { close(descriptor); descriptor = -1; source = nil }
        guard let (relative, item) = pending.popLast() else { return nil }
        let entryPath = "\(topName)/\(relative)"
        let kind: TarEntryKind
        if case .directory = item { kind = .directory } else { kind = .file }
        // Checked under the folder's name, or a stand-in when it is not a plain name (".").
        let checked = "\(topName == "." || topName == ".." || topName == "/" ? "bag" : topName)/\(relative)"
        _ = try EntryPath.forReading(Array(checked.utf8), kind: kind, maxBytes: 4096)
        try namespace.admit(checked, kind: kind, entry: PrintableName.escaping(entryPath))
        switch item {
        case .refused(let typeFlag):
            throw ArchiveError.unsupportedEntryType(entry: entryPath, typeFlag: typeFlag)
        case .directory:
            return TarEntry(path: entryPath, kind: .directory, size: 0, mode: 0o755, modificationTime: 0)
        case .file(let size):
            do {
                let folder = try lastFolder.folder(parentFolder(of: relative), below: root)
                descriptor = try folder.openFileForReading(lastComponent(of: relative))
            } catch {
                if case .cannotOpen(let code) = error.reason { throw ArchiveError.readFailed(errno: code) }
                throw ArchiveError.readFailed(errno: EIO)
            }
            source = FileByteSource(descriptor: descriptor)
            return TarEntry(path: entryPath, kind: .file, size: size, mode: 0o644, modificationTime: 0)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard source != nil else { return 0 }
        return try source!.read(into: buffer)
    }
}
