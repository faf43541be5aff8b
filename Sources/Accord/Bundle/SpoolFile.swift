/// An anonymous scratch file: created in a folder and unlinked at once, so it disappears
/// with the process whatever happens. Appends may come from several threads.
final class SpoolFile: @unchecked Sendable {
    private let descriptor: Int32
    private let end = Locked(0)

    init(folder: String) throws(FileError) {
        var attempt = 0
        while true {
            let path = "\(folder)/.accord-spool-\(getpid())-\(attempt)"
            let opened = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if opened >= 0 {
                unlink(path)
                descriptor = opened
                return
            }
            if errno != EEXIST || attempt > 100 { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
            attempt += 1
        }
    }

    deinit {
        close(descriptor)
    }

    /// Appends `bytes` and returns the offset they were written at.
    func append(_ bytes: [UInt8]) throws(FileError) -> Int {
        let offset = end.withLock { end -> Int in
            defer { end += bytes.count }
            return end
        }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, $0.count - written, off_t(offset + written)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(path: "(spool)", reason: .cannotWrite(errno: errno))
            }
            written += count
        }
        return offset
    }

    /// Reads `count` bytes at `offset`.
    func read(at offset: Int, count: Int) throws(FileError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { throw FileError(path: "(spool)", reason: .cannotRead(errno: got < 0 ? errno : EIO)) }
            done += got
        }
        return bytes
    }
}
