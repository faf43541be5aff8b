internal import CPlatform

/// A private folder beside a destination, in which a command prepares what it writes: a
/// bundle being packed, a bag being unpacked, a key pair. What is finished is renamed out
/// of it to its destination in one step; everything else goes with the folder.
///
/// - Its name, `.accord-work-` and 16 random hex digits, cannot be predicted, and it is
///   made with `mkdirat`, which fails if the name exists: nobody can plant it in advance.
/// - It is `0700` and worked in only through its descriptor, so renaming it or swapping
///   a name for a link changes nothing about where files go or what is removed.
/// - It holds a marker, `owner`, saying which process made it (``ProcessMarker``: pid,
///   start time, boot, host, machine, pid namespace) and naming the folder itself. A later command writing in the same folder removes the
///   work folders of processes that are dead (``WorkInProgress/sweep(_:)``), judged by
///   that marker, never by the name alone, never a live process's, never another user's.
/// - While the process runs, every work folder is registered, so that a signal handler
///   can remove them all before the process exits (``WorkInProgress/removeAll()``).
final class WorkFolder {
    static let namePrefix = ".accord-work-"
    static let markerName = "owner"
    static let markerHeading = "accord work folder 1"

    /// The destination's folder.
    let parent: DirectoryHandle
    /// The work folder's name in `parent`.
    let name: String
    /// The work folder itself.
    let folder: DirectoryHandle
    private let identity: DirectoryHandle.Identity
    private let registration: Int

    /// Makes a work folder in `parentPath`, after removing the leftovers of dead processes there.
    init(in parentPath: String) throws(FileError) {
        if WorkInProgress.isTerminating { throw FileError(path: parentPath, reason: .interrupted) }
        parent = try DirectoryHandle(opening: parentPath)
        _ = WorkInProgress.sweep(parent)
        var attempt = 0
        while true {
            let candidate = Self.namePrefix + Self.randomHex()
            do {
                folder = try parent.makeFolder(candidate, mode: 0o700)
                name = candidate
                break
            } catch {
                if case .cannotWrite(let code) = error.reason, code == EEXIST, attempt < 16 {
                    attempt += 1
                    continue
                }
                throw FileError(path: error.reason == .changedBySomeoneElse ? error.path : parentPath, reason: error.reason)
            }
        }
        guard let identity = folder.identity else {
            parent.removeTree(name)
            throw FileError(path: parent.child(name), reason: .cannotWrite(errno: EIO))
        }
        self.identity = identity
        // A signal may have come since the check above: then the folder goes at once.
        guard let registration = WorkInProgress.register(parent: parent, name: name, folder: folder, identity: identity) else {
            Self.remove(parent: parent, name: name, folder: folder, identity: identity)
            throw FileError(path: parentPath, reason: .interrupted)
        }
        self.registration = registration
        do throws(FileError) {
            let marker = try folder.createFile(Self.markerName, mode: 0o600)
            var sink = FileByteSink(descriptor: marker)
            var text = ProcessMarker.current
            text.folder = "\(identity.device):\(identity.inode)"
            do {
                try sink.write(Array(text.text.utf8))
            } catch {
                let code = errno
                close(marker)
                throw FileError(path: folder.child(Self.markerName), reason: .cannotWrite(errno: code))
            }
            close(marker)
        } catch {
            remove()
            throw error
        }
    }

    deinit {
        remove()
    }

    /// Moves `inner` (a file or folder in the work folder) to `destination` in the parent
    /// folder. With `existing` nil, nothing at the destination is ever replaced, even
    /// something that appeared since the work began (`RENAME_NOREPLACE`). With `existing`,
    /// only that file or folder (as found when the work began) is replaced: it is swapped
    /// into the work folder in one step (`RENAME_EXCHANGE`) and removed with it, so the
    /// destination name always holds something whole; anything else found there is put
    /// back and the move refused. With `expecting`, `inner` must still be that file or folder.
    func moveOut(
        _ inner: String, to destination: String, replacing existing: DirectoryHandle.Identity?,
        expecting: DirectoryHandle.Identity? = nil
    ) throws(FileError) {
        let target = parent.child(destination)
        if WorkInProgress.isTerminating { throw FileError(path: target, reason: .interrupted) }
        if let expecting, folder.identity(of: inner) != expecting {
            throw FileError(path: target, reason: .changedBySomeoneElse)
        }
        defer { parent.sync() }
        guard let existing else {
            if accord_rename_noreplace(folder.descriptor, inner, parent.descriptor, destination) == 0 { return }
            if errno == EEXIST { throw FileError(path: target, reason: .alreadyExists) }
            guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP else { throw FileError(path: target, reason: .cannotWrite(errno: errno)) }
            // No renameat2 on this system or file system: refuse an existing name, then
            // rename (a narrow race, documented).
            guard parent.kind(of: destination) == .missing else { throw FileError(path: target, reason: .alreadyExists) }
            guard renameat(folder.descriptor, inner, parent.descriptor, destination) == 0 else {
                throw FileError(path: target, reason: .cannotWrite(errno: errno))
            }
            return
        }
        if accord_rename_exchange(folder.descriptor, inner, parent.descriptor, destination) == 0 {
            guard folder.identity(of: inner) == existing else {
                // Not what the command was asked to replace: put both back.
                accord_rename_exchange(folder.descriptor, inner, parent.descriptor, destination)
                throw FileError(path: target, reason: .changedBySomeoneElse)
            }
            return
        }
        guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP else { throw FileError(path: target, reason: .cannotWrite(errno: errno)) }
        // No atomic exchange: move the old one aside into the work folder, check it, and
        // put it back if the new one cannot take its place.
        guard renameat(parent.descriptor, destination, folder.descriptor, Self.replacedName) == 0 else {
            throw FileError(path: target, reason: .cannotWrite(errno: errno))
        }
        guard folder.identity(of: Self.replacedName) == existing else {
            renameat(folder.descriptor, Self.replacedName, parent.descriptor, destination)
            throw FileError(path: target, reason: .changedBySomeoneElse)
        }
        guard renameat(folder.descriptor, inner, parent.descriptor, destination) == 0 else {
            let code = errno
            renameat(folder.descriptor, Self.replacedName, parent.descriptor, destination)
            throw FileError(path: target, reason: .cannotWrite(errno: code))
        }
    }

