internal import CPlatform

/// A private folder beside a destination, in which a command prepares what it writes: a
/// bundle being packed, a bag being unpacked, a key pair. What is finished is renamed out
/// of it to its destination in one step; everything else goes with the folder.
///
/// - Its name, `.accord-work-` and 16 random hex digits, cannot be predicted, and it is
///   made with `mkdirat`, which fails if the name exists: nobody can plant it in advance.
/// - It is `0700` and worked in only through its descriptor, so renaming it or swapping
///   a name for a link changes nothing about where files go or what is removed.
/// - It holds a marker, `owner`, saying which process made it (pid, the process's start
///   time, the boot and the host). A later command writing in the same folder removes the
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
                throw FileError(path: parentPath, reason: error.reason)
            }
        }
        guard let identity = folder.identity else {
            parent.removeTree(name)
            throw FileError(path: parent.child(name), reason: .cannotWrite(errno: EIO))
        }
        self.identity = identity
        registration = WorkInProgress.register(parent: parent, name: name, folder: folder, identity: identity)
        do throws(FileError) {
            let marker = try folder.createFile(Self.markerName, mode: 0o600)
            let written = Array(ProcessMarker.current.text.utf8).withUnsafeBytes { write(marker, $0.baseAddress, $0.count) }
            let code = errno
            close(marker)
            if written < 0 { throw FileError(path: folder.child(Self.markerName), reason: .cannotWrite(errno: code)) }
        } catch {
            remove()
            throw error
        }
    }

    deinit {
        remove()
    }

    /// Moves `inner` (a file or folder in the work folder) to `destination` in the parent
    /// folder. Without `replacing`, an existing destination is never replaced, even one
    /// that appeared since the work began; with it, the old one is swapped into the work
    /// folder and removed with it, so the destination name always holds something whole.
    /// With `expecting`, `inner` must still be that file or folder.
    func moveOut(
        _ inner: String, to destination: String, replacing: Bool, expecting: DirectoryHandle.Identity? = nil
    ) throws(FileError) {
        if WorkInProgress.isTerminating { throw FileError(path: parent.child(destination), reason: .interrupted) }
        if let expecting, folder.identity(of: inner) != expecting {
            throw FileError(path: folder.child(inner), reason: .changedWhileReading)
        }
        if !replacing {
            if accord_rename_noreplace(folder.descriptor, inner, parent.descriptor, destination) == 0 {
                parent.sync()
                return
            }
            if errno == EEXIST { throw FileError(path: parent.child(destination), reason: .alreadyExists) }
            guard errno == ENOSYS || errno == EINVAL || errno == ENOTSUP else {
                throw FileError(path: parent.child(destination), reason: .cannotWrite(errno: errno))
            }
            // No renameat2 here: refuse an existing name, then rename (a narrow race).
            guard parent.kind(of: destination) == .missing else { throw FileError(path: parent.child(destination), reason: .alreadyExists) }
        } else if parent.kind(of: destination) != .missing {
            if accord_rename_exchange(folder.descriptor, inner, parent.descriptor, destination) == 0 {
                parent.sync()
                return
            }
            // Without an atomic exchange, a folder is replaced in two steps; a file's
            // rename below replaces it in one.
            if parent.kind(of: destination) == .directory {
                guard renameat(parent.descriptor, destination, folder.descriptor, "replaced") == 0 else {
                    throw FileError(path: parent.child(destination), reason: .cannotWrite(errno: errno))
                }
            }
        }
        guard renameat(folder.descriptor, inner, parent.descriptor, destination) == 0 else {
            throw FileError(path: parent.child(destination), reason: .cannotWrite(errno: errno))
        }
        parent.sync()
    }

    /// Removes the work folder and everything still in it (idempotent).
    func remove() {
        guard WorkInProgress.unregister(registration) else { return }
        Self.remove(parent: parent, name: name, folder: folder, identity: identity)
    }

    /// Empties `folder` through its descriptor, then removes its name from `parent` if
    /// that name still points to it. Retried, since a worker thread may still be adding
    /// a file while a signal handler removes the folder.
    static func remove(parent: DirectoryHandle, name: String, folder: DirectoryHandle, identity: DirectoryHandle.Identity) {
        for _ in 0..<50 {
            folder.removeContents()
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

    static let current = ProcessMarker(
        pid: getpid(), startTime: startTime(of: getpid()) ?? "", boot: currentBoot, host: currentHost)

    var text: String {
        "\(WorkFolder.markerHeading)\npid \(pid)\nstart \(startTime)\nboot \(boot)\nhost \(host)\n"
    }

    init(pid: Int32, startTime: String, boot: String, host: String) {
        self.pid = pid
        self.startTime = startTime
        self.boot = boot
        self.host = host
    }

    /// Parses a marker; nil when it is not one.
    init?(text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == Substring(WorkFolder.markerHeading) else { return nil }
        var fields: [Substring: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let space = line.firstIndex(of: " ") else { return nil }
            fields[line[..<space]] = String(line[line.index(after: space)...])
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }), pid > 0,
              let start = fields["start"], let boot = fields["boot"], let host = fields["host"] else { return nil }
        self.init(pid: pid, startTime: start, boot: boot, host: host)
    }

    /// What can be said of the process that wrote this marker.
    enum Liveness {
        case alive
        case dead
        /// Another host's process: this one cannot tell.
        case unknown
    }

    var liveness: Liveness {
        let here = ProcessMarker.current
        guard host == here.host else { return .unknown }
        if !boot.isEmpty, !here.boot.isEmpty, boot != here.boot { return .dead }
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

    private static var currentBoot: String {
        guard let bytes = try? FileReader.read("/proc/sys/kernel/random/boot_id", maxBytes: 256) else { return "" }
        return String(decoding: bytes, as: UTF8.self).filter { !$0.isWhitespace }
    }

    private static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .filter { !$0.isWhitespace }
    }
}
