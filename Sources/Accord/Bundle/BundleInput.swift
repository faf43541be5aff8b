#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A bundle opened for reading, pass after pass: an archive file is opened once and every
/// pass reads the same open file (hashing its bytes when asked); bytes in memory are read
/// again from the start; a stream is read once, recorded as it goes when the source asks
/// for it, and later passes read the recording; a bag folder is listed again for each pass.
final class BundleInput {
    /// The bundle as the caller named it.
    let path: String
    /// Whether the last pass that read to the end read in bundle order.
    var lastPassInBundleOrder = false
    /// Set when the work is to stop; checked after every buffer.
    let cancellation: CancellationFlag?
    private let backing: Backing
    private let limits: ArchiveLimits
    private let hashes: Bool
    private let expectedSize: Int?
    private var digest: DigestBox?
    private var counter = ReadCounter()

    private enum Backing {
        case folder
        case file(descriptor: Int32)
        case memory([UInt8])
        case recorded(StreamRecording)
        case once(OnceReader)
    }

    /// Opens `source`. A recorded stream's scratch file goes in `scratchFolder`.
    init(_ source: BundleSource, limits: ArchiveLimits, hashes: Bool, scratchFolder: String, cancellation: CancellationFlag? = nil) throws(FileError) {
        path = source.name
        self.limits = limits
        self.hashes = hashes
        self.cancellation = cancellation
        expectedSize = source.expectedSize
        switch source.storage {
        case .path(let path):
            if DirectoryListing.kind(of: path) == .directory {
                backing = .folder
            } else {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw FileError(path: path, reason: .cannotOpen(errno: errno)) }
                backing = .file(descriptor: descriptor)
            }
        case .bytes(let bytes):
            backing = .memory(bytes)
        case .stream(let reader):
            if source.recordsStream {
                backing = .recorded(StreamRecording(reader, into: try SpoolFile(folder: scratchFolder)))
            } else {
                backing = .once(OnceReader(reader))
            }
        }
    }

    deinit {
        if case .file(let descriptor) = backing { close(descriptor) }
    }

    /// Whether the bundle can be read more than once (all but a stream not recorded).
    var canReread: Bool {
        if case .once = backing { return false }
        return true
    }

    /// How far into the (compressed) bundle the current pass has read; nil for a bag folder.
    var position: Int? {
        if case .folder = backing { return nil }
        return counter.count
    }

    /// The bundle's size in bytes, when known (nil for a bag folder).
    var size: Int? {
        switch backing {
        case .folder: return nil
        case .file(let descriptor):
            var status = stat()
            return fstat(descriptor, &status) == 0 ? Int(status.st_size) : nil
        case .memory(let bytes): return bytes.count
        case .recorded, .once: return expectedSize
        }
    }

    /// Throws ``ArchiveError/cancelled`` once the work has been asked to stop.
    func checkCancellation() throws(ArchiveError) {
        if cancellation?.isSet == true { throw .cancelled }
    }

    /// The entries, read from the start. With `inBundleOrder`, an archive's entries below
    /// the first two levels must come in ``EntryOrder`` (see ``EntryNamespace``).
    func entries(inBundleOrder: Bool) throws(FileError) -> BundleEntrySource {
        let base: any ByteSource
        switch backing {
        case .folder:
            return try FolderEntrySource(folder: path, inBundleOrder: inBundleOrder)
        case .file(let descriptor):
            guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw FileError(path: path, reason: .cannotRead(errno: errno)) }
            base = FileByteSource(descriptor: descriptor)
        case .memory(let bytes):
            base = MemoryByteSource(bytes)
        case .recorded(let recording):
            base = StreamRecording.Cursor(recording)
        case .once(let reader):
            guard !reader.started else { throw FileError(path: path, reason: .readOnce) }
            reader.started = true
            base = reader
        }
        counter = ReadCounter()
        digest = hashes ? DigestBox() : nil
        let pass = PassSource(base: base, counter: counter, digest: digest, cancellation: cancellation)
        return TarReader(source: GzipReader(source: pass, limits: limits), limits: limits, inBundleOrder: inBundleOrder)
    }

    /// The SHA-512 of the archive bytes the last pass read, when hashing (nil for a folder).
    func lastPassDigest() -> String? {
        digest?.finish()
    }
}

