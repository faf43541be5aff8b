/// Something bytes are read from, a chunk at a time, by the host: a socket, a pipe, a
/// decompressor or a store of its own. Accord reads it once, from start to end.
public protocol ByteReader {
    /// Reads up to `buffer.count` bytes into `buffer` and returns how many were read.
    ///
    /// Returns 0 only at the end of the data; a short read does not mean the end is near.
    /// An error thrown here ends the reading: the function that was reading throws
    /// ``FileError`` with ``FileError/Reason/readerFailed(_:)``, naming it.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Where a received bundle comes from: a file or bag folder, bytes in memory, or a stream
/// read once (``ByteReader``). Every function that reads a bundle takes one, and finds the
/// same problems in the same bytes whichever it is; for byte chunks arriving as an
/// `AsyncSequence` (an HTTP request body), see the `async` functions taking `chunks`.
///
/// A stream is read once. So that a bag whose files are not in bundle order (one tarred by
/// hand) can be read a second time, and a bundle converted or its records read after it
/// was validated, the bytes are recorded as they are read in an unnamed scratch file
/// (``BundleValidator/scratchFolder``), unless ``recordsStream`` is off: then no copy of
/// the bundle is kept (only its manifest and envelope go to unnamed scratch files, as for
/// any bundle in bundle order), a bag out of bundle order is refused (`B027`), and only
/// validation and unpacking can read it.
public struct BundleSource {
    enum Storage {
        case path(String)
        case bytes([UInt8])
        case stream(any ByteReader)
    }

    let storage: Storage
    /// The name diagnostics give the bundle: the path of a file, or the name given.
    public let name: String
    /// The stream's length in bytes, when the host knows it (an HTTP `Content-Length`):
    /// progress reports then carry a total. Nil for a file or bytes, whose size is known.
    public var expectedSize: Int?
    /// Whether a stream's bytes are recorded in an unnamed scratch file as they are read,
    /// so that it can be read again (see the type's description). On by default.
    public var recordsStream = true

    private init(_ storage: Storage, name: String) {
        self.storage = storage
        self.name = name
    }

    /// The bundle at `path`: a `.tar.gz` file, or an unpacked bag folder.
    public static func file(_ path: String) -> BundleSource {
        BundleSource(.path(path), name: path)
    }

    /// A bundle held in memory (a `.tar.gz` file's bytes); `name` is what diagnostics call it.
    public static func bytes(_ bytes: [UInt8], name: String = "bundle") -> BundleSource {
        BundleSource(.bytes(bytes), name: name)
    }

    /// A bundle read once from `reader` (a `.tar.gz` file's bytes); `name` is what
    /// diagnostics call it.
    public static func stream(_ reader: some ByteReader, name: String, expectedSize: Int? = nil, recorded: Bool = true) -> BundleSource {
        var source = BundleSource(.stream(reader), name: name)
        source.expectedSize = expectedSize
        source.recordsStream = recorded
        return source
    }
}

/// Reads an open file descriptor (standard input, a pipe, a socket) with `read(2)`. The
/// descriptor stays the caller's, who closes it.
public struct FileDescriptorReader: ByteReader {
    /// The descriptor read from.
    public let descriptor: Int32

    /// Reads from `descriptor`, which must be open for reading.
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Reads up to `buffer.count` bytes, retrying when a signal interrupts.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var file = FileByteSource(descriptor: descriptor)
        return try file.read(into: buffer)
    }
}
