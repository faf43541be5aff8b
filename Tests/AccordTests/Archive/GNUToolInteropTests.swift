@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Our archives work with GNU tar and gzip, and theirs with us.
@Suite(.enabled(if: ArchiveTools.gnuTarAvailable, "needs GNU tar and gzip"))
struct GNUToolInteropTests {
    /// A path over 100 bytes that ustar can still hold, split between prefix and name.
    static let longPath = "bundle/" + String(repeating: "d", count: 60) + "/" + String(repeating: "e", count: 60) + "/record.xml"

    /// Writes `RoundTripTests.unicodeBundle` to a file with `FileByteSink`.
    private func writeOurArchive(to url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let gzip = try GzipWriter(sink: FileByteSink(descriptor: descriptor), level: 6)
        let tar = TarWriter(sink: gzip)
        for item in RoundTripTests.unicodeBundle {
            if let data = item.data {
                try tar.addFile(item.path, size: data.count, modificationTime: 1_700_000_000) {
                    (file) throws(ArchiveError) in try file.write(data)
                }
            } else {
                try tar.addDirectory(item.path, modificationTime: 1_700_000_000)
            }
        }
        try tar.finish()
        try gzip.finish()
    }

    @Test func gnuTarListsAndExtractsOurArchive() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("ours.tar.gz")
        try writeOurArchive(to: archive)

        let listing = try ArchiveTools.run("tar", ["--quoting-style=literal", "-tzvf", archive.path])
        #expect(listing.status == 0, "\(listing.output)")
        for item in RoundTripTests.unicodeBundle {
            #expect(listing.output.contains(item.path), "\(item.path) missing from:\n\(listing.output)")
        }
        #expect(!listing.output.contains("PaxHeaders"))

        let gzipTest = try ArchiveTools.run("gzip", ["-t", archive.path])
        #expect(gzipTest.status == 0, "\(gzipTest.output)")

        let extracted = folder.appendingPathComponent("extracted")
        try FileManager.default.createDirectory(at: extracted, withIntermediateDirectories: true)
        let extraction = try ArchiveTools.run("tar", ["-xzf", archive.path, "-C", extracted.path])
        #expect(extraction.status == 0, "\(extraction.output)")
        for item in RoundTripTests.unicodeBundle {
            let path = extracted.appendingPathComponent(item.path).path
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), "\(item.path)")
            #expect(isFolder.boolValue == (item.data == nil))
            if let data = item.data {
                #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == data)
            }
        }
        let everything = FileManager.default.enumerator(atPath: extracted.path)?.allObjects.count
        #expect(everything == RoundTripTests.unicodeBundle.count)
    }

    @Test(arguments: ["gnu", "pax", "ustar"])
    func readsGNUTarArchives(format: String) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = ArchiveTestSupport.sampleData(70_000)
        let file = folder.appendingPathComponent(Self.longPath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents).write(to: file)
        try Data("small".utf8).write(to: folder.appendingPathComponent("bundle/small.txt"))
        // A file name over 100 bytes cannot be split at a '/': ustar cannot store it, gnu
        // needs an 'L' header and pax a 'path' record.
        let unsplittable = "bundle/" + String(repeating: "n", count: 110) + ".txt"
        var expectedFiles = [Self.longPath: contents, "bundle/small.txt": Array("small".utf8)]
        if format != "ustar" {
            try Data("n".utf8).write(to: folder.appendingPathComponent(unsplittable))
            expectedFiles[unsplittable] = Array("n".utf8)
        }

        let archive = folder.appendingPathComponent("theirs.tar.gz")
        let creation = try ArchiveTools.run("tar", ["--format=\(format)", "-czf", archive.path, "-C", folder.path, "bundle"])
        try #require(creation.status == 0, "\(creation.output)")

        let tar = try ArchiveTestSupport.readAll(GzipReader(source: MemoryByteSource(Array(Data(contentsOf: archive)))))
        let marker = ["gnu": "././@LongLink", "pax": "path=bundle/nnn", "ustar": "ustar\u{0}00"][format]!
        #expect(String(decoding: tar, as: UTF8.self).contains(marker))

        // Read through FileByteSource, as Accord reads received files.
        let descriptor = open(archive.path, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let reader = TarReader(source: GzipReader(source: FileByteSource(descriptor: descriptor)))
        let entries = try ArchiveTestSupport.drain(reader)
        let files = Dictionary(uniqueKeysWithValues: entries.filter { $0.entry.kind == .file }.map { ($0.entry.path, $0.data) })
        #expect(files == expectedFiles)
        #expect(Set(entries.filter { $0.entry.kind == .directory }.map(\.entry.path))
                == ["bundle", "bundle/" + String(repeating: "d", count: 60), (Self.longPath as NSString).deletingLastPathComponent])
        #expect(reader.topLevelFolder == "bundle")
    }

    @Test func readsGzipNineOutput() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = ArchiveTestSupport.sampleData(3_000_000)
        let file = folder.appendingPathComponent("data")
        try Data(contents).write(to: file)
        try #require(try ArchiveTools.run("gzip", ["-9", file.path]).status == 0)
        let compressed = try Array(Data(contentsOf: folder.appendingPathComponent("data.gz")))
        let inflated = try ArchiveTestSupport.readAll(GzipReader(source: MemoryByteSource(compressed)))
        #expect(inflated == contents)
    }

    @Test func gzipAcceptsOurOutputAtEveryLevel() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let contents = ArchiveTestSupport.sampleData(200_000)
        for level in [0, 1, 6, 9] {
            let file = folder.appendingPathComponent("level\(level).gz")
            try Data(ArchiveTestSupport.gzip(contents, level: level)).write(to: file)
            #expect(try ArchiveTools.run("gzip", ["-t", file.path]).status == 0)
        }
    }
}
