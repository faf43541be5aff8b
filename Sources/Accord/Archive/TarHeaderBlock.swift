/// One 512-byte tar header block: the POSIX ustar field layout, and the reading and
/// writing of its fields.
struct TarHeaderBlock {
    /// The size of every tar block.
    static let size = 512

    /// A field of a header block, by byte range.
    enum Field {
        case name, mode, uid, gid, size, modificationTime, checksum, typeFlag, linkName
        case magic, uname, gname, devMajor, devMinor, prefix

        /// Where the field lies in the block.
        var range: Range<Int> {
            switch self {
            case .name: return 0..<100
            case .mode: return 100..<108
            case .uid: return 108..<116
            case .gid: return 116..<124
            case .size: return 124..<136
            case .modificationTime: return 136..<148
            case .checksum: return 148..<156
            case .typeFlag: return 156..<157
            case .linkName: return 157..<257
            // POSIX splits these 8 bytes into magic "ustar\0" and version "00"; old GNU tar
            // writes "ustar  \0" across both.
            case .magic: return 257..<265
            case .uname: return 265..<297
            case .gname: return 297..<329
            case .devMajor: return 329..<337
            case .devMinor: return 337..<345
            case .prefix: return 345..<500
            }
        }

        /// The field's name in the POSIX standard, for messages.
        var label: String {
            switch self {
            case .name: return "name"
            case .mode: return "mode"
            case .uid: return "uid"
            case .gid: return "gid"
            case .size: return "size"
            case .modificationTime: return "mtime"
            case .checksum: return "chksum"
            case .typeFlag: return "typeflag"
            case .linkName: return "linkname"
            case .magic: return "magic"
            case .uname: return "uname"
            case .gname: return "gname"
            case .devMajor: return "devmajor"
            case .devMinor: return "devminor"
            case .prefix: return "prefix"
            }
        }
    }

    /// Which tar dialect a header's magic field names.
    enum Format {
        /// POSIX ustar (and pax): `"ustar\0"` then version `"00"`. Long names are split
        /// between the `prefix` and `name` fields.
        case ustar
        /// Old GNU tar: `"ustar  \0"`. There is no `prefix` field; long names come in
        /// separate `L` entries.
        case gnu
    }

    /// The block's 512 bytes.
    private(set) var bytes: [UInt8]

    /// An all-zero block.
    init() {
        bytes = [UInt8](repeating: 0, count: Self.size)
    }

    /// A block read from an archive; `bytes` must be 512 bytes long.
    init(_ bytes: [UInt8]) {
        precondition(bytes.count == Self.size)
        self.bytes = bytes
    }

    /// Whether every byte is zero, as in the two blocks that end an archive.
    var isAllZero: Bool {
        !bytes.contains { $0 != 0 }
    }

    /// The type flag: `0` for a file, `5` for a folder, `x` for a pax header…
    var typeFlag: UInt8 {
        bytes[Field.typeFlag.range.lowerBound]
    }

    /// The dialect named by the magic field, or nil for anything else (such as the
    /// pre-POSIX v7 format, which has no magic).
    var format: Format? {
        let magic = bytes[Field.magic.range]
        if magic.elementsEqual("ustar\u{0}00".utf8) { return .ustar }
        if magic.elementsEqual("ustar  \u{0}".utf8) { return .gnu }
        return nil
    }

    /// Why ``format`` is nil, naming the field: the magic (bytes 257–262) or the version
    /// (bytes 263–264).
    var formatProblem: String {
        let magic = bytes[Field.magic.range]
        let shown = { (bytes: ArraySlice<UInt8>) in "'" + bytes.map { $0 >= 0x20 && $0 < 0x7F ? String(UnicodeScalar($0)) : "\\0" }.joined() + "'" }
        if magic.allSatisfy({ $0 == 0 }) {
            return "it has no format magic (a pre-POSIX v7 tar header, which Accord does not read)"
        }
        if magic.prefix(6).elementsEqual("ustar\u{0}".utf8) {
            return "its version field is \(shown(magic.suffix(2))), where POSIX ustar has '00' (some archivers, such as Maven's Plexus, write it wrongly)"
        }
        return "its magic field is \(shown(magic)), where POSIX has 'ustar\\000' and GNU tar 'ustar  \\0'"
    }

