/// The work folders of this process, and the leftovers of others.
///
/// Accord prepares every file and folder it writes in a private work folder beside the
/// destination and renames it into place only when it is whole. This is what a host
/// (the `accord` command among them) needs around that:
///
/// - ``removeAll()`` from a signal handler, so that an interrupted command leaves nothing;
/// - ``sweep(_:)`` to remove what processes that were killed (or lost power) left behind.
public enum WorkInProgress {
    private struct Live {
        var parent: DirectoryHandle
        var name: String
        var folder: DirectoryHandle
        var identity: DirectoryHandle.Identity
    }

    private struct State {
        var live: [Int: Live] = [:]
        var next = 0
        var terminating = false
    }

    private static let state = Locked(State())

    /// Removes every work folder of this process, with what it holds, and makes every
    /// later attempt to write fail as interrupted. Safe to call from any thread while the
    /// work goes on; call it when the process is about to exit on a signal.
    public static func removeAll() {
        state.withLock { state in
            state.terminating = true
            for live in state.live.values {
                WorkFolder.remove(parent: live.parent, name: live.name, folder: live.folder, identity: live.identity)
            }
            state.live = [:]
        }
    }

    /// Removes, from `folder`, the work folders that Accord processes of this user left
    /// when they were killed or the machine stopped, judged by the marker inside each (the
    /// process is gone, or its pid now belongs to a later process). Returns the paths of
    /// work folders of this user that it could not judge (no readable marker, or one from
    /// another host), for the user to remove by hand once no Accord command runs there.
    @discardableResult
    public static func sweep(_ folder: String) -> [String] {
        guard let handle = try? DirectoryHandle(opening: folder) else { return [] }
        return sweep(handle)
    }

    /// `unjudgedAfter`: how old, in seconds, a work folder without a readable marker must
    /// be to be reported (a folder made a moment ago may not have its marker yet).
    static func sweep(_ parent: DirectoryHandle, unjudgedAfter: Int = 60) -> [String] {
        var unjudged: [String] = []
        let names = (try? parent.names()) ?? []
        for name in names where name.hasPrefix(WorkFolder.namePrefix) {
            // Only this user's folders, opened without following a link.
            guard let folder = try? parent.openFolder(name), let status = folder.status(),
                  status.st_uid == geteuid(), let identity = folder.identity else { continue }
            if state.withLock({ $0.live.values.contains { $0.identity == identity } }) { continue }
            // A marker counts only in a private folder, and only if it names this very folder.
            let marker = (status.st_mode & 0o777) == 0o700 ? marker(in: folder, owner: status.st_uid) : nil
            switch marker?.folder == "\(identity.device):\(identity.inode)" ? marker?.liveness : nil {
            case .dead?:
                WorkFolder.remove(parent: parent, name: name, folder: folder, identity: identity)
            case .alive?:
                continue
            case .unknown?, nil:
                if time(nil) - Int(status.st_ctim.tv_sec) >= unjudgedAfter { unjudged.append(parent.child(name)) }
            }
        }
        return unjudged
    }

    private static func marker(in folder: DirectoryHandle, owner: uid_t) -> ProcessMarker? {
        // Non-blocking, so that a FIFO in its place cannot hang the command.
        let descriptor = openat(folder.descriptor, WorkFolder.markerName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == owner,
              (status.st_mode & 0o777) == 0o600, status.st_nlink == 1, status.st_size < 4096 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard got == bytes.count else { return nil }
        return ProcessMarker(text: String(decoding: bytes, as: UTF8.self))
    }

    static var isTerminating: Bool { state.withLock { $0.terminating } }

    /// Registers a new work folder; nil once ``removeAll()`` has run, for the folder must
    /// then go at once.
    static func register(parent: DirectoryHandle, name: String, folder: DirectoryHandle, identity: DirectoryHandle.Identity) -> Int? {
        state.withLock { state in
            guard !state.terminating else { return nil }
            defer { state.next += 1 }
            state.live[state.next] = Live(parent: parent, name: name, folder: folder, identity: identity)
            return state.next
        }
    }

    /// Forgets a work folder.
    static func unregister(_ registration: Int) {
        state.withLock { _ = $0.live.removeValue(forKey: registration) }
    }
}
