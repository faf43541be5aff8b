/// A pax extended header (type `x`): the `"<length> <key>=<value>\n"` records that
/// describe the entry after it.
///
/// Only `path` and `size` change how Accord reads the entry. Keys that could make it
/// something other than a plain file (`linkpath`, `GNU.sparse.*`) or make names
/// something other than UTF-8 (`hdrcharset`) are refused; all others are ignored.
struct PaxHeader {
    /// The entry's path, replacing the one in its ustar header.
    var path: [UInt8]?
    /// The entry's size, replacing the one in its ustar header; `Int.max` if the record
    /// holds a number too large for `Int`.
    var size: Int?

    /// Parses the contents of a pax header; `entry` is the header's own name, for messages.
    init(parsing data: [UInt8], entry: @autoclosure () -> String) throws(ArchiveError) {
        var rest = data[...]
        while !rest.isEmpty {
            let (key, value) = try Self.nextRecord(from: &rest, entry: entry())
            try apply(key: key, value: value, entry: entry())
        }
    }

    /// Takes in one record, refusing keys Accord does not accept.
    private mutating func apply(
        key: String, value: ArraySlice<UInt8>, entry: @autoclosure () -> String
    ) throws(ArchiveError) {
        switch key {
        case "path":
            guard path == nil else { throw .malformedPaxHeader(entry: entry(), reason: "'path' appears twice") }
            path = Array(value)
        case "size":
            guard size == nil else { throw .malformedPaxHeader(entry: entry(), reason: "'size' appears twice") }
            size = try Self.decimal(value, entry: entry())
        case "linkpath", "hdrcharset":
            throw .unsupportedPaxKey(entry: entry(), key: key)
        case _ where key.hasPrefix("GNU.sparse."):
            throw .unsupportedPaxKey(entry: entry(), key: key)
        case "mtime", "atime", "ctime":
            // POSIX: seconds since the epoch, with an optional fraction. GNU tar refuses
            // anything else, so a bundle with such a record could not be unpacked with tar.
            guard Self.isTime(value) else {
                throw .malformedPaxHeader(entry: entry(), reason: "'\(key)' is not a time in seconds ('\(PrintableName.escaping(String(decoding: value.prefix(40), as: UTF8.self)))')")
            }
        case "uid", "gid":
            guard !value.isEmpty, value.allSatisfy(Self.isDigit) else {
                throw .malformedPaxHeader(entry: entry(), reason: "'\(key)' is not a decimal number ('\(PrintableName.escaping(String(decoding: value.prefix(40), as: UTF8.self)))')")
            }
        case "uname", "gname", "comment", "charset":
            break
        default:
            // Including SCHILY.* and LIBARCHIVE.* (extended attributes, device numbers),
            // and keys from future writers.
            break
        }
    }

    /// Removes the first record from `rest` and returns its key and value.
    private static func nextRecord(
        from rest: inout ArraySlice<UInt8>, entry: @autoclosure () -> String
    ) throws(ArchiveError) -> (key: String, value: ArraySlice<UInt8>) {
        let digits = rest.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        // Nine digits allow records far longer than any header Accord accepts.
        guard !digits.isEmpty, digits.count <= 9, digits.first != UInt8(ascii: "0"),
              rest.dropFirst(digits.count).first == UInt8(ascii: " ")
        else { throw .malformedPaxHeader(entry: entry(), reason: "a record does not start with its length") }
        let length = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard length <= rest.count, rest[rest.startIndex + length - 1] == UInt8(ascii: "\n") else {
            throw .malformedPaxHeader(entry: entry(), reason: "a record's length does not match its contents")
        }
        let body = rest[(rest.startIndex + digits.count + 1)..<(rest.startIndex + length - 1)]
        rest = rest.dropFirst(length)

        guard let equals = body.firstIndex(of: UInt8(ascii: "=")), equals > body.startIndex else {
            throw .malformedPaxHeader(entry: entry(), reason: "a record has no key")
        }
        let key = body[..<equals]
        let value = body[(equals + 1)...]
        guard isUTF8(key), isUTF8(value) else {
            throw .malformedPaxHeader(entry: entry(), reason: "a record is not valid UTF-8")
        }
        // A key is a keyword: no NUL (which GNU tar refuses) nor any other control character.
        guard !key.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw .malformedPaxHeader(entry: entry(), reason: "a record's key holds a control character (\(PrintableName.escaping(String(decoding: key, as: UTF8.self))))")
        }
        return (String(decoding: key, as: UTF8.self), value)
    }

    /// A `size` value: decimal digits only; saturates at `Int.max`.
    private static func decimal(_ value: ArraySlice<UInt8>, entry: @autoclosure () -> String) throws(ArchiveError) -> Int {
        guard !value.isEmpty, value.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .malformedPaxHeader(entry: entry(), reason: "'size' is not a decimal number")
        }
        var result = 0
        for digit in value {
            let (shifted, overflowed) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = shifted.addingReportingOverflow(Int(digit - UInt8(ascii: "0")))
            if overflowed || overflowedAgain { return Int.max }
            result = sum
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// `-?DIGITS(.DIGITS)?`, the form of pax times.
    private static func isTime(_ value: ArraySlice<UInt8>) -> Bool {
        var rest = value
        if rest.first == UInt8(ascii: "-") { rest = rest.dropFirst() }
        let whole = rest.prefix(while: isDigit)
        guard !whole.isEmpty else { return false }
        rest = rest.dropFirst(whole.count)
        guard let dot = rest.first else { return true }
        guard dot == UInt8(ascii: "."), rest.count > 1 else { return false }
        return rest.dropFirst().allSatisfy(isDigit)
    }

    private static func isUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        String(decoding: bytes, as: UTF8.self).utf8.elementsEqual(bytes)
    }

    // MARK: Writing

    /// One record, `"<length> <key>=<value>\n"`, where the length counts the whole
    /// record including its own digits.
    static func record(key: String, value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [UInt8(ascii: "\n")]
        var length = body.count + 1
        while String(length).utf8.count + body.count != length {
            length = String(length).utf8.count + body.count
        }
        return Array(String(length).utf8) + body
    }
}