/// The bytes one pass has read, for progress reports.
final class ReadCounter {
    var count = 0
}

/// One pass's bytes: counted, hashed when asked, and stopped when the work is cancelled.
private struct PassSource: ByteSource {
    var base: any ByteSource
    let counter: ReadCounter
    let digest: DigestBox?
    let cancellation: CancellationFlag?

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        if cancellation?.isSet == true { throw .cancelled }
        let count = try base.read(into: buffer)
        counter.count += count
        digest?.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        return count
    }
}

/// A host's ``ByteReader`` as a source; its errors end the reading.
struct ReaderSource: ByteSource {
    var reader: any ByteReader

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        do {
            let count = try reader.read(into: buffer)
            guard count >= 0 && count <= buffer.count else {
                throw ArchiveError.readerFailed(message: "the reader returned \(count) for a buffer of \(buffer.count) bytes")
            }
            return count
        } catch let error as ArchiveError where error.endsTheWork {
            throw error
        } catch ArchiveError.readFailed(let code) {
            // A pipe or socket that fails is not a damaged bundle.
            throw .readerFailed(message: String(cString: strerror(code)))
        } catch {
            throw .readerFailed(message: "\(error)")
        }
    }
}

/// A stream that is not recorded: one pass may read it.
final class OnceReader: ByteSource {
    private var source: ReaderSource
    var started = false

    init(_ reader: any ByteReader) {
        source = ReaderSource(reader: reader)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        try source.read(into: buffer)
    }
}

/// A stream recorded in an unnamed scratch file as it is read, so that every pass after the
/// first reads the same bytes: what the recording holds, then the rest of the stream.
final class StreamRecording {
    private var source: ReaderSource
    private let spool: SpoolFile
    private var ended = false

    init(_ reader: any ByteReader, into spool: SpoolFile) {
        source = ReaderSource(reader: reader)
        self.spool = spool
    }

    /// Reads at `offset`: from the recording, or the stream (recording what it gives).
    func read(at offset: Int, into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        if offset < spool.count {
            let wanted = UnsafeMutableRawBufferPointer(rebasing: buffer[..<min(buffer.count, spool.count - offset)])
            do { return try spool.read(at: offset, into: wanted) } catch { throw .readFailed(errno: error.errno ?? EIO) }
        }
        guard !ended else { return 0 }
        let count = try source.read(into: buffer)
        if count == 0 { ended = true; return 0 }
        do { try spool.append(UnsafeRawBufferPointer(rebasing: buffer[..<count])) } catch { throw .writeFailed(errno: error.errno ?? EIO) }
        return count
    }

    /// A pass over the recorded stream, from its start.
    struct Cursor: ByteSource {
        let recording: StreamRecording
        var offset = 0

        init(_ recording: StreamRecording) {
            self.recording = recording
        }

        mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
            let count = try recording.read(at: offset, into: buffer)
            offset += count
            return count
        }
    }
}

/// A flag that asks work on another thread to stop.
final class CancellationFlag: Sendable {
    private let flag = Locked(false)

    init() {}

    /// Whether the work has been asked to stop.
    var isSet: Bool { flag.withLock { $0 } }

    /// Asks the work to stop.
    func set() { flag.withLock { $0 = true } }
}

extension FileError {
    /// The system error number behind this error, when there is one.
    var errno: Int32? {
        switch reason {
        case .cannotOpen(let code), .cannotRead(let code), .cannotWrite(let code), .cannotOpenFolder(let code): return code
        default: return nil
        }
    }
}
