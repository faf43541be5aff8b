/// What a tar entry is. Archives holding anything else are refused.
enum TarEntryKind: Sendable, Hashable {
    /// A regular file.
    case file
    /// A folder.
    case directory
}

/// One file or folder in a tar archive, as `TarReader` reports it.
struct TarEntry: Sendable, Hashable {
    /// The relative path, `/`-separated, with no leading `./` and no trailing `/`;
    /// it has passed every check in `EntryPath` and `EntryNamespace`.
    var path: String
    /// A file or a folder.
    var kind: TarEntryKind
    /// The size of the file's data in bytes; 0 for a folder.
    var size: Int
    /// The permission bits, `0o777` at most: entries with setuid, setgid or sticky bits are
    /// refused, and the file-type bits some old writers add are dropped.
    var mode: UInt32
    /// The modification time, in seconds since 1970 (UTC).
    var modificationTime: Int
}
