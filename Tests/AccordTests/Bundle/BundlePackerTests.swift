@testable import Accord
import AccordTestSupport
import Foundation
import Testing

@Suite("Bundles: pack")
struct BundlePackerTests {
    @Test("a packed bundle validates, and its envelope indexes every record")
    func packAndValidate() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var validator = BundleValidator()
        validator.keepsIndex = true
        let result = try validator.validate(atPath: fixture.bundle.path)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.isEmpty)
        let envelope = try #require(result.envelope)
        #expect(envelope.bundleId == "ID-MOD-20250730T000000Z")
        #expect(envelope.sender == "ID-MOD" && envelope.recipients == [.init("FI-MOD", state: "FIN")])
        #expect(envelope.created == "2025-07-30T00:00:00Z")
        let records = try Fixtures.validExampleFiles.map { try PartnershipRecord(validatingXML: Fixtures.bytes($0)) }
        #expect(Set((envelope.records ?? []).map(\.id)) == Set(records.map(\.id)))
        #expect(envelope.confidentiality.classification == records.map(\.confidentiality.classification).max())
        // Records travel in canonical form and come back equal.
        for record in records {
            let carried = try #require(result.records[BagLayout.recordPath(forId: record.id)])
            #expect(carried.id == record.id && carried.status == record.status && carried.isValid)
        }
        #expect(result.files.map(\.path).prefix(5) == ArraySlice(BagLayout.tagFilesInArchiveOrder), "tag files come first")
        // The envelope is written an entry at a time from the spool: it must be exactly what
        // the model writes, titles included.
        for record in records {
            #expect(envelope.records?.first { $0.id == record.id }?.title == record.title)
        }
        let entries = try ArchiveTestSupport.readTarGz(Array(try Data(contentsOf: fixture.bundle)))
        let written = try #require(entries.first { $0.entry.path.hasSuffix("/" + BagLayout.envelope) })
        #expect(written.data == envelope.xmlBytes())
        #expect(entries.filter { $0.entry.kind == .file }.map(\.entry.path).dropFirst(5)
            == ArraySlice(entries.filter { $0.entry.kind == .file }.map(\.entry.path).dropFirst(5).sorted(by: EntryOrder.precedes)),
            "the payload in bundle order")
    }

    @Test("the same inputs and time give byte-identical bundles; another time does not")
    func deterministic() throws {
        let first = try BundleFixture()
        let second = try BundleFixture()
        var later = BundleFixture.options
        later.created = Timestamp(secondsSinceEpoch: BundleFixture.created.secondsSinceEpoch + 1)
        let third = try BundleFixture(options: later)
        defer { first.remove(); second.remove(); third.remove() }
        #expect(try Data(contentsOf: first.bundle) == Data(contentsOf: second.bundle))
        #expect(try Data(contentsOf: first.bundle) != Data(contentsOf: third.bundle))
    }

    @Test("an invalid record stops the pack: every failure listed, nothing written")
    func invalidRecordsWriteNothing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let destination = folder.appendingPathComponent("out.tar.gz")
        let inputs = [Fixtures.motivatingExample.path,
                      Fixtures.invalidExamples.appendingPathComponent("dates-out-of-order.xml").path,
                      Fixtures.invalidExamples.appendingPathComponent("unknown-party-reference.xml").path]
        #expect {
            _ = try BundlePacker().pack(inputs, to: destination.path, options: BundleFixture.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            return Set(diagnostics.map(\.code)).isSuperset(of: [.datesOutOfOrder, .unknownPartyReference])
        }
        #expect(BundleFixture.listing(folder).isEmpty, "no bundle, no temporary or spool file")
    }

    @Test("duplicate record ids, a missing attachment and a label below a record's are refused")
    func crossChecks() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.xml")
        try FileManager.default.copyItem(at: Fixtures.motivatingExample, to: copy)
        func packError(_ inputs: [String], _ options: PackOptions = BundleFixture.options) -> Set<DiagnosticCode> {
            do {
                _ = try BundlePacker().pack(inputs, to: folder.appendingPathComponent("x.tar.gz").path, options: options)
                return []
            } catch {
                guard case .invalidInput(let diagnostics) = error else { return [] }
                return Set(diagnostics.map(\.code))
            }
        }
        #expect(packError([Fixtures.motivatingExample.path, copy.path]) == [.duplicateRecordId])
        let nordic = Fixtures.examples.appendingPathComponent("nordic-baltic-air-surveillance-2023.xml")
        let alone = folder.appendingPathComponent("nordic.xml")
        try FileManager.default.copyItem(at: nordic, to: alone)
        #expect(packError([alone.path]) == [.missingAttachment])
        var low = BundleFixture.options
        low.classification = .unclassified
        #expect(packError([nordic.path], low) == [.bundleLabelTooLow])
        #expect(BundleFixture.listing(folder) == ["copy.xml", "nordic.xml"])
    }

    @Test("an existing destination is kept unless overwriting is asked for")
    func existingDestination() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let before = try Data(contentsOf: fixture.bundle)
        #expect(throws: PackError.self) {
            _ = try BundlePacker().pack([Fixtures.motivatingExample.path], to: fixture.bundle.path, options: BundleFixture.options)
        }
        #expect(try Data(contentsOf: fixture.bundle) == before)
        var overwrite = BundleFixture.options
        overwrite.overwrite = true
        _ = try BundlePacker().pack([Fixtures.motivatingExample.path], to: fixture.bundle.path, options: overwrite)
        #expect(try Data(contentsOf: fixture.bundle) != before)
    }
}
