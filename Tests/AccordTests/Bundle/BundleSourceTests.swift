@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// A host's reader that hands out a few bytes at a time, as a socket does.
struct TrickleReader: ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var chunk = 1000

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, chunk, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
        offset += count
        return count
    }
}

/// A reader whose connection drops after `after` bytes.
struct FailingReader: ByteReader {
    struct Dropped: Error, CustomStringConvertible { var description: String { "the connection was reset" } }
    var inner: TrickleReader
    let after: Int

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if inner.offset >= after { throw Dropped() }
        return try inner.read(into: buffer)
    }
}

/// What a validation found, without the name the bundle was given.
func findings(_ validation: BundleValidation) -> [String] {
    validation.diagnostics.map { "\($0.code.rawValue) \($0.location.entry ?? "") \($0.message)" }
}

@Suite("Bundles from anywhere: file, bytes, stream")
struct BundleSourceTests {
    /// Every way of handing over `bytes` (kept at `path`), validated.
    func everyWay(_ path: String, _ bytes: [UInt8]) throws -> [String: BundleValidation] {
        let validator = BundleValidator()
        return [
            "file": try validator.validate(.file(path)),
            "bytes": try validator.validate(.bytes(bytes, name: path)),
            "stream": try validator.validate(.stream(TrickleReader(bytes: bytes), name: path)),
        ]
    }

    @Test("a valid bundle, a tampered one and one tarred by hand give the same findings from a file, bytes and a stream")
    func sameFindings() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        // Tampered: a record changed after packing, re-tarred by GNU tar (so out of bundle order too).
        let bag = try fixture.extract(into: "tampered")
        let record = try FileManager.default.contentsOfDirectory(atPath: bag.appendingPathComponent("data/records").path).sorted()[0]
        let recordURL = bag.appendingPathComponent("data/records/\(record)")
        let text = try String(contentsOf: recordURL, encoding: .utf8)
        try text.replacingOccurrences(of: "<recordId>", with: "<recordId> ").write(to: recordURL, atomically: false, encoding: .utf8)
        let tampered = try fixture.archive(bag, as: "tampered.tar.gz")
        // By hand: the bag as it was, re-tarred in the file system's order.
        let untouched = try fixture.archive(try fixture.extract(into: "untouched"), as: "hand.tar.gz")

        for (url, valid) in [(fixture.bundle, true), (tampered, false), (untouched, true)] {
            let results = try everyWay(url.path, try Fixtures.bytes(url))
            let file = results["file"]!
            #expect(file.isValid == valid, "\(url.lastPathComponent)")
            for (way, result) in results {
                #expect(findings(result) == findings(file), "\(url.lastPathComponent) from \(way)")
                #expect(result.isValid == file.isValid)
                #expect(result.envelope?.bundleId == file.envelope?.bundleId)
            }
        }
    }

    @Test("a stream not recorded is checked in one pass; out of bundle order it is refused (B027), and it cannot be read twice")
    func unrecordedStream() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let validator = BundleValidator()
        let inOrder = try Fixtures.bytes(fixture.bundle)
        let once = try validator.validate(.stream(TrickleReader(bytes: inOrder), name: "upload", recorded: false))
        #expect(once.isValid)
        #expect(once.envelope?.bundleId == (try validator.validate(.file(fixture.bundle.path))).envelope?.bundleId)

        let hand = try fixture.archive(try fixture.extract(into: "bag"), as: "hand.tar.gz")
        let refused = try validator.validate(.stream(TrickleReader(bytes: try Fixtures.bytes(hand)), name: "upload", recorded: false))
        #expect(!refused.isValid)
        #expect(refused.codes == [.streamNotInBundleOrder])
        #expect(refused.diagnostics.first?.location.file == "upload")

        // Converting needs a second reading.
        #expect(throws: FileError(path: "upload", reason: .readOnce)) {
            _ = try BundleJSONConverter().convert(.stream(TrickleReader(bytes: inOrder), name: "upload", recorded: false), ndjson: true) { _ in }
        }
    }

    @Test("a reader that fails midway is thrown as the stream's failure, not reported as a damaged bundle")
    func readerFails() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let reader = FailingReader(inner: TrickleReader(bytes: bytes), after: bytes.count / 2)
        #expect(throws: FileError(path: "upload", reason: .readerFailed("the connection was reset"))) {
            _ = try BundleValidator().validate(.stream(reader, name: "upload"))
        }
        // A stream that simply ends early is a truncated bundle: a finding.
        let short = try BundleValidator().validate(.stream(TrickleReader(bytes: Array(bytes.prefix(bytes.count / 2))), name: "upload"))
        #expect(!short.isValid)
        #expect(short.codes.contains(.damagedArchive))
    }

    @Test("unpack and convert read bytes and streams as they read files")
    func unpackAndConvert() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bytes = try Fixtures.bytes(fixture.bundle)
        let fromFile = fixture.folder.appendingPathComponent("from-file").path
        let fromStream = fixture.folder.appendingPathComponent("from-stream").path
        #expect(try BundleUnpacker().unpack(fixture.bundle.path, to: fromFile).isValid)
        #expect(try BundleUnpacker().unpack(.stream(TrickleReader(bytes: bytes), name: "upload", recorded: false), to: fromStream).isValid)
        #expect(BundleFixture.listing(URL(fileURLWithPath: fromFile)) == BundleFixture.listing(URL(fileURLWithPath: fromStream)))
        for name in BundleFixture.listing(URL(fileURLWithPath: fromFile)) where name.hasSuffix(".xml") {
            #expect(FileManager.default.contents(atPath: "\(fromFile)/\(name)") == FileManager.default.contents(atPath: "\(fromStream)/\(name)"))
        }

        var fromPath: [UInt8] = []
        var fromBytes: [UInt8] = []
        _ = try BundleJSONConverter().convert(fixture.bundle.path, ndjson: true) { fromPath += $0 }
        _ = try BundleJSONConverter().convert(.bytes(bytes), ndjson: true) { fromBytes += $0 }
        #expect(!fromPath.isEmpty)
        #expect(fromPath == fromBytes)
    }
}
