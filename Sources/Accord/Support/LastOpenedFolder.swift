/// The folder below a root that files were last opened in, kept open: a bag's records all
/// sit in one folder, so walking to it component by component once is enough.
struct LastOpenedFolder {
    private var last: (relative: String, handle: DirectoryHandle)?

    /// The folder at the relative path `relative` below `root` (`""` or `"."` for `root`
    /// itself), opened without following links; with `creating`, missing components are
    /// made with that mode.
    mutating func folder(_ relative: String, below root: DirectoryHandle, creating mode: mode_t? = nil) throws(FileError) -> DirectoryHandle {
        if relative.isEmpty || relative == "." { return root }
        if let last, last.relative == relative { return last.handle }
        let handle = try root.openFolder(path: relative, creating: mode)
        last = (relative, handle)
        return handle
    }

    /// Forgets the folder (after the tree below the root was removed).
    mutating func forget() {
        last = nil
    }
}
