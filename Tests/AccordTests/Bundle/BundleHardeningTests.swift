@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Attacks found in review: each must stay refused, bounded or escaped.
@Suite("Bundles: hardening")
struct BundleHardeningTests {
    @Test("files hidden beside the tag manifests are refused, not extracted")
    func hiddenTagFiles() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        try FileManager.default.createDirectory(at: bag.appendingPathComponent("tagmanifest-x"), withIntermediateDirectories: true)
        try Data("#!/bin/sh\n".utf8).write(to: bag.appendingPathComponent("tagmanifest-x/evil.sh"))
        try Data().write(to: bag.appendingPathComponent("tagmanifest-md5.txt"))
        let archive = try fixture.archive(bag, as: "hidden.tar.gz")
        let result = try BundleValidator().validate(atPath: archive.path)
        #expect(!result.isValid)
        #expect(result.diagnostics.contains { $0.code == .tagFileMismatch && $0.location.entry == "tagmanifest-x/evil.sh" })
        #expect(result.diagnostics.contains { $0.code == .tagFileNotAllowed && $0.location.entry == "tagmanifest-x/evil.sh" })
        // The empty MD5 tag manifest is verified (it lists nothing), not merely tolerated.
        #expect(!result.codes.contains(.unverifiedManifest))
        let target = fixture.folder.appendingPathComponent("out")
        _ = try BundleUnpacker().unpack(archive.path, to: target.path)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test("bag-info.txt must agree with the envelope")
    func bagInfoAgreesWithEnvelope() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        let info = bag.appendingPathComponent(BagLayout.bagInfo)
        try (try String(contentsOf: info, encoding: .utf8).replacingOccurrences(of: "Source-Organization: ID-MOD", with: "Source-Organization: RU-MOD"))
            .write(to: info, atomically: true, encoding: .utf8)
        try Rehash.tagManifest(bag)
        let result = try BundleValidator().validate(atPath: try fixture.archive(bag, as: "info.tar.gz").path)
        #expect(result.diagnostics.contains { $0.code == .envelopeIndexMismatch && $0.message.contains("RU-MOD") })
    }

    @Test("a document with thousands of errors reports the first hundred and counts the rest")
    func errorFlood() {
        let body = (0..<5000).map { "<x:a\($0)/>" }.joined()
        let text = "<partnershipRecord xmlns=\"\(PartnershipRecord.namespace)\">\(body)</partnershipRecord>"
        let result = RecordValidator().validate(Array(text.utf8), file: "flood.xml")
        #expect(result.diagnostics.count <= XMLErrorCollector.limit + 1)
        #expect(result.diagnostics.last?.message.contains("more problems are not shown") == true)
    }

    @Test("dates in order stays linear: 50,000 events check in a moment")
    func manyEvents() throws {
        var record = try Fixtures.motivatingRecord()
        record.events = (0..<50_000).map { Event(type: $0 % 2 == 0 ? .signature : .entryIntoForce, date: "20\(10 + $0 % 80)-01-01") }
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = RecordRule.datesInOrder.check(record) }
        #expect(elapsed < .seconds(5), "R003 took \(elapsed)")
    }

    @Test("control characters from a bundle are escaped before they reach a terminal")
    func terminalEscapes() {
        let diagnostic = Diagnostic(.malformedManifest, "'\u{1B}]0;PWNED\u{07}' is not a digest \u{202E}txt.exe", at: SourceLocation(file: "b.tar.gz", entry: "data/\u{1B}[31mred"))
        #expect(!diagnostic.formatted.contains("\u{1B}"))
        #expect(!diagnostic.formatted.contains("\u{202E}"))
        #expect(diagnostic.formatted.contains("\\x1B"))
    }

    @Test("unpack accepts a destination written with a trailing slash")
    func trailingSlash() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let result = try BundleUnpacker().unpack(fixture.bundle.path, to: fixture.folder.path + "/inbox/")
        #expect(result.isValid)
        #expect(FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("inbox/bagit.txt").path))
    }

    @Test("record ids differing only in case are duplicates for pack")
    func caseDuplicateIds() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("copy.xml")
        try (try String(contentsOf: Fixtures.motivatingExample, encoding: .utf8).replacingOccurrences(of: "ID-MOD-2025-BLR-001", with: "ID-MOD-2025-blr-001"))
            .write(to: copy, atomically: true, encoding: .utf8)
        #expect {
            _ = try BundlePacker().pack([Fixtures.motivatingExample.path, copy.path], to: folder.appendingPathComponent("b.tar.gz").path, options: BundleFixture.options)
        } throws: { error in
            guard case PackError.invalidInput(let diagnostics) = error else { return false }
            return diagnostics.map(\.code) == [.duplicateRecordId]
        }
    }
}

