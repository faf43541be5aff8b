@testable import Accord
import AccordTestSupport
import Foundation
import Testing

@Suite("Reading a received bundle's records as values")
struct BundleReaderTests {
    @Test("the records packed come back as equal values, with their paths and digests, and the attachment's bytes")
    func roundTrip() throws {
        var records = PackOutputTests.records(12)
        records[3].sources[0].attachment = "annex.txt"
        let annex = Array("annex text\n".utf8)
        let packed = try BundlePacker().pack(records, attachments: [.bytes(annex, name: "annex.txt")], options: PackOutputTests.options)

        var received: [ReceivedRecord] = []
        var attachments: [ReceivedAttachmentPart] = []
        let validation = try BundleReader().read(.bytes(packed.bytes)) { entry in
            switch entry {
            case .record(let record): received.append(record)
            case .attachmentPart(let part): attachments.append(part)
            }
        }
        #expect(validation.isValid)
        #expect(received.map(\.record).sorted { $0.id < $1.id } == records.sorted { $0.id < $1.id })
        for item in received {
            #expect(item.path == "data/records/\(item.record.id).xml")
            #expect(item.sha512 == SHA512Hasher.hex(item.record.xmlBytes()))
        }
        #expect(attachments == [ReceivedAttachmentPart(path: "data/attachments/annex.txt", offset: 0, bytes: annex, isLast: true, sha512: SHA512Hasher.hex(annex))])
    }

    @Test("a large attachment comes in parts of 1 MiB that join into its bytes, from an archive and from a bag folder")
    func attachmentInParts() throws {
        var records = PackOutputTests.records(1)
        records[0].sources[0].attachment = "scan.bin"
        var generator = SplitMix64(seed: 3)
        let scan = (0..<(2 * BundleReader.attachmentPartBytes + 12345)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("b.tar.gz").path
        _ = try BundlePacker().pack(records, attachments: [.bytes(scan, name: "scan.bin")], toFile: path, options: PackOutputTests.options)
        _ = try ExternalTool.run("tar", ["-xzf", path, "-C", folder.path])
        let bag = try FileManager.default.contentsOfDirectory(atPath: folder.path).first { !$0.hasSuffix(".gz") }!

        for source in [BundleSource.file(path), .file(folder.appendingPathComponent(bag).path)] {
            var parts: [ReceivedAttachmentPart] = []
            let validation = try BundleReader().read(source) { entry in
                if case .attachmentPart(let part) = entry { parts.append(part) }
            }
            #expect(validation.isValid)
            #expect(parts.map(\.offset) == [0, BundleReader.attachmentPartBytes, 2 * BundleReader.attachmentPartBytes])
            #expect(parts.map(\.isLast) == [false, false, true])
            #expect(parts.flatMap(\.bytes) == scan)
            #expect(parts.last?.sha512 == SHA512Hasher.hex(scan))
            #expect(parts.dropLast().allSatisfy { $0.sha512 == nil })
        }
    }

    @Test("a bundle whose last record fails hands over nothing, from a file or as an AsyncSequence")
    func lateFailure() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        // The last record in bundle order is changed after packing: fixity fails at the very end.
        let bag = try fixture.extract(into: "bag")
        let folder = bag.appendingPathComponent("data/records")
        let last = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(by: { EntryOrder.precedes($0, $1) }).last!
        let url = folder.appendingPathComponent(last)
        try (try String(contentsOf: url, encoding: .utf8)).replacingOccurrences(of: "</partnershipRecord>", with: "<!-- x --></partnershipRecord>")
            .write(to: url, atomically: false, encoding: .utf8)
        let tampered = try fixture.archive(bag, as: "tampered.tar.gz")

        var handed = 0
        let validation = try BundleReader().read(.file(tampered.path)) { _ in handed += 1 }
        #expect(!validation.isValid)
        #expect(validation.codes.contains(.payloadDigestMismatch))
        #expect(handed == 0)

        var yielded = 0
        var rejection: BundleRejected?
        do {
            for try await _ in BundleReader().entries(.file(tampered.path)) { yielded += 1 }
        } catch let error as BundleRejected {
            rejection = error
        }
        #expect(yielded == 0)
        #expect(rejection?.validation.codes.contains(.payloadDigestMismatch) == true)
        #expect(rejection?.description.contains("invalid") == true)
    }

    @Test("a valid bundle's entries as an AsyncSequence, from a bag folder too")
    func asyncEntries() async throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var fromArchive: [String] = []
        for try await entry in BundleReader().entries(.file(fixture.bundle.path)) {
            if case .record(let record) = entry { fromArchive.append(record.record.id) }
        }
        let bag = try fixture.extract(into: "bag")
        var fromFolder: [String] = []
        _ = try BundleReader().read(.file(bag.path)) { entry in
            if case .record(let record) = entry { fromFolder.append(record.record.id) }
        }
        #expect(fromArchive.count == Fixtures.validExampleFiles.count)
        #expect(fromArchive == fromFolder)
        // Leaving the loop early stops the reading without hanging.
        for try await _ in BundleReader().entries(.file(fixture.bundle.path)) { break }
    }
}
