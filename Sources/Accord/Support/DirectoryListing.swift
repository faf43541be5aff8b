/// Lists folders without Foundation.
enum DirectoryListing {
    /// What a path is, without following a final symbolic link.
    enum Kind: Equatable {
        case file(size: Int)
        case directory
        case symbolicLink
        /// A device, FIFO or socket, with the tar type flag that would describe it.
        case special(typeFlag: UInt8)
        case missing
    }

    static func kind(of path: String) -> Kind {
        var status = stat()
        guard lstat(path, &status) == 0 else { return .missing }
        return Kind(status)
    }

    /// The names in a folder, sorted by their UTF-8 bytes, without `.` and `..`.
    static func names(in folder: String) throws(FileError) -> [String] {
        try DirectoryHandle(opening: folder).names()
    }

    /// Every regular file below `folder` whose name ends with `suffix`, sorted, following
    /// no symbolic link.
    static func files(under folder: String, suffix: String) throws(FileError) -> [String] {
        var found: [String] = []
        for name in try names(in: folder) {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            switch kind(of: path) {
            case .directory: found += try files(under: path, suffix: suffix)
            case .file where name.hasSuffix(suffix): found.append(path)
            default: continue
            }
        }
        return found
    }
}

/// The folder part of a path (`"."` when there is none).
func parentFolder(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// The last component of a path.
func lastComponent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
}
