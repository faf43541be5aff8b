/// Builds tar archives byte by byte, independently of `TarWriter`, so that tests can
/// craft headers no honest writer would produce.
struct RawTar {
    /// The archive so far.
    private(set) var bytes: [UInt8] = []

    /// The magic a crafted header carries.
    enum Magic {
        /// POSIX `ustar\0` + `00`; old GNU `ustar  \0`; none; and `ustar\0` with the
        /// version `\0\0` (Maven's Plexus archiver).
        case ustar, gnu, none, ustarVersionNul
    }

    /// One 512-byte header. Text fields take raw bytes; numeric fields take octal
    /// unless `sizeField` gives the size field's 12 raw bytes. The checksum is correct
    /// (unsigned) plus `checksumError`, or the signed sum if `signedChecksum`.
    static func header(
        name: [UInt8], type: UInt8 = UInt8(ascii: "0"), size: Int = 0, mode: Int = 0o644,
        modificationTime: Int = 1_700_000_000, magic: Magic = .ustar, prefix: [UInt8] = [],
        sizeField: [UInt8]? = nil, checksumError: Int = 0, signedChecksum: Bool = false
    ) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ value: [UInt8], at offset: Int) {
            block.replaceSubrange(offset..<offset + value.count, with: value)
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(sizeField ?? octal(size, width: 12), at: 124)
        put(octal(modificationTime, width: 12), at: 136)
        put([type], at: 156)
        switch magic {
        case .ustar: put(Array("ustar\u{0}00".utf8), at: 257)
        case .gnu: put(Array("ustar  \u{0}".utf8), at: 257)
        case .none: break
        case .ustarVersionNul: put(Array("ustar\u{0}\u{0}\u{0}".utf8), at: 257)
        }
        put(prefix, at: 345)

        put(Array("        ".utf8), at: 148)
        let sum = signedChecksum
            ? block.reduce(0) { $0 + Int(Int8(bitPattern: $1)) }
            : block.reduce(0) { $0 + Int($1) }
        let digits = String(sum + checksumError, radix: 8)
        put(Array((String(repeating: "0", count: 6 - digits.count) + digits).utf8) + [0, 32], at: 148)
        return block
    }

    /// Appends a header for `name` followed by `data`, padded to whole blocks.
    mutating func entry(
        _ name: String, type: UInt8 = UInt8(ascii: "0"), data: [UInt8] = [], mode: Int = 0o644,
        magic: Magic = .ustar
    ) {
        entry(rawName: Array(name.utf8), type: type, data: data, mode: mode, magic: magic)
    }

    /// Appends a header whose name field holds `rawName` exactly, then `data`.
    mutating func entry(
        rawName: [UInt8], type: UInt8 = UInt8(ascii: "0"), data: [UInt8] = [], mode: Int = 0o644,
        magic: Magic = .ustar
    ) {
        bytes += Self.header(name: rawName, type: type, size: data.count, mode: mode, magic: magic)
        append(data)
    }

    /// Appends a folder entry; `name` should end with `/`.
    mutating func folder(_ name: String) {
        entry(name, type: UInt8(ascii: "5"), mode: 0o755)
    }

    /// Appends a pax extended header holding `records` (key, value), each encoded with
    /// its correct length.
    mutating func pax(_ records: [(String, String)], type: UInt8 = UInt8(ascii: "x")) {
        var data: [UInt8] = []
        for (key, value) in records { data += Self.paxRecord(key, Array(value.utf8)) }
        paxRaw(data, type: type)
    }

    /// Appends a pax extended header whose data is exactly `data`.
    mutating func paxRaw(_ data: [UInt8], type: UInt8 = UInt8(ascii: "x")) {
        entry(rawName: Array("PaxHeaders/entry".utf8), type: type, data: data)
    }

    /// A correctly sized pax record.
    static func paxRecord(_ key: String, _ value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [10]
        var length = body.count + 1
        while String(length).count + body.count != length { length = String(length).count + body.count }
        return Array(String(length).utf8) + body
    }

    /// Appends a GNU long-name (`L`) header holding `name` and its terminating NUL.
    mutating func longName(_ name: [UInt8]) {
        entry(rawName: Array("././@LongLink".utf8), type: UInt8(ascii: "L"), data: name + [0], magic: .gnu)
    }

    /// Appends raw bytes, padded with zeros to a whole block.
    mutating func append(_ data: [UInt8]) {
        bytes += data
        bytes += [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// Appends the two zero blocks that end an archive.
    mutating func end() {
        bytes += [UInt8](repeating: 0, count: 1024)
    }

    /// A well-formed archive: folder `bundle/`, then whatever `build` adds, then the end.
    static func bundle(_ build: (inout RawTar) -> Void) -> [UInt8] {
        var tar = RawTar()
        tar.folder("bundle/")
        build(&tar)
        tar.end()
        return tar.bytes
    }
}
