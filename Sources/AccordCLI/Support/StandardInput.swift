import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `-` as an input: standard input, read once, to its end, into an unnamed scratch file in
/// `$TMPDIR` (created and unlinked at once, mode 0600), so that a bundle from a pipe is
/// checked like a file, including a second reading when it is not in bundle order, with
/// memory that does not grow with it. The scratch file vanishes with the process.
final class StandardInput: Sendable {
    /// The name the user gave, and the one diagnostics show.
    static let name = "-"

    private let descriptor: Int32
    /// A path through which the library opens the scratch file.
    let path: String

    /// Reads standard input into the scratch file; at most `maxBytes` are accepted.
    init(maxBytes: Int) throws(FileError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(folder)/.accord-stdin-XXXXXX".utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw FileError(path: folder, reason: .cannotWrite(errno: errno)) }
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        descriptor = opened
        #if os(Linux)
        path = "/proc/self/fd/\(opened)"
        #else
        path = "/dev/fd/\(opened)"
        #endif
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw FileError(path: Self.name, reason: .cannotRead(errno: errno)) }
            if count == 0 { break }
            total += count
            if total > maxBytes { throw FileError(path: Self.name, reason: .tooLarge(size: total, limit: maxBytes)) }
            var written = 0
            while written < count {
                let done = buffer.withUnsafeBytes { write(opened, $0.baseAddress! + written, count - written) }
                if done < 0 && errno == EINTR { continue }
                if done < 0 { throw FileError(path: folder, reason: .cannotWrite(errno: errno)) }
                written += done
            }
        }
        // Where /dev/fd/N is a dup (Darwin), the offset is shared: readers start at the top.
        lseek(opened, 0, SEEK_SET)
    }

    deinit {
        close(descriptor)
    }

    /// What standard input held: a bundle (gzip or tar) or a record.
    var kind: InputKind { InputKind.of(path) }

    /// The number of bytes read.
    var size: Int {
        var status = stat()
        return fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0
    }

    /// The first `count` bytes (all of them when there are fewer).
    func bytes(upTo count: Int = .max) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: min(size, count))
        let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(max(0, got)))
    }

    /// Whether the record is JSON: its first character other than white space is `{`.
    var isJSON: Bool {
        bytes(upTo: 4096).first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) } == UInt8(ascii: "{")
    }

    /// Validates the record on standard input. Of one over the size limit, no more than the
    /// limit and a byte is read back, which the validator refuses as too large (`X004`).
    func validateRecord(with validator: RecordValidator) -> RecordValidation {
        let bytes = bytes(upTo: validator.limits.maxBytes + 1)
        return isJSON && bytes.count <= validator.limits.maxBytes ? validator.validateJSON(bytes, file: Self.name) : validator.validate(bytes, file: Self.name)
    }

    /// `outcome` as about `-`: the scratch file's path is never shown.
    func named(_ outcome: Outcome) -> Outcome {
        var outcome = outcome
        outcome.file = Self.name
        for index in outcome.diagnostics.indices where outcome.diagnostics[index].location.file == path {
            outcome.diagnostics[index].location.file = Self.name
        }
        outcome.failure = outcome.failure?.replacing(path, with: Self.name)
        return outcome
    }
}
