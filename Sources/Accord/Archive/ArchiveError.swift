#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why an archive could not be read or written.
///
/// Where a problem concerns one entry, `entry` is its name as found in the archive,
/// escaped for printing by `PrintableName` (control characters and undecodable bytes
/// appear as `\xNN`). Once reading has failed, or writing has failed part-way, every later
/// call throws the same error again: a damaged or hostile archive is never read past its
/// first fault. (A writer that refuses a path has written nothing, and can go on.)
enum ArchiveError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: Files

    /// Reading the underlying file failed with this `errno`.
    case readFailed(errno: Int32)
    /// Writing the underlying file failed with this `errno`.
    case writeFailed(errno: Int32)

    // MARK: gzip

    /// The data does not start with a gzip header.
    case notGzip
    /// The gzip data ends in the middle of a member.
    case gzipTruncated
    /// The compressed data is damaged; `detail` is zlib's account.
    case gzipCorrupt(detail: String)
    /// The CRC-32 or length in a gzip trailer does not match the inflated data.
    case gzipChecksumMismatch
    /// Bytes that are not a gzip member follow the last member (even zeros are refused).
    case gzipTrailingData
    /// Inflating produced more bytes than `ArchiveLimits.maxTotalBytes`.
    case tooMuchData(limit: Int)
    /// Inflated bytes exceed `ArchiveLimits.maxCompressionRatio` times the compressed bytes.
    case compressionRatioTooHigh(limit: Int)
    /// zlib itself failed with this return code (out of memory, or a bad parameter).
    case zlibFailure(code: Int32)

    // MARK: tar structure

    /// The archive ends inside a header, inside an entry's data, or before the
    /// end-of-archive marker; `entry` is the entry being read, if any.
    case truncated(entry: String?)
    /// A header block's checksum does not match its contents.
    case badHeaderChecksum(entry: String)
    /// A header is neither POSIX ustar nor GNU tar.
    case unrecognisedHeader(entry: String, problem: String)
    /// A numeric header field (`field` is its name) is not a number or is out of range.
    case invalidHeaderField(entry: String, field: String)
    /// Something other than zero bytes follows the end-of-archive marker.
    case dataAfterEndOfArchive
    /// The archive has more headers than `ArchiveLimits.maxEntries`.
    case tooManyEntries(limit: Int)

    // MARK: Extended headers

    /// A pax or GNU long-name header is larger than `ArchiveLimits.maxPaxHeaderBytes`.
    case extendedHeaderTooLarge(entry: String, limit: Int)
    /// A pax header does not follow the `"<length> <key>=<value>\n"` record format.
    case malformedPaxHeader(entry: String, reason: String)
    /// A pax header uses a key that could change how the entry is extracted
    /// (`linkpath`, `GNU.sparse.*`, `hdrcharset`).
    case unsupportedPaxKey(entry: String, key: String)
    /// A pax or long-name header is not followed by the entry it describes.
    case orphanExtendedHeader(entry: String)

    // MARK: Entries

    /// The entry is not a plain file or folder (a link, device, FIFO, sparse file,
    /// pax global header…); `typeFlag` is the header's type byte.
    case unsupportedEntryType(entry: String, typeFlag: UInt8)
    /// The entry's mode has the setuid, setgid or sticky bit.
    case specialPermissions(entry: String, mode: UInt32)
    /// The entry is larger than `ArchiveLimits.maxEntryBytes`.
    case entryTooLarge(entry: String, limit: Int)
    /// The entry's path is unsafe to extract.
    case unsafePath(entry: String, problem: PathProblem)
    /// The entry's path was already used by an earlier entry, exactly, or apart from
    /// letter case or Unicode normalisation; `earlier` is that entry's spelling.
    case duplicateEntry(entry: String, earlier: String)
    /// The entry is below `file`, an earlier regular file.
    case entryInsideFile(entry: String, file: String)
    /// A regular file is not inside the bundle's one top-level folder.
    case fileAtTopLevel(entry: String)
    /// The entry is in a second top-level folder; `first` is the first one.
    case multipleTopLevelFolders(entry: String, first: String)
    /// The entry is out of bundle order (``EntryOrder``), which a reader asked for, or the
    /// bag cannot be checked in that order for another reason (a scratch file could not be
    /// written). Not a fault: the caller reads the archive again in the general way.
    case notInBundleOrder(entry: String)

    // MARK: Writing

    /// The contents written for an entry did not match the size declared for it.
    case sizeMismatch(entry: String, declared: Int, written: Int)
    /// A writer was used out of order (after `finish()`, or from inside an entry's
    /// contents); `detail` says how.
    case misuse(detail: String)
    /// The work was cancelled (an async caller's task was): not a fault of the archive.
    case cancelled
    /// The host's ``ByteReader`` threw: not a fault of the archive.
    case readerFailed(message: String)
    /// The host's ``ByteWriter`` threw.
    case writerFailed(message: String)
    /// A tag file larger than the limit, in a bundle read only once (the held way reports it
    /// as a finding of the bag; this says the same).
    case tagFileTooLarge(entry: String, size: Int, limit: Int)
    /// Past the first MiB, the compressed data is more than twice as long as what it
    /// inflates to, which deflate never makes of real data (an endless run of empty gzip
    /// members, say, which the other limits would never stop).
    case tooMuchCompressedData(compressed: Int, inflated: Int)

    /// An account a clerk can read, such as
    /// `entry '../etc/passwd': the path leaves the bundle folder ('..')`.
    var description: String {
        switch self {
        case .readFailed(let code):
            return "cannot read the archive: \(Self.systemMessage(code))"
        case .writeFailed(let code):
            return "cannot write the archive: \(Self.systemMessage(code))"
        case .notGzip:
            return "the file is not gzip-compressed"
        case .gzipTruncated:
            return "the compressed data ends too early (the file is truncated)"
        case .gzipCorrupt(let detail):
            return "the compressed data is damaged (\(detail))"
        case .gzipChecksumMismatch:
            return "the compressed data is damaged (its checksum does not match)"
        case .gzipTrailingData:
            return "unexpected bytes follow the compressed data"
        case .tooMuchData(let limit):
            return "the archive unpacks to more than \(Self.amount(limit))"
        case .compressionRatioTooHigh(let limit):
            return "the archive expands more than \(limit) times when unpacked (a compression bomb?)"
        case .zlibFailure(let code):
            return "the compression library failed (zlib code \(code))"
        case .truncated(let entry?):
            return "entry '\(entry)': the archive ends too early (it is truncated)"
        case .truncated(nil):
            return "the archive ends too early (it is truncated)"
        case .badHeaderChecksum(let entry):
            return "entry '\(entry)': the header is damaged (its checksum does not match)"
        case .unrecognisedHeader(let entry, let problem):
            return "entry '\(entry)': the header is not in POSIX or GNU tar format: \(problem)"
        case .invalidHeaderField(let entry, let field):
            return "entry '\(entry)': the header's \(field) field is invalid"
        case .dataAfterEndOfArchive:
            return "unexpected data follows the end of the archive"
        case .tooManyEntries(let limit):
            return "the archive has more than \(limit) entries"
        case .extendedHeaderTooLarge(let entry, let limit):
            return "entry '\(entry)': the extended header is larger than \(Self.amount(limit))"
        case .malformedPaxHeader(let entry, let reason):
            return "entry '\(entry)': the pax extended header is malformed (\(reason))"
        case .unsupportedPaxKey(let entry, let key):
            return "entry '\(entry)': the pax extended header uses '\(key)', which is not accepted"
        case .orphanExtendedHeader(let entry):
            return "entry '\(entry)': an extended header is not followed by the entry it describes"
        case .unsupportedEntryType(let entry, let typeFlag):
            return "entry '\(entry)': \(Self.entryTypeName(typeFlag)) is not accepted; only files and folders are"
        case .specialPermissions(let entry, let mode):
            return "entry '\(entry)': mode \(String(mode, radix: 8)) has setuid, setgid or sticky bits"
        case .entryTooLarge(let entry, let limit):
            return "entry '\(entry)': larger than the limit of \(Self.amount(limit))"
        case .unsafePath(let entry, let problem):
            return "entry '\(entry)': \(problem)"
        case .duplicateEntry(let entry, let earlier):
            return "entry '\(entry)': the name is already used by '\(earlier)' "
                + "(names must differ by more than letter case or accents' encoding)"
        case .entryInsideFile(let entry, let file):
            return "entry '\(entry)': it is inside '\(file)', which is a file"
        case .fileAtTopLevel(let entry):
            return "entry '\(entry)': a file outside the bundle folder"
        case .multipleTopLevelFolders(let entry, let first):
            return "entry '\(entry)': outside the bundle folder '\(first)' (there must be only one top-level folder)"
        case .notInBundleOrder(let entry):
            return "entry '\(entry)': not in bundle order"
        case .sizeMismatch(let entry, let declared, let written):
            return "entry '\(entry)': \(written) bytes were written but \(declared) were declared"
        case .misuse(let detail):
            return "archive writer misuse: \(detail)"
        case .cancelled:
            return "cancelled"
        case .readerFailed(let message):
            return "the stream could not be read: \(message)"
        case .writerFailed(let message):
            return "the bundle could not be written: \(message)"
        case .tagFileTooLarge(_, let size, let limit):
            return "the tag file is \(size) bytes; the limit is \(limit) bytes"
        case .tooMuchCompressedData(let compressed, let inflated):
            return "\(Self.amount(compressed)) of compressed data inflate to only \(Self.amount(inflated)): it is padded or made of empty gzip members, which no bundle is"
        }
    }

    /// What a tar type flag stands for, for messages.
    private static func entryTypeName(_ typeFlag: UInt8) -> String {
        switch typeFlag {
        case UInt8(ascii: "1"): return "a hard link"
        case UInt8(ascii: "2"): return "a symbolic link"
        case UInt8(ascii: "3"): return "a character device"
        case UInt8(ascii: "4"): return "a block device"
        case UInt8(ascii: "6"): return "a FIFO"
        case UInt8(ascii: "7"): return "a contiguous file"
        case UInt8(ascii: "g"): return "a pax global header"
        case UInt8(ascii: "D"): return "a GNU directory dump"
        case UInt8(ascii: "K"): return "a GNU long link name"
        case UInt8(ascii: "M"): return "a GNU multi-volume continuation"
        case UInt8(ascii: "S"): return "a GNU sparse file"
        case UInt8(ascii: "V"): return "a GNU volume label"
        default: return "entry type '\(PrintableName.escaping(CollectionOfOne(typeFlag)))'"
        }
    }

    /// `8 GiB`, `64 KiB` or `1000 bytes`.
    private static func amount(_ bytes: Int) -> String {
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where bytes >= 1 << shift && bytes % (1 << shift) == 0 {
            return "\(bytes >> shift) \(unit)"
        }
        return "\(bytes) bytes"
    }

    private static func systemMessage(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