    /// A text field's bytes, up to its first NUL.
    func text(_ field: Field) -> ArraySlice<UInt8> {
        let all = bytes[field.range]
        return all.prefix { $0 != 0 }
    }

    /// The entry name this header itself gives: `prefix/name` in ustar, `name` otherwise.
    var name: [UInt8] {
        let prefix = format == .ustar ? text(.prefix) : []
        return prefix.isEmpty ? Array(text(.name)) : Array(prefix) + [UInt8(ascii: "/")] + text(.name)
    }

    /// A numeric field's value, or nil if it is not a valid number.
    ///
    /// Accepts octal digits with optional leading spaces, ended by a space or NUL that
    /// fills the rest of the field, as POSIX writers store them; and GNU tar's base-256
    /// form (first byte 0x80, then a big-endian number), which it uses for values that do
    /// not fit in octal. Negative base-256 values (first byte 0xFF) are refused.
    func number(_ field: Field) -> Int? {
        let value = bytes[field.range]
        if value.first == 0x80 { return Self.baseTwoFiftySix(value.dropFirst()) }
        return Self.octal(value)
    }

    /// Whether the stored checksum matches the block: the sum of all bytes with the
    /// checksum field counted as spaces. Like GNU tar, accepts the sum taken over signed
    /// bytes too, which some old writers produced.
    var hasValidChecksum: Bool {
        guard let stored = Self.octal(bytes[Field.checksum.range]) else { return false }
        let sums = checksums
        return stored == sums.unsigned || stored == sums.signed
    }

    /// The header checksum, summing bytes as unsigned and as signed.
    private var checksums: (unsigned: Int, signed: Int) {
        var unsigned = 0
        var signed = 0
        bytes.withUnsafeBufferPointer { block in
            for index in 0..<block.count {
                let counted = Field.checksum.range.contains(index) ? UInt8(ascii: " ") : block[index]
                unsigned += Int(counted)
                signed += Int(Int8(bitPattern: counted))
            }
        }
        return (unsigned, signed)
    }

    // MARK: Writing

    /// Stores `value` in a text field, NUL-padded; the value must fit.
    mutating func setText(_ field: Field, _ value: some Collection<UInt8>) {
        precondition(value.count <= field.range.count)
        bytes.replaceSubrange(field.range.lowerBound..<field.range.lowerBound + value.count, with: value)
    }

    /// Stores `value` as zero-padded octal digits followed by a NUL, as GNU tar does;
    /// returns false if it does not fit.
    mutating func setOctal(_ field: Field, _ value: Int) -> Bool {
        let digits = Array(String(value, radix: 8).utf8)
        let width = field.range.count - 1
        guard value >= 0, digits.count <= width else { return false }
        setText(field, [UInt8](repeating: UInt8(ascii: "0"), count: width - digits.count) + digits)
        return true
    }

    /// Fills in the checksum field; call it last.
    mutating func seal() {
        // Six octal digits, a NUL and a space: the layout every tar writes.
        let digits = Array(String(checksums.unsigned, radix: 8).utf8)
        let field = [UInt8](repeating: UInt8(ascii: "0"), count: 6 - digits.count) + digits + [0, UInt8(ascii: " ")]
        bytes.replaceSubrange(Field.checksum.range, with: field)
    }

    // MARK: Parsing numbers

    /// An octal field's value, as described at `number(_:)`.
    private static func octal(_ field: ArraySlice<UInt8>) -> Int? {
        var rest = field.drop { $0 == UInt8(ascii: " ") }
        let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) }
        rest = rest.dropFirst(digits.count)
        guard !digits.isEmpty, rest.allSatisfy({ $0 == 0 || $0 == UInt8(ascii: " ") }) else { return nil }
        var value = 0
        for digit in digits {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 8)
            if overflow { return nil }
            value = shifted + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    /// A big-endian number, or nil if it does not fit in `Int`.
    private static func baseTwoFiftySix(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 256)
            if overflow { return nil }
            value = shifted | Int(byte)
        }
        return value
    }
}