    private static let replacedName = "replaced"

    /// Removes the work folder and everything still in it (idempotent). The folder stays
    /// registered until it is gone, so that a signal in between still finds it, and its
    /// marker goes last, so that a kill in between leaves a folder the next sweep can judge.
    func remove() {
        Self.remove(parent: parent, name: name, folder: folder, identity: identity)
        WorkInProgress.unregister(registration)
    }

    /// Empties `folder` through its descriptor, marker last, then removes its name from
    /// `parent` if that name still points to it. Retried, since a worker thread may still
    /// be adding a file while a signal handler removes the folder.
    static func remove(parent: DirectoryHandle, name: String, folder: DirectoryHandle, identity: DirectoryHandle.Identity) {
        for _ in 0..<50 {
            folder.removeContents(last: markerName)
            guard parent.identity(of: name) == identity else { return }
            if unlinkat(parent.descriptor, name, AT_REMOVEDIR) == 0 || errno == ENOENT { return }
            if errno != ENOTEMPTY && errno != EEXIST { return }
        }
    }

    private static func randomHex() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next()
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Which process made a work folder, written in its `owner` file, and whether that
/// process is still running.
struct ProcessMarker: Equatable {
    var pid: Int32
    /// The process's start time in clock ticks since boot (`/proc/PID/stat`, field 22),
    /// so that a pid used again by a later process is not mistaken for the owner.
    var startTime: String
    var boot: String
    var host: String
    /// `/etc/machine-id`, and the inode of the process's pid namespace: two containers or
    /// machines may share a host name, a folder, even a boot, but not both of these.
    var machine: String
    var pidNamespace: String
    /// The work folder's own device and inode (`DEV:INODE`), so that a file named `owner`
    /// in any other folder (one unpacked from a bundle, say) is never taken for a marker.
    var folder: String

    static let current = ProcessMarker(
        pid: getpid(), startTime: startTime(of: getpid()) ?? "", boot: read("/proc/sys/kernel/random/boot_id"),
        host: currentHost, machine: read("/etc/machine-id"), pidNamespace: namespaceInode, folder: "")

    var text: String {
        "\(WorkFolder.markerHeading)\npid \(pid)\nstart \(startTime)\nboot \(boot)\nhost \(host)\nmachine \(machine)\npidns \(pidNamespace)\nfolder \(folder)\n"
    }

    init(pid: Int32, startTime: String, boot: String, host: String, machine: String, pidNamespace: String, folder: String) {
        self.pid = pid
        self.startTime = startTime
        self.boot = boot
        self.host = host
        self.machine = machine
        self.pidNamespace = pidNamespace
        self.folder = folder
    }

    /// Parses a marker; nil when it is not one.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(WorkFolder.markerHeading) else { return nil }
        var fields: [Substring: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            fields[parts[0]] = parts.count > 1 ? String(parts[1]) : ""
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), pid > 0,
              let start = fields["start"], let boot = fields["boot"], let host = fields["host"],
              let machine = fields["machine"], let namespace = fields["pidns"], let folder = fields["folder"] else { return nil }
        self.init(pid: pid, startTime: start, boot: boot, host: host, machine: machine, pidNamespace: namespace, folder: folder)
    }

    /// What can be said of the process that wrote this marker.
    enum Liveness {
        case alive
        case dead
        /// Another host's, machine's or container's process: this one cannot tell.
        case unknown
    }

    var liveness: Liveness {
        let here = ProcessMarker.current
        guard host == here.host, machine == here.machine, pidNamespace == here.pidNamespace else { return .unknown }
        guard !boot.isEmpty, !here.boot.isEmpty else { return .unknown }
        if boot != here.boot { return .dead }
        if kill(pid, 0) != 0 && errno == ESRCH { return .dead }
        // The pid is in use; by the same process only if it started at the same moment.
        if let now = Self.startTime(of: pid), !startTime.isEmpty { return now == startTime ? .alive : .dead }
        return .alive
    }

    private static func startTime(of pid: Int32) -> String? {
        guard let bytes = try? FileReader.read("/proc/\(pid)/stat", maxBytes: 4096) else { return nil }
        // The command name, in parentheses, may hold spaces: count fields after the last ')'.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // Fields after the name start at field 3 (state); the start time is field 22.
        guard fields.count > 19 else { return nil }
        return String(decoding: fields[19], as: UTF8.self)
    }

    /// A short file's text without white space, or "" when it cannot be read.
    private static func read(_ path: String) -> String {
        guard let bytes = try? FileReader.read(path, maxBytes: 256) else { return "" }
        return String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
    }

    private static var namespaceInode: String {
        var status = stat()
        return stat("/proc/self/ns/pid", &status) == 0 ? "\(status.st_ino)" : ""
    }

    private static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .filter { !$0.isWhitespace }
    }
}
