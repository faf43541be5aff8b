@testable import Accord
import Testing

/// Archives written with `TarWriter` and `GzipWriter` read back unchanged.
@Suite struct RoundTripTests {
    /// A file or folder to write.
    struct Item: CustomTestStringConvertible {
        var path: String
        var data: [UInt8]?  // nil for a folder

        var testDescription: String { path }
    }

    static let longName = String(repeating: "x", count: 169) + ".xml"

    /// Folders and files under `bündel/`, including non-ASCII names, which need pax.
    static let unicodeBundle: [Item] = [
        Item(path: "bündel", data: nil),
        Item(path: "bündel/données", data: nil),
        Item(path: "bündel/données/Беларусь.xml", data: ArchiveTestSupport.sampleData(5000)),
        Item(path: "bündel/données/empty.txt", data: []),
        Item(path: "bündel/\(longName)", data: Array("long".utf8)),
    ]

    /// ASCII paths: a 180-byte one whose last component is too long for ustar (pax), and
    /// one of 180 bytes that ustar's prefix field can hold.
    static let asciiBundle: [Item] = [
        Item(path: "bundle", data: nil),
        Item(path: "bundle/\(longName)", data: ArchiveTestSupport.sampleData(512)),
        Item(path: "bundle/" + String(repeating: "d", count: 90) + "/" + String(repeating: "f", count: 82), data: [1, 2, 3]),
        Item(path: "bundle/exact.bin", data: ArchiveTestSupport.sampleData(1024)),
    ]

    static func write(_ items: [Item]) throws(ArchiveError) -> [UInt8] {
        try ArchiveTestSupport.tarGz { (tar) throws(ArchiveError) in
            for (index, item) in items.enumerated() {
                if let data = item.data {
                    try tar.addFile(item.path, size: data.count, modificationTime: 1_700_000_000 + index) {
                        (file) throws(ArchiveError) in try file.write(data)
                    }
                } else {
                    try tar.addDirectory(item.path, modificationTime: 1_700_000_000 + index)
                }
            }
        }
    }

    @Test(arguments: [unicodeBundle, asciiBundle])
    func readsBackWhatWasWritten(items: [Item]) throws {
        #expect(Self.longName.utf8.count + "bundle/".utf8.count == 180)
        let archive = try Self.write(items)
        let read = try ArchiveTestSupport.readTarGz(archive)
        #expect(read.map(\.entry.path) == items.map(\.path))
        #expect(read.map(\.data) == items.map { $0.data ?? [] })
        for (index, (entry, item)) in zip(read.map(\.entry), items).enumerated() {
            #expect(entry.kind == (item.data == nil ? .directory : .file))
            #expect(entry.mode == (item.data == nil ? 0o755 : 0o644))
            #expect(entry.modificationTime == 1_700_000_000 + index)
            #expect(entry.size == item.data?.count ?? 0)
        }
    }

    @Test func writingTwiceGivesIdenticalBytes() throws {
        #expect(try Self.write(Self.unicodeBundle) == Self.write(Self.unicodeBundle))
        #expect(try Self.write(Self.asciiBundle) == Self.write(Self.asciiBundle))
    }

    @Test func paxHeadersOnlyWhereUstarCannotHoldTheName() throws {
        let sink = MemoryByteSink()
        let tar = TarWriter(sink: sink)
        try tar.addDirectory("bundle/", modificationTime: 0)
        // 129 bytes: fits as prefix "bundle/ddd…" and name "eee…/".
        try tar.addDirectory("bundle/" + String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 60), modificationTime: 0)
        try tar.addDirectory("bundle/é", modificationTime: 0)
        try tar.finish()
        let typeFlags = stride(from: 0, to: sink.bytes.count, by: 512).map { sink.bytes[$0 + 156] }
        // The pax header's data block has no type flag: it is not a header.
        #expect(Array(typeFlags.prefix(5)) == Array("55x".utf8) + [0, UInt8(ascii: "5")])
        #expect(sink.bytes.count % 10240 == 0)
    }

    @Test func readerTopLevelFolder() throws {
        let reader = TarReader(source: GzipReader(source: MemoryByteSource(try Self.write(Self.unicodeBundle))))
        #expect(reader.topLevelFolder == nil)
        _ = try reader.next()
        #expect(reader.topLevelFolder == "bündel")
        // Skipping data without reading it is fine.
        while try reader.next() != nil {}
        #expect(try reader.next() == nil)
    }

    @Test func oneByteReadsEverywhere() throws {
        let archive = try Self.write(Self.unicodeBundle)
        let gzip = GzipReader(source: TrickleByteSource(archive))
        let read = try ArchiveTestSupport.drain(TarReader(source: gzip))
        #expect(read.map(\.entry.path) == Self.unicodeBundle.map(\.path))
    }
}
