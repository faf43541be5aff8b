@testable import Accord
import Testing

/// Crafted tar archives that `TarReader` must refuse, each for its own reason.
@Suite struct HostileTarTests {
    private func expectRefusal(
        _ tar: [UInt8], _ expected: ArchiveError, naming entry: String? = nil,
        limits: ArchiveLimits = ArchiveLimits(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        ArchiveTestSupport.expectRefusal(tar, expected, naming: entry, limits: limits, sourceLocation: sourceLocation)
    }

    // MARK: Entry types and modes

    @Test(arguments: Array("123467KSMVDgZA".utf8))
    func refusesEntriesThatAreNotFilesOrFolders(typeFlag: UInt8) {
        let tar = RawTar.bundle { $0.entry("bundle/other", type: typeFlag, data: []) }
        expectRefusal(tar, .unsupportedEntryType(entry: "bundle/other", typeFlag: typeFlag), naming: "bundle/other")
    }

    @Test func describesRefusedTypes() {
        #expect(ArchiveError.unsupportedEntryType(entry: "bundle/l", typeFlag: UInt8(ascii: "2")).description
                == "entry 'bundle/l': a symbolic link is not accepted; only files and folders are")
        #expect(ArchiveError.unsupportedEntryType(entry: "x", typeFlag: UInt8(ascii: "g")).description
                .contains("pax global header"))
    }

    @Test(arguments: [0o4644, 0o2644, 0o1644, 0o6755])
    func refusesSetuidSetgidAndStickyBits(mode: Int) {
        let tar = RawTar.bundle { $0.entry("bundle/tool", data: [1], mode: mode) }
        expectRefusal(tar, .specialPermissions(entry: "bundle/tool", mode: UInt32(mode)), naming: "bundle/tool")
    }

    @Test func dropsFileTypeBitsFromMode() throws {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1], mode: 0o100640) }
        #expect(try ArchiveTestSupport.readTar(tar).last?.entry.mode == 0o640)
    }

    // MARK: Paths

    /// A refused path, as stored, with the problem and how the message shows it.
    struct BadPath: Sendable, CustomTestStringConvertible {
        var raw: [UInt8]
        var kind = TarEntryKind.file
        var problem: PathProblem
        var shown: String
        var testDescription: String { shown }

        init(_ raw: String, _ problem: PathProblem, kind: TarEntryKind = .file, shown: String? = nil) {
            self.init(bytes: Array(raw.utf8), problem, kind: kind, shown: shown ?? raw)
        }

        init(bytes: [UInt8], _ problem: PathProblem, kind: TarEntryKind = .file, shown: String) {
            self.raw = bytes
            self.problem = problem
            self.kind = kind
            self.shown = shown
        }
    }

    static let badPaths: [BadPath] = [
        BadPath("/etc/passwd", .absolute),
        BadPath("/bundle/", .absolute, kind: .directory),
        BadPath("../etc/passwd", .parentComponent),
        BadPath("bundle/../../etc/passwd", .parentComponent),
        BadPath("bundle/..", .parentComponent, kind: .directory),
        BadPath("bundle/a\\..\\b", .backslash),
        BadPath("C:/Windows/win.ini", .driveLetter),
        BadPath("c:bundle", .driveLetter),
        BadPath("bundle//a.xml", .emptyComponent),
        BadPath("bundle/a.xml/", .emptyComponent),
        BadPath("bundle/./a.xml", .dotComponent),
        BadPath("././bundle/a.xml", .dotComponent),
        BadPath("./", .empty),
        BadPath("bundle/a\u{1B}[31m.xml", .controlCharacter, shown: "bundle/a\\x1B[31m.xml"),
        BadPath("bundle/a\n.xml", .controlCharacter, shown: "bundle/a\\x0A.xml"),
        BadPath("bundle/a\u{85}.xml", .controlCharacter, shown: "bundle/a\\u{85}.xml"),
        // As text, "/" + U+0301 is one character: a tag file in the bytes' eyes, data/ in the text's.
        BadPath("bundle/data/\u{301}x.xml", .combinedSlash),
        BadPath("bundle/data\u{600}/x.xml", .combinedSlash),
        BadPath(bytes: Array("bundle/\u{FF}".utf8.prefix(7)) + [0xFF, 0xFE] + Array(".xml".utf8), .notUTF8,
                shown: "bundle/\\xFF\\xFE.xml"),
        BadPath(bytes: Array("bundle/caf".utf8) + [0xC3], .notUTF8, shown: "bundle/caf\\xC3"),
        BadPath("", .empty),
    ]

    @Test(arguments: badPaths)
    func refusesUnsafePaths(path: BadPath) {
        let tar = RawTar.bundle { tar in
            tar.entry(rawName: path.raw, type: path.kind == .file ? UInt8(ascii: "0") : UInt8(ascii: "5"))
        }
        expectRefusal(tar, .unsafePath(entry: path.shown, problem: path.problem), naming: path.shown)
    }

    @Test func refusesNULInsideALongName() {
        var tar = RawTar()
        tar.folder("bundle/")
        tar.longName(Array("bundle/a\u{0}/../../x".utf8))
        tar.entry("bundle/a")
        tar.end()
        expectRefusal(tar.bytes, .unsafePath(entry: "bundle/a\\x00/../../x", problem: .nul), naming: "bundle/a\\x00/../../x")
    }

    @Test func refusesPathsOverTheLengthLimit() {
        let long = "bundle/" + String(repeating: "a", count: 60)
        let tar = RawTar.bundle { $0.entry(long) }
        expectRefusal(tar, .unsafePath(entry: long, problem: .tooLong(limit: 50)), naming: long,
                      limits: ArchiveLimits(maxPathBytes: 50))
    }

    @Test func stripsLeadingDotSlashAndSkipsTheDotFolder() throws {
        var tar = RawTar()
        tar.folder("./")
        tar.folder("./bundle/")
        tar.entry("./bundle/a.xml", data: [1, 2])
        tar.entry("bundle/b.xml", data: [3])
        tar.end()
        let entries = try ArchiveTestSupport.readTar(tar.bytes)
        #expect(entries.map(\.entry.path) == ["bundle", "bundle/a.xml", "bundle/b.xml"])
        #expect(entries.map(\.data) == [[], [1, 2], [3]])
    }

    // MARK: Collisions and layout

    @Test(arguments: [
        ("bundle/a.xml", "bundle/a.xml", "bundle/a.xml"),
        ("bundle/Readme.txt", "bundle/README.TXT", "bundle/Readme.txt"),
        ("bundle/caf\u{E9}.xml", "bundle/cafe\u{301}.xml", "bundle/caf\u{E9}.xml"),
        ("bundle/d/x.xml", "bundle/d", "bundle/d"),
        ("bundle/D/x.xml", "bundle/d/y.xml", "bundle/D"),
    ])
    func refusesDuplicateFiles(first: String, second: String, earlier: String) {
        let tar = RawTar.bundle { tar in
            tar.entry(first, data: [1])
            tar.entry(second, data: [2])
        }
        expectRefusal(tar, .duplicateEntry(entry: second, earlier: earlier), naming: second)
    }

    @Test func refusesAFolderDuplicatingAFile() {
        let tar = RawTar.bundle { tar in
            tar.entry("bundle/a", data: [1])
            tar.folder("bundle/a/")
        }
        expectRefusal(tar, .duplicateEntry(entry: "bundle/a/", earlier: "bundle/a"), naming: "bundle/a/")
    }

    @Test func refusesAFolderTwice() {
        let tar = RawTar.bundle { tar in
            tar.folder("bundle/d/")
            tar.folder("bundle/D/")
        }
        expectRefusal(tar, .duplicateEntry(entry: "bundle/D/", earlier: "bundle/d"), naming: "bundle/D/")
    }

    @Test func acceptsAFolderAfterItsContents() throws {
        let tar = RawTar.bundle { tar in
            tar.entry("bundle/d/x.xml", data: [1])
            tar.folder("bundle/d/")
        }
        #expect(try ArchiveTestSupport.readTar(tar).map(\.entry.path) == ["bundle", "bundle/d/x.xml", "bundle/d"])
    }

    @Test func refusesAnEntryInsideAFile() {
        let tar = RawTar.bundle { tar in
            tar.entry("bundle/a", data: [1])
            tar.entry("bundle/a/b", data: [2])
        }
        expectRefusal(tar, .entryInsideFile(entry: "bundle/a/b", file: "bundle/a"), naming: "bundle/a/b")
    }

    @Test func refusesASecondTopLevelFolder() {
        let tar = RawTar.bundle { $0.entry("other/x.xml", data: [1]) }
        expectRefusal(tar, .multipleTopLevelFolders(entry: "other/x.xml", first: "bundle"), naming: "other/x.xml")
    }

    @Test func refusesAFileAtTopLevel() {
        var tar = RawTar()
        tar.entry("readme.txt", data: [1])
        tar.end()
        expectRefusal(tar.bytes, .fileAtTopLevel(entry: "readme.txt"), naming: "readme.txt")
    }

    // MARK: Limits

    @Test func refusesMoreEntriesThanTheLimit() {
        let tar = RawTar.bundle { tar in
            for index in 0..<10 { tar.entry("bundle/\(index)") }
        }
        expectRefusal(tar, .tooManyEntries(limit: 5), limits: ArchiveLimits(maxEntries: 5))
    }

    @Test func refusesAnEntryOverTheSizeLimit() {
        let tar = RawTar.bundle { $0.entry("bundle/big", data: [UInt8](repeating: 7, count: 2000)) }
        expectRefusal(tar, .entryTooLarge(entry: "bundle/big", limit: 1000), naming: "bundle/big",
                      limits: ArchiveLimits(maxEntryBytes: 1000))
    }

    @Test func acceptsBaseTwoFiftySixSizes() throws {
        let sizeField: [UInt8] = [0x80] + [UInt8](repeating: 0, count: 10) + [3]
        let tar = RawTar.bundle { tar in
            tar.append(RawTar.header(name: Array("bundle/a".utf8), sizeField: sizeField))
            tar.append([9, 8, 7])
        }
        #expect(try ArchiveTestSupport.readTar(tar).last?.data == [9, 8, 7])
    }

    @Test func refusesHugeBaseTwoFiftySixSizes() {
        let huge: [UInt8] = [0x80, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0]  // 2^40
        let tar = RawTar.bundle { $0.append(RawTar.header(name: Array("bundle/a".utf8), sizeField: huge)) }
        expectRefusal(tar, .entryTooLarge(entry: "bundle/a", limit: 2 << 30), naming: "bundle/a")
    }

    @Test(arguments: [
        [0xFF] + [UInt8](repeating: 0xFF, count: 11),  // base-256 -1
        Array("0000000012x\u{0}".utf8),
        [UInt8](repeating: 0, count: 12),
        [0x80] + [UInt8](repeating: 0xFF, count: 11),  // overflows Int
    ])
    func refusesInvalidSizeFields(sizeField: [UInt8]) {
        let tar = RawTar.bundle { $0.append(RawTar.header(name: Array("bundle/a".utf8), sizeField: sizeField)) }
        expectRefusal(tar, .invalidHeaderField(entry: "bundle/a", field: "size"), naming: "bundle/a")
    }

    @Test func refusesAFolderWithData() {
        let tar = RawTar.bundle { $0.entry("bundle/d/", type: UInt8(ascii: "5"), data: [1]) }
        expectRefusal(tar, .invalidHeaderField(entry: "bundle/d/", field: "size"), naming: "bundle/d/")
    }

    // MARK: Truncation and trailing data

    @Test func refusesEndOfDataInsideAHeader() {
        var tar = RawTar()
        tar.folder("bundle/")
        tar.entry("bundle/a", data: [1])
        expectRefusal(Array(tar.bytes.prefix(512 + 300)), .truncated(entry: nil))
    }

    @Test func refusesDeclaredSizeLargerThanTheData() {
        var tar = RawTar()
        tar.folder("bundle/")
        tar.append(RawTar.header(name: Array("bundle/a".utf8), size: 100_000))
        tar.append([UInt8](repeating: 1, count: 1000))
        expectRefusal(tar.bytes, .truncated(entry: "bundle/a"), naming: "bundle/a")
    }

    @Test func refusesAMissingEndOfArchive() {
        var tar = RawTar()
        tar.folder("bundle/")
        tar.entry("bundle/a", data: [1])
        expectRefusal(tar.bytes, .truncated(entry: nil))
        expectRefusal(tar.bytes + [UInt8](repeating: 0, count: 512), .truncated(entry: nil))
    }

    @Test func refusesDataAfterTheEndOfArchive() {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1]) }
        expectRefusal(tar + [UInt8](repeating: 0, count: 5000) + [1], .dataAfterEndOfArchive)
        var hidden = RawTar()
        hidden.folder("bundle/")
        hidden.append([UInt8](repeating: 0, count: 512))
        hidden.entry("bundle/hidden", data: [1])
        hidden.end()
        expectRefusal(hidden.bytes, .dataAfterEndOfArchive)
    }

    @Test func acceptsZeroPaddingAfterTheEndOfArchive() throws {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1]) }
        #expect(try ArchiveTestSupport.readTar(tar + [UInt8](repeating: 0, count: 9000)).count == 2)
    }

    // MARK: Header integrity

    @Test func refusesABadChecksum() {
        let tar = RawTar.bundle { $0.append(RawTar.header(name: Array("bundle/a".utf8), checksumError: 1)) }
        expectRefusal(tar, .badHeaderChecksum(entry: "bundle/a"), naming: "bundle/a")
    }

    @Test func acceptsASignedChecksum() throws {
        let name = Array("bundle/é".utf8)
        let tar = RawTar.bundle { $0.append(RawTar.header(name: name, signedChecksum: true)) }
        #expect(try ArchiveTestSupport.readTar(tar).last?.entry.path == "bundle/é")
    }

    @Test func refusesHeadersWithoutUstarMagic() {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1], magic: .none) }
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveTestSupport.readTar(tar) }
        #expect(error?.description == "entry 'bundle/a': the header is not in POSIX or GNU tar format: it has no format magic (a pre-POSIX v7 tar header, which Accord does not read)")
    }

    @Test("a ustar header whose version is NUL NUL (Maven's Plexus archiver) is refused naming the field")
    func refusesVersionNul() {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1], magic: .ustarVersionNul) }
        let error = #expect(throws: ArchiveError.self) { _ = try ArchiveTestSupport.readTar(tar) }
        #expect(error?.description.contains("entry 'bundle/a'") == true)
        #expect(error?.description.contains("its version field is '\\0\\0', where POSIX ustar has '00'") == true)
    }

    @Test func acceptsOldGNUMagic() throws {
        let tar = RawTar.bundle { $0.entry("bundle/a", data: [1], magic: .gnu) }
        #expect(try ArchiveTestSupport.readTar(tar).last?.data == [1])
    }

    @Test func keepsRefusingAfterAnError() throws {
        let tar = RawTar.bundle { $0.entry("bundle/../x", data: [1]) }
        let reader = TarReader(source: MemoryByteSource(tar))
        _ = try reader.next()
        let expected = ArchiveError.unsafePath(entry: "bundle/../x", problem: .parentComponent)
        #expect(throws: expected) { try reader.next() }
        #expect(throws: expected) { try reader.next() }
    }

    @Test func describesErrorsForAClerk() {
        #expect(ArchiveError.unsafePath(entry: "../etc/passwd", problem: .parentComponent).description
                == "entry '../etc/passwd': the path leaves the bundle folder ('..')")
        #expect(ArchiveError.tooMuchData(limit: 8 << 30).description == "the archive unpacks to more than 8 GiB")
        #expect(PrintableName.escaping([0x61, 0x00, 0x1B, 0xFF] + Array("\u{202E}é".utf8)) == "a\\x00\\x1B\\xFF\\u{202E}é")
    }
}
