/// An attachment to pack with records built in code: a file a record's source document
/// names (`<attachment>NAME</attachment>`), given as bytes or as a file to read.
public struct PackAttachment: Sendable, Hashable {
    /// What the attachment holds.
    public enum Contents: Sendable, Hashable {
        /// Bytes in memory.
        case bytes([UInt8])
        /// The file at this path, read when it is packed (and checked not to have changed).
        case file(String)
    }

    /// The name a record's source document gives it, which is its path below
    /// `data/attachments/` in the bundle.
    public var name: String
    /// What it holds.
    public var contents: Contents

    /// An attachment of these bytes.
    public static func bytes(_ bytes: [UInt8], name: String) -> PackAttachment {
        PackAttachment(name: name, contents: .bytes(bytes))
    }

    /// An attachment read from the file at `path`.
    public static func file(_ path: String, name: String) -> PackAttachment {
        PackAttachment(name: name, contents: .file(path))
    }

    /// What messages call it.
    var displayName: String {
        if case .file(let path) = contents { return path }
        return "attachment '\(name)'"
    }
}

extension PackAttachment.Contents {
    /// What messages call it: its path, or `bytes given`.
    var displayName: String {
        switch self {
        case .bytes: "the bytes given"
        case .file(let path): path
        }
    }

    /// The size and SHA-512 (hex).
    func sizeAndDigest() throws(FileError) -> (Int, String) {
        var hasher = SHA512Hasher()
        var size = 0
        do {
            try forEachChunk { chunk in
                hasher.update(chunk)
                size += chunk.count
            }
        } catch {
            throw FileError(path: displayName, reason: .cannotRead(errno: EIO))
        }
        return (size, hasher.finalizeHex())
    }

    /// Passes the contents to `body` a chunk at a time.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(ArchiveError) -> Void) throws(ArchiveError) {
        switch self {
        case .bytes(let bytes):
            try bytes.withRawBytes { raw throws(ArchiveError) in try body(raw) }
        case .file(let path):
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw .readFailed(errno: errno) }
            defer { close(descriptor) }
            var source = FileByteSource(descriptor: descriptor)
            var buffer = [UInt8](repeating: 0, count: 256 << 10)
            while true {
                let count = try buffer.withMutableRawBytes { raw throws(ArchiveError) in try source.read(into: raw) }
                if count == 0 { return }
                try buffer.withRawBytes { raw throws(ArchiveError) in try body(UnsafeRawBufferPointer(rebasing: raw[..<count])) }
            }
        }
    }
}
