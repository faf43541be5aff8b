/// The names an archive has used so far, to refuse entries that would collide on
/// extraction or escape the bundle's single top-level folder.
///
/// Names are compared after lowercasing, and Swift compares strings by Unicode
/// canonical equivalence, so `Bundle/Ré.xml` (precomposed é) and `bundle/re\u{301}.xml`
/// collide: they would be the same file on macOS, Windows, or a case-insensitive volume.
/// Holds every name seen, so its size is bounded by `maxEntries` × `maxPathBytes`.
///
/// In bundle order (see ``EntryOrder``), only the names of the first two levels (the
/// top-level folder and what is directly in it: tag files, `data`) are held; a deeper
/// name is checked against the previous deeper name alone, since in that order a
/// collision or a name inside a file always shows there. A deeper name out of that
/// order throws ``ArchiveError/notInBundleOrder(entry:)``: the caller then reads the
/// archive again without `inBundleOrder`.
struct EntryNamespace {
    /// The one top-level folder every entry is inside, once the first entry is known.
    private(set) var topLevelFolder: String?

    /// Whether names below the first two levels must come in ``EntryOrder``.
    let inBundleOrder: Bool

    /// In bundle order, the last name below the first two levels, and whether it is a file.
    private var previousDeep: (path: String, isFile: Bool)?

    /// Creates an empty namespace.
    init(inBundleOrder: Bool = false) {
        self.inBundleOrder = inBundleOrder
    }

    /// What an earlier name denotes.
    private enum Use {
        case file
        case folder
        /// A folder known only because entries inside it were seen.
        case impliedFolder
    }

    /// Each name seen, keyed by its lowercased form, with its original spelling.
    private var seen: [String: (spelling: String, use: Use)] = [:]

    /// Records `path` (a checked path, see `EntryPath`) or throws if it collides with
    /// an earlier entry or lies outside the top-level folder; `entry` is the name to
    /// report, as the archive gives it and escaped (only worked out if needed).
    mutating func admit(_ path: String, kind: TarEntryKind, entry: @autoclosure () -> String) throws(ArchiveError) {
        let components = path.split(separator: "/")
        let top = String(components[0])
        if components.count == 1, kind == .file { throw .fileAtTopLevel(entry: entry()) }
        if let topLevelFolder {
            if !top.utf8.elementsEqual(topLevelFolder.utf8) {
                throw .multipleTopLevelFolders(entry: entry(), first: PrintableName.escaping(topLevelFolder))
            }
        } else {
            topLevelFolder = top
        }

        if inBundleOrder && components.count > 2 {
            try admitAncestors(components.prefix(2), entry: entry())
            return try admitAfterPrevious(path, kind: kind, entry: entry())
        }
        try admitAncestors(components.dropLast(), entry: entry())
        try admitName(path, kind: kind, entry: entry())
    }

    /// Checks the folders `ancestors` (the first components of an entry's path) against the
    /// names held, holding those not seen before as implied folders.
    private mutating func admitAncestors(_ ancestors: ArraySlice<Substring>, entry: @autoclosure () -> String) throws(ArchiveError) {
        // When the parent folder is already known under this very spelling, all its
        // ancestors were checked when it was first seen: checking only that keeps the cost
        // of each entry linear in its length, however deep the folders go.
        let parent = ancestors.joined(separator: "/")
        if let known = seen[parent.lowercased()], known.use != .file, known.spelling.utf8.elementsEqual(parent.utf8) {
            return
        }
        var ancestor = ""
        for component in ancestors {
            ancestor += ancestor.isEmpty ? String(component) : "/" + component
            let key = ancestor.lowercased()
            if let earlier = seen[key] {
                if earlier.use == .file {
                    throw .entryInsideFile(entry: entry(), file: PrintableName.escaping(earlier.spelling))
                }
                if !earlier.spelling.utf8.elementsEqual(ancestor.utf8) {
                    throw .duplicateEntry(entry: entry(), earlier: PrintableName.escaping(earlier.spelling))
                }
            } else {
                seen[key] = (ancestor, .impliedFolder)
            }
        }
    }

    /// In bundle order, checks a name below the first two levels against the previous one.
    /// Names that share a folder share the start of their paths with the name before
    /// them, so a twin of a folder, a name inside a file or a repeated name shows there.
    private mutating func admitAfterPrevious(_ path: String, kind: TarEntryKind, entry: @autoclosure () -> String) throws(ArchiveError) {
        defer { previousDeep = (path, kind == .file) }
        guard let previous = previousDeep else { return }
        let current = path.utf8.split(separator: Self.slash)
        let before = previous.path.utf8.split(separator: Self.slash)
        var shared = 0
        while shared < min(current.count, before.count), EntryOrder.collide(current[shared], before[shared]) { shared += 1 }
        // The shared folders from the top, as the held way checks ancestors: a file first,
        // then a spelling that differs.
        for index in 0..<shared {
            if index == before.count - 1 && current.count > before.count && previous.isFile {
                throw .entryInsideFile(entry: entry(), file: PrintableName.escaping(previous.path))
            }
            if !current[index].elementsEqual(before[index]) {
                let earlier = before[...index].map { String(Substring($0)) }.joined(separator: "/")
                throw .duplicateEntry(entry: entry(), earlier: PrintableName.escaping(earlier))
            }
        }
        if shared == current.count && shared == before.count {
            throw .duplicateEntry(entry: entry(), earlier: PrintableName.escaping(previous.path))
        }
        if shared == before.count { return }
        if shared == current.count || EntryOrder.compareComponents(current[shared], before[shared]) < 0 {
            throw .notInBundleOrder(entry: entry())
        }
    }

    private static let slash = UInt8(ascii: "/")

    /// Records the name itself, refusing a duplicate.
    private mutating func admitName(_ path: String, kind: TarEntryKind, entry: @autoclosure () -> String) throws(ArchiveError) {
        let key = path.lowercased()
        if let earlier = seen[key] {
            let isFirstMentionOfFolder = kind == .directory && earlier.use == .impliedFolder
                && earlier.spelling.utf8.elementsEqual(path.utf8)
            guard isFirstMentionOfFolder else {
                throw .duplicateEntry(entry: entry(), earlier: PrintableName.escaping(earlier.spelling))
            }
        }
        seen[key] = (path, kind == .file ? .file : .folder)
    }
}
