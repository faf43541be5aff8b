/// The names an archive has used so far, to refuse entries that would collide on
/// extraction or escape the bundle's single top-level folder.
///
/// Names are compared after lowercasing, and Swift compares strings by Unicode
/// canonical equivalence, so `Bundle/Ré.xml` (precomposed é) and `bundle/re\u{301}.xml`
/// collide: they would be the same file on macOS, Windows, or a case-insensitive volume.
/// Holds every name seen, so its size is bounded by `maxEntries` × `maxPathBytes`.
struct EntryNamespace {
    /// The one top-level folder every entry is inside, once the first entry is known.
    private(set) var topLevelFolder: String?

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

        // When the parent folder is already known under this very spelling, all its
        // ancestors were checked when it was first seen: checking only that keeps the cost
        // of each entry linear in its length, however deep the folders go.
        let parent = components.dropLast().joined(separator: "/")
        if let known = seen[parent.lowercased()], known.use != .file, known.spelling.utf8.elementsEqual(parent.utf8) {
            return try admitName(path, kind: kind, entry: entry())
        }
        var ancestor = ""
        for component in components.dropLast() {
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

        try admitName(path, kind: kind, entry: entry())
    }

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
