@testable import Accord
import Testing

/// `TarWriter` refuses to write what `TarReader` would refuse to read.
@Suite struct TarWriterTests {
    @Test(arguments: [
        ("../x", PathProblem.parentComponent), ("/etc/x", .absolute), ("bundle//x", .emptyComponent),
        ("./bundle/x", .dotComponent), ("bundle/a\\b", .backslash), ("bundle/\u{7}", .controlCharacter),
    ])
    func refusesUnsafePaths(path: String, problem: PathProblem) {
        let writer = TarWriter(sink: MemoryByteSink())
        #expect(throws: ArchiveError.unsafePath(entry: PrintableName.escaping(path), problem: problem)) {
            try writer.addFile(path, size: 0, modificationTime: 0) { _ throws(ArchiveError) in }
        }
        // A refused path writes nothing, so the writer can go on.
        #expect(throws: Never.self) { try writer.addDirectory("bundle", modificationTime: 0) }
    }

    @Test func refusesCollisionsAndLayoutErrors() throws {
        let writer = TarWriter(sink: MemoryByteSink())
        #expect(throws: ArchiveError.fileAtTopLevel(entry: "a.xml")) {
            try writer.addFile("a.xml", size: 0, modificationTime: 0) { _ throws(ArchiveError) in }
        }
        try writer.addDirectory("bundle/", modificationTime: 0)
        try writer.addDirectory("bundle/a", modificationTime: 0)
        #expect(throws: ArchiveError.duplicateEntry(entry: "bundle/A/", earlier: "bundle/a")) {
            try writer.addDirectory("bundle/A/", modificationTime: 0)
        }
        #expect(throws: ArchiveError.multipleTopLevelFolders(entry: "other/a", first: "bundle")) {
            try writer.addDirectory("other/a", modificationTime: 0)
        }
    }

    @Test(arguments: [3, 5])
    func refusesContentsOfTheWrongSize(written: Int) {
        let writer = TarWriter(sink: MemoryByteSink())
        #expect(throws: ArchiveError.sizeMismatch(entry: "bundle/a", declared: 4, written: written)) {
            try writer.addFile("bundle/a", size: 4, modificationTime: 0) { (file) throws(ArchiveError) in
                try file.write([UInt8](repeating: 1, count: written))
            }
        }
        // The archive is now incomplete: every later call fails the same way.
        #expect(throws: ArchiveError.sizeMismatch(entry: "bundle/a", declared: 4, written: written)) {
            try writer.finish()
        }
    }

    @Test func refusesMisuse() throws {
        let writer = TarWriter(sink: MemoryByteSink())
        #expect(throws: ArchiveError.misuse(detail: "an entry was added inside another entry's contents")) {
            try writer.addFile("bundle/a", size: 0, modificationTime: 0) { _ throws(ArchiveError) in
                try writer.addDirectory("bundle/b", modificationTime: 0)
            }
        }
        let other = TarWriter(sink: MemoryByteSink())
        var escaped: TarFileWriter?
        try other.addFile("bundle/a", size: 1, modificationTime: 0) { (file) throws(ArchiveError) in
            escaped = file
            try file.write([1])
        }
        #expect(throws: ArchiveError.self) { try escaped?.write([]) }
        try other.finish()
        #expect(throws: ArchiveError.misuse(detail: "an entry was added after finish()")) {
            try other.addDirectory("bundle/c", modificationTime: 0)
        }
    }

    @Test func refusesTimesAndSizesUstarCannotHold() {
        let writer = TarWriter(sink: MemoryByteSink())
        #expect(throws: ArchiveError.invalidHeaderField(entry: "bundle", field: "mtime")) {
            try writer.addDirectory("bundle", modificationTime: -1)
        }
        #expect(throws: ArchiveError.invalidHeaderField(entry: "bundle/huge", field: "size")) {
            try writer.addFile("bundle/huge", size: 1 << 33, modificationTime: 0) { _ throws(ArchiveError) in }
        }
    }

    @Test func writesFixedOwnershipAndModes() throws {
        let sink = MemoryByteSink()
        let writer = TarWriter(sink: sink)
        try writer.addFile("bundle/a", size: 2, modificationTime: 0o1234) { (file) throws(ArchiveError) in
            try file.write([1, 2])
        }
        try writer.finish()
        let header = Array(sink.bytes[0..<512])
        func field(_ range: Range<Int>) -> String { String(decoding: header[range], as: UTF8.self) }
        #expect(field(100..<108) == "0000644\u{0}")
        #expect(field(108..<124) == "0000000\u{0}0000000\u{0}")
        #expect(field(136..<148) == "00000001234\u{0}")
        #expect(field(257..<265) == "ustar\u{0}00")
        #expect(header[265..<329].allSatisfy { $0 == 0 })
        #expect(sink.bytes.count == 10240)
    }
}
