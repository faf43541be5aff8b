@testable import Accord
import Testing

/// Crafted pax (`x`) and GNU long-name (`L`) headers.
@Suite struct HostilePaxTests {
    private let paxName = "PaxHeaders/entry"

    private func expectRefusal(
        _ tar: [UInt8], _ expected: ArchiveError, naming entry: String? = nil,
        limits: ArchiveLimits = ArchiveLimits(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        ArchiveTestSupport.expectRefusal(tar, expected, naming: entry, limits: limits, sourceLocation: sourceLocation)
    }

    @Test("a pax time or id that is not a number, or a key holding NUL, is refused naming the key: a bundle Accord accepts must unpack with GNU tar, which refuses such records")
    func malformedRecords() {
        let cases: [([UInt8], String)] = [
            (RawTar.paxRecord("mtime", Array("yesterday".utf8)), "'mtime' is not a time in seconds ('yesterday')"),
            (RawTar.paxRecord("mtime", Array("1700000000.".utf8)), "'mtime' is not a time in seconds"),
            (RawTar.paxRecord("atime", Array("".utf8)), "'atime' is not a time in seconds"),
            (RawTar.paxRecord("uid", Array("root".utf8)), "'uid' is not a decimal number ('root')"),
            (RawTar.paxRecord("gid", Array("-1".utf8)), "'gid' is not a decimal number"),
            (RawTar.paxRecord("comm\u{0}ent", Array("x".utf8)), "a record's key holds a control character (comm\\x00ent)"),
        ]
        for (record, reason) in cases {
            let tar = RawTar.bundle { tar in
                tar.paxRaw(record)
                tar.entry("bundle/a.xml", data: [1])
            }
            let error = #expect(throws: ArchiveError.self) { _ = try ArchiveTestSupport.readTar(tar) }
            #expect(error?.description.contains(reason) == true, "\(String(describing: error)) should say \(reason)")
        }
        // Well-formed times and ids, fractions and negative times included, are read.
        let fine = RawTar.bundle { tar in
            tar.pax([("mtime", "1700000000.123456789"), ("atime", "-5"), ("uid", "1000"), ("gid", "0")])
            tar.entry("bundle/a.xml", data: [1])
        }
        #expect(throws: Never.self) { _ = try ArchiveTestSupport.readTar(fine) }
    }

    @Test func paxPathRenamesTheEntry() throws {
        let tar = RawTar.bundle { tar in
            tar.pax([("path", "bundle/données/Беларусь.xml")])
            tar.entry("bundle/fallback", data: [1])
        }
        #expect(try ArchiveTestSupport.readTar(tar).last?.entry.path == "bundle/données/Беларусь.xml")
    }

    @Test func paxPathGetsEveryCheck() {
        let escape = RawTar.bundle { tar in
            tar.pax([("path", "bundle/../../etc/passwd")])
            tar.entry("bundle/innocent", data: [1])
        }
        expectRefusal(escape, .unsafePath(entry: "bundle/../../etc/passwd", problem: .parentComponent),
                      naming: "bundle/../../etc/passwd")

        let duplicate = RawTar.bundle { tar in
            tar.entry("bundle/a.xml", data: [1])
            tar.pax([("path", "bundle/A.XML")])
            tar.entry("bundle/b.xml", data: [2])
        }
        expectRefusal(duplicate, .duplicateEntry(entry: "bundle/A.XML", earlier: "bundle/a.xml"), naming: "bundle/A.XML")

        let symlink = RawTar.bundle { tar in
            tar.pax([("path", "bundle/link")])
            tar.entry("bundle/x", type: UInt8(ascii: "2"))
        }
        expectRefusal(symlink, .unsupportedEntryType(entry: "bundle/link", typeFlag: UInt8(ascii: "2")), naming: "bundle/link")

        let nul = RawTar.bundle { tar in
            tar.pax([("path", "bundle/a\u{0}b")])
            tar.entry("bundle/x")
        }
        expectRefusal(nul, .unsafePath(entry: "bundle/a\\x00b", problem: .nul), naming: "bundle/a\\x00b")

        let empty = RawTar.bundle { tar in
            tar.pax([("path", "")])
            tar.entry("bundle/x")
        }
        expectRefusal(empty, .unsafePath(entry: "", problem: .empty))
    }

    @Test func paxSizeOverridesTheHeader() throws {
        let tar = RawTar.bundle { tar in
            tar.pax([("size", "5")])
            tar.append(RawTar.header(name: Array("bundle/a".utf8), size: 0))
            tar.append([1, 2, 3, 4, 5])
        }
        let last = try #require(try ArchiveTestSupport.readTar(tar).last)
        #expect(last.entry.size == 5)
        #expect(last.data == [1, 2, 3, 4, 5])
    }

    @Test(arguments: ["99999999999999999999999999", "3000000000"])
    func refusesPaxSizesOverTheLimit(size: String) {
        let tar = RawTar.bundle { tar in
            tar.pax([("size", size)])
            tar.entry("bundle/a")
        }
        expectRefusal(tar, .entryTooLarge(entry: "bundle/a", limit: 2 << 30), naming: "bundle/a")
    }

    @Test(arguments: ["12a", "-1", "", " 5", "0x10"])
    func refusesPaxSizesThatAreNotDecimal(size: String) {
        let tar = RawTar.bundle { tar in
            tar.pax([("size", size)])
            tar.entry("bundle/a")
        }
        expectRefusal(tar, .malformedPaxHeader(entry: paxName, reason: "'size' is not a decimal number"), naming: paxName)
    }

    @Test(arguments: ["linkpath", "GNU.sparse.major", "GNU.sparse.map", "hdrcharset"])
    func refusesKeysThatChangeWhatTheEntryIs(key: String) {
        let tar = RawTar.bundle { tar in
            tar.pax([(key, "1")])
            tar.entry("bundle/a")
        }
        expectRefusal(tar, .unsupportedPaxKey(entry: paxName, key: key), naming: paxName)
    }

    @Test func ignoresHarmlessKeys() throws {
        let tar = RawTar.bundle { tar in
            tar.pax([
                ("mtime", "1700000000.123456789"), ("atime", "1"), ("ctime", "1"), ("uid", "1000"), ("gid", "1000"),
                ("uname", "clerk"), ("gname", "staff"), ("comment", "a=b\nc"), ("charset", "ISO-IR 10646 2000 UTF-8"),
                ("SCHILY.xattr.user.note", "x"), ("LIBARCHIVE.creationtime", "1"), ("future.key", "?"),
            ])
            tar.entry("bundle/a", data: [1])
        }
        #expect(try ArchiveTestSupport.readTar(tar).last?.entry == TarEntry(
            path: "bundle/a", kind: .file, size: 1, mode: 0o644, modificationTime: 1_700_000_000))
    }

    static let malformed: [(String, [UInt8], String)] = [
        ("length too long", Array("20 path=bundle/a\n".utf8), "a record's length does not match its contents"),
        ("length too short", Array("10 path=bundle/a\n".utf8), "a record's length does not match its contents"),
        ("no newline", Array("16 path=bundle/ab".utf8), "a record's length does not match its contents"),
        ("no length", Array("path=bundle/a\n".utf8), "a record does not start with its length"),
        ("leading zero", Array("016 path=bundle/a\n".utf8), "a record does not start with its length"),
        ("no space", Array("16path=bundle/a\n".utf8), "a record does not start with its length"),
        ("no key", Array("11 =bundle\n".utf8), "a record has no key"),
        ("no equals", Array("9 bundle\n".utf8), "a record has no key"),
        ("not UTF-8", Array("12 path=a".utf8) + [0xFF, 0xFE, 10], "a record is not valid UTF-8"),
        ("trailing bytes", RawTar.paxRecord("path", Array("bundle/a".utf8)) + [0x20], "a record does not start with its length"),
        ("path twice", RawTar.paxRecord("path", Array("bundle/a".utf8)) + RawTar.paxRecord("path", Array("bundle/b".utf8)),
         "'path' appears twice"),
        ("size twice", RawTar.paxRecord("size", Array("1".utf8)) + RawTar.paxRecord("size", Array("2".utf8)),
         "'size' appears twice"),
    ]

    @Test(arguments: malformed)
    func refusesMalformedRecords(label: String, data: [UInt8], reason: String) {
        let tar = RawTar.bundle { tar in
            tar.paxRaw(data)
            tar.entry("bundle/a")
        }
        expectRefusal(tar, .malformedPaxHeader(entry: paxName, reason: reason), naming: paxName)
    }

    @Test func refusesOversizedExtendedHeaders() {
        let pax = RawTar.bundle { tar in
            tar.pax([("comment", String(repeating: "c", count: 70_000))])
            tar.entry("bundle/a")
        }
        expectRefusal(pax, .extendedHeaderTooLarge(entry: paxName, limit: 64 << 10), naming: paxName)

        var long = RawTar()
        long.folder("bundle/")
        long.longName(Array(("bundle/" + String(repeating: "n", count: 2000)).utf8))
        long.entry("bundle/a")
        long.end()
        expectRefusal(long.bytes, .extendedHeaderTooLarge(entry: "././@LongLink", limit: 1000), naming: "././@LongLink",
                      limits: ArchiveLimits(maxPaxHeaderBytes: 1000))
    }

    @Test func refusesPaxGlobalHeaders() {
        let tar = RawTar.bundle { tar in
            tar.pax([("path", "bundle/everything")], type: UInt8(ascii: "g"))
            tar.entry("bundle/a")
        }
        expectRefusal(tar, .unsupportedEntryType(entry: paxName, typeFlag: UInt8(ascii: "g")), naming: paxName)
    }

    @Test func refusesExtendedHeadersWithoutTheirEntry() {
        let atEnd = RawTar.bundle { $0.pax([("path", "bundle/a")]) }
        expectRefusal(atEnd, .orphanExtendedHeader(entry: paxName), naming: paxName)

        let twice = RawTar.bundle { tar in
            tar.pax([("path", "bundle/a")])
            tar.pax([("path", "bundle/b")])
            tar.entry("bundle/c")
        }
        expectRefusal(twice, .orphanExtendedHeader(entry: paxName), naming: paxName)

        let mixed = RawTar.bundle { tar in
            tar.longName(Array("bundle/a".utf8))
            tar.pax([("path", "bundle/b")])
            tar.entry("bundle/c")
        }
        expectRefusal(mixed, .orphanExtendedHeader(entry: "././@LongLink"), naming: "././@LongLink")
    }

    @Test func gnuLongNamesRenameTheEntry() throws {
        let long = "bundle/" + String(repeating: "n", count: 300) + ".xml"
        var tar = RawTar()
        tar.folder("bundle/")
        tar.longName(Array(long.utf8))
        tar.entry(String(long.prefix(100)), data: [4, 2], magic: .gnu)
        tar.end()
        #expect(try ArchiveTestSupport.readTar(tar.bytes).last?.entry.path == long)
    }
}
