@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// A host's writer that collects what it is given.
final class CollectingWriter: ByteWriter {
    var bytes: [UInt8] = []
    var writes = 0
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes += bytes
        writes += 1
    }
}

@Suite("Packing records built in code: to a file, to memory, to a writer")
struct PackOutputTests {
    static let options = PackOptions(sender: "XX-MOD", recipients: [.init("FI-MOD", state: "FIN")], created: BundleFixture.created)

    /// Generated records, unclassified so that any recipient may have them.
    static func records(_ count: Int, seed: UInt64 = 7) -> [PartnershipRecord] {
        var generator = RecordGenerator(seed: seed)
        return (0..<count).map { index in
            var record = generator.record(index: index)
            record.confidentiality = ConfidentialityLabel(policy: "XX-MOD", classification: .unclassified, releasableTo: [])
            return record
        }
    }

    @Test("the same records give the same bytes in a file, in memory and through a writer, and the bundle holds them")
    func byteIdentical() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var records = Self.records(5)
        records[0].sources[0].attachment = "note.txt"
        let attachment = PackAttachment.bytes(Array("an attached note\n".utf8), name: "note.txt")
        let packer = BundlePacker()

        let memory = try packer.pack(records, attachments: [attachment], options: Self.options)
        let writer = CollectingWriter()
        let summary = try packer.pack(records, attachments: [attachment], to: writer, options: Self.options)
        let path = folder.appendingPathComponent("out.tar.gz").path
        _ = try packer.pack(records, attachments: [attachment], toFile: path, options: Self.options)

        #expect(memory.summary.records == 5)
        #expect(summary == memory.summary)
        #expect(writer.bytes == memory.bytes)
        #expect(try Fixtures.bytes(URL(fileURLWithPath: path)) == memory.bytes)

        var validator = BundleValidator()
        validator.keepsIndex = true
        let validation = try validator.validate(.bytes(memory.bytes))
        #expect(validation.isValid, "\(validation.diagnostics.map(\.formatted))")
        #expect(Set(validation.envelope?.records?.map(\.id) ?? []) == Set(records.map(\.id)))
        #expect(validation.files.contains { $0.path == "data/attachments/note.txt" && $0.size == 17 })
        // Standard tools read it too.
        let listing = try ExternalTool.run("tar", ["-tzf", path])
        #expect(listing.status == 0)
        #expect(listing.standardOutput.contains("data/attachments/note.txt"))
    }

    @Test("an invalid record, a missing attachment or one no record names: nothing written, each named")
    func refusals() throws {
        var records = Self.records(2)
        records[1].id = "not an id"
        #expect {
            _ = try BundlePacker().pack(records, options: Self.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            return diagnostics.contains { $0.location.file == "record not an id" && $0.severity == .error }
        }

        var named = Self.records(1)
        named[0].sources[0].attachment = "missing.pdf"
        #expect {
            _ = try BundlePacker().pack(named, attachments: [.bytes([1, 2, 3], name: "stray.bin")], options: Self.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            let messages = diagnostics.map(\.message).joined(separator: "\n")
            return messages.contains("'missing.pdf' was not given") && messages.contains("'stray.bin' is given but no record names it")
        }
    }

    @Test("a bundle refused for the receivers' limits gives the writer nothing at all")
    func refusedBeforeWriting() throws {
        var records = Self.records(1)
        records[0].sources[0].attachment = "zeros.bin"
        var packer = BundlePacker()
        packer.limits.maxCompressionRatio = 2
        let writer = CollectingWriter()
        #expect {
            _ = try packer.pack(records, attachments: [.bytes([UInt8](repeating: 0, count: 2 << 20), name: "zeros.bin")], to: writer, options: Self.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            return diagnostics.contains { $0.code == .bundleExceedsLimits }
        }
        #expect(writer.bytes.isEmpty)
    }

    @Test("a writer that fails stops the pack with its reason")
    func writerFails() throws {
        struct Full: ByteWriter {
            struct DiskFull: Error, CustomStringConvertible { var description: String { "no space left" } }
            func write(_ bytes: UnsafeRawBufferPointer) throws { throw DiskFull() }
        }
        #expect {
            _ = try BundlePacker().pack(Self.records(1), to: Full(), options: Self.options)
        } throws: { error in
            "\(error)".contains("no space left")
        }
    }
}
