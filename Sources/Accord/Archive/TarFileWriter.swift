/// Receives one file's contents inside `TarWriter.addFile`, and refuses more bytes
/// than the size declared for it.
///
/// Valid only until `contents` returns.
final class TarFileWriter: ByteSink {
    /// The bytes written so far.
    private(set) var written = 0
    private let writer: TarWriter
    private let path: String
    private let size: Int
    private var isOpen = true

    /// A writer for the entry at `path`, of `size` bytes.
    init(writer: TarWriter, path: String, size: Int) {
        self.writer = writer
        self.path = path
        self.size = size
    }

    /// Writes the next part of the file's contents.
    func write(_ bytes: UnsafeRawBufferPointer) throws(ArchiveError) {
        guard isOpen else {
            throw .misuse(detail: "entry '\(PrintableName.escaping(path))' was written to after addFile returned")
        }
        guard bytes.count <= size - written else {
            throw .sizeMismatch(entry: PrintableName.escaping(path), declared: size, written: written + bytes.count)
        }
        try writer.writeContents(bytes)
        written += bytes.count
    }

    /// Writes the contents of `bytes` as the next part of the file's contents.
    func write(_ bytes: [UInt8]) throws(ArchiveError) {
        try bytes.withRawBytes { (buffer) throws(ArchiveError) in try write(buffer) }
    }

    /// Ends the writer's validity, once `contents` has returned.
    func close() {
        isOpen = false
    }
}
