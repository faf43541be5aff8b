import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `-` as an input: standard input. Its first bytes tell a bundle from a record; a bundle
/// is then read as a stream by the library (``BundleSource/stream(_:name:expectedSize:recorded:)``),
/// recorded as it goes in an unnamed scratch file so that a bag out of bundle order is
/// checked in full, as from a file, with memory that does not grow with it; a record is
/// read into memory, up to the size limit and a byte.
final class StandardInput: @unchecked Sendable {
    /// The name the user gave, and the one diagnostics show.
    static let name = "-"

    /// The first bytes of standard input (fewer when it is shorter).
    private let head: [UInt8]
    /// What standard input holds: a bundle (gzip or tar) or a record.
    let kind: InputKind

    /// Reads the first 512 bytes of standard input.
    init() throws(FileError) {
        var head = [UInt8](repeating: 0, count: 512)
        let count = try Self.fill(&head, from: 0)
        head.removeSubrange(count...)
        self.head = head
        let isGzip = head.count >= 2 && head[0] == 0x1F && head[1] == 0x8B
        let isTar = head.count == 512 && Array(head[257..<262]) == Array("ustar".utf8)
        kind = isGzip || isTar ? .bundle : .record
    }

    /// The bundle on standard input, read once from where ``init()`` stopped.
    func bundle() -> BundleSource {
        .stream(PrefixedReader(prefix: head, then: FileDescriptorReader(descriptor: 0)), name: Self.name)
    }

    /// Validates the record on standard input. Of one over the size limit, no more than the
    /// limit and a byte is read, which the validator refuses as too large (`X004`).
    func validateRecord(with validator: RecordValidator) -> Result<RecordValidation, FileError> {
        var rest = [UInt8](repeating: 0, count: max(0, validator.limits.maxBytes + 1 - head.count))
        let count: Int
        do { count = try Self.fill(&rest, from: 0) } catch { return .failure(error) }
        let bytes = head + rest[..<count]
        return .success(Self.startsLikeJSON(bytes) && bytes.count <= validator.limits.maxBytes
            ? validator.validateJSON(bytes, file: Self.name) : validator.validate(bytes, file: Self.name))
    }

    /// Whether the record on standard input is JSON (its first character other than white
    /// space is `{`), judged from the first bytes.
    var isJSON: Bool { Self.startsLikeJSON(head) }

    /// Whether the first character of `bytes` other than white space (or a byte-order
    /// mark) is `{`.
    private static func startsLikeJSON(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }

    /// Reads `descriptor` into `buffer` until it is full or the input ends; returns the count.
    private static func fill(_ buffer: inout [UInt8], from descriptor: Int32) throws(FileError) -> Int {
        var reader = FileDescriptorReader(descriptor: descriptor)
        var filled = 0
        while filled < buffer.count {
            let count: Int
            do {
                count = try buffer.withUnsafeMutableBytes { raw in try reader.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[filled...])) }
            } catch {
                throw FileError(path: name, reason: .cannotRead(errno: EIO))
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}

/// Bytes already read, then the rest of a reader.
struct PrefixedReader<Rest: ByteReader>: ByteReader {
    private let prefix: [UInt8]
    private var offset = 0
    private var rest: Rest

    init(prefix: [UInt8], then rest: Rest) {
        self.prefix = prefix
        self.rest = rest
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard offset < prefix.count else { return try rest.read(into: buffer) }
        let count = min(buffer.count, prefix.count - offset)
        prefix.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
        offset += count
        return count
    }
}