@Suite("Bundles: the envelope, read as a stream")
struct EnvelopeStreamTests {
    func validate(_ edit: (String) -> String) throws -> BundleValidation {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        let envelope = bag.appendingPathComponent(BagLayout.envelope)
        try edit(try String(contentsOf: envelope, encoding: .utf8)).write(to: envelope, atomically: true, encoding: .utf8)
        try Rehash.tagManifest(bag)
        return try BundleValidator().validate(atPath: bag.path)
    }

    @Test("schema violations in the envelope are S002 with their line")
    func schemaViolation() throws {
        guard ExternalTool.available("tar") else { return }
        let result = try validate { $0.replacingOccurrences(of: "status=\"announced\"", with: "status=\"maybe\"") }
        let diagnostic = try #require(result.diagnostics.first { $0.code == .envelopeSchemaViolation })
        #expect(diagnostic.location.entry == BagLayout.envelope && diagnostic.location.line != nil)
        #expect(diagnostic.message.contains("'maybe'"))
    }

    @Test("a DOCTYPE or malformed markup in the envelope is refused")
    func unsafeEnvelope() throws {
        guard ExternalTool.available("tar") else { return }
        let doctype = try validate { $0.replacingOccurrences(of: "?>", with: "?><!DOCTYPE x [<!ENTITY a \"b\">]>") }
        #expect(doctype.diagnostics.contains { $0.code == .doctypeRefused && $0.location.entry == BagLayout.envelope })
        let malformed = try validate { $0.replacingOccurrences(of: "</records>", with: "</record>") }
        #expect(malformed.diagnostics.contains { $0.code == .malformedXML && $0.location.entry == BagLayout.envelope })
    }
}

@Suite("Bundles: bag folders get the archive's name checks")
struct FolderNameTests {
    @Test("case-colliding names in a bag folder are refused")
    func caseCollision() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        try Data("a".utf8).write(to: bag.appendingPathComponent("data/attachments/Note.txt"))
        try Data("b".utf8).write(to: bag.appendingPathComponent("data/attachments/note.txt"))
        let result = try BundleValidator().validate(atPath: bag.path)
        #expect(result.diagnostics.contains { $0.code == .unsafeArchiveEntry && $0.message.contains("note.txt") }, "\(result.diagnostics.map(\.formatted))")
    }
}

@Suite("Bundles: two passes over one file")
struct TwoPassTests {
    @Test("a bundle modified in place between validating and converting is refused")
    func modifiedBetweenPasses() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let validator = BundleValidator()
        #expect(throws: FileError.self) {
            _ = try validator.withTwoPasses(validator.input(.file(fixture.bundle.path), hashes: true), first: { source throws(FileError) -> Bool? in
                let valid = try validator.check(source, extractor: nil, progress: nil).isValid
                // Someone rewrites a byte of the file (in place: same inode) after the check.
                let handle = try? FileHandle(forUpdating: fixture.bundle)
                try? handle?.seek(toOffset: 100)
                let byte = handle?.readData(ofLength: 1).first ?? 0
                try? handle?.seek(toOffset: 100)
                handle?.write(Data([byte ^ 0xFF]))
                try? handle?.close()
                return valid
            }, second: { source, _ throws(FileError) in
                while (try? source.next()) ?? nil != nil {}
            })
        }
    }

    @Test("an unchanged bundle converts, from the same open file")
    func unchanged() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var lines = 0
        let result = try BundleJSONConverter().convert(fixture.bundle.path, ndjson: true) { _ throws(FileError) in lines += 1 }
        #expect(result.isValid && lines == Fixtures.validExampleFiles.count)
    }
}
