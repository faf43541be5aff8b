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

@Suite("Streams read once: the same findings as a file")
struct UnrecordedStreamTests {
    func unrecorded(_ bytes: [UInt8], _ validator: BundleValidator = BundleValidator()) throws -> BundleValidation {
        try validator.validate(.stream(TrickleReader(bytes: bytes), name: "upload", recorded: false))
    }

    @Test("a record changed and the archive cut off in the next one: the file's findings, no more")
    func faultAfterChangedRecord() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        // Rebuilt in bundle order by Accord's own packer is not possible after a change, so
        // change the bytes of one record in the tar itself (same length), then truncate.
        let tar = try ExternalTool.run("sh", ["-c", "gzip -dc '\(fixture.bundle.path)'"])
        var raw = [UInt8](tar.standardOutput.utf8)
        let marker = Array("<recordId>".utf8)
        let at = (0..<(raw.count - marker.count)).first { Array(raw[$0..<$0 + marker.count]) == marker }!
        raw[at + marker.count] ^= 0x01
        raw = Array(raw.prefix(at + marker.count + 4000))
        let changed = fixture.folder.appendingPathComponent("changed.tar")
        try Data(raw).write(to: changed)
        _ = try ExternalTool.run("gzip", ["-n", changed.path])
        let path = changed.path + ".gz"
        let bytes = try Fixtures.bytes(URL(fileURLWithPath: path))
        let fromFile = try BundleValidator().validate(.file(path))
        let once = try unrecorded(bytes)
        #expect(!fromFile.isValid)
        #expect(findings(once) == findings(fromFile))
    }

    @Test("a tag file over the limit: B003 naming it, as from a file, not B027")
    func tagFileTooLarge() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var limits = BundleLimits.default
        limits.maxTagFileBytes = 300
        let validator = BundleValidator(limits: limits)
        let fromFile = try validator.validate(.file(fixture.bundle.path))
        let once = try unrecorded(try Fixtures.bytes(fixture.bundle), validator)
        #expect(fromFile.codes.contains(.archiveLimitExceeded))
        #expect(once.codes.contains(.archiveLimitExceeded))
        #expect(!once.codes.contains(.streamNotInBundleOrder))
        #expect(once.diagnostics.first { $0.code == .archiveLimitExceeded }?.location.entry != nil)
    }

    @Test("a bundle followed by an endless run of empty gzip members is refused, not read for ever")
    func emptyMembers() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let empty = try ExternalTool.run("sh", ["-c", "printf '' | gzip -n | od -An -v -tx1"])
        let member = empty.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { UInt8($0, radix: 16) }
        #expect(member.count == 20)
        var bytes = try Fixtures.bytes(fixture.bundle)
        for _ in 0..<100_000 { bytes += member }
        let validation = try unrecorded(bytes)
        #expect(!validation.isValid)
        #expect(validation.codes.contains(.archiveLimitExceeded))
    }
}
