@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// A bag in bundle order is checked by merging its payload with the spooled manifest and
/// index; any other bag is read again the held way. Both ways must find the same things.
@Suite("Bundles: checking in bundle order")
struct BundleOrderTests {
    /// Checks `path` the way `validate` does, and says whether it was read in bundle order.
    private func check(_ path: String, _ validator: BundleValidator = BundleValidator()) throws -> (BundleValidation, inOrder: Bool) {
        let input = try validator.input(.file(path), hashes: false)
        let result = try validator.check(input, extractor: nil, progress: nil)
        return (result, input.lastPassInBundleOrder)
    }

    /// The same bag checked in bundle order and held: the same findings, in any order.
    private func expectSameFindings(_ path: String, limits: BundleLimits = .default, inOrder: Bool, _ comment: String) throws {
        let streaming = BundleValidator(limits: limits)
        var held = BundleValidator(limits: limits)
        held.keepsIndex = true
        let (merged, wasInOrder) = try check(path, streaming)
        let (kept, _) = try check(path, held)
        #expect(wasInOrder == inOrder, "\(comment)")
        #expect(merged.diagnostics.map(\.formatted).sorted() == kept.diagnostics.map(\.formatted).sorted(), "\(comment)")
        #expect(merged.isValid == kept.isValid)
    }

    @Test("accord's own bundles are checked in bundle order, archive and bag folder alike")
    func ownBundlesInOrder() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let (archive, archiveInOrder) = try check(fixture.bundle.path)
        #expect(archive.isValid && archive.diagnostics.isEmpty, "\(archive.diagnostics.map(\.formatted))")
        #expect(archiveInOrder)
        // Without keepsIndex the result is the same whichever way it was read: no index.
        #expect(archive.envelope?.bundleId == "ID-MOD-20250730T000000Z")
        #expect(archive.envelope != nil && archive.envelope?.records == nil && archive.envelope?.attachments == nil && archive.records.isEmpty)
        let (folder, folderInOrder) = try check(try fixture.extract(into: "bag").path)
        #expect(folder.isValid && folderInOrder)
    }

    @Test("a bag out of bundle order is read again the held way and accepted")
    func outOfOrderFallsBack() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        for (name, order) in [
            ("payload reversed", { (paths: [String]) in paths.filter { !$0.contains("/data") } + paths.filter { $0.contains("/data") }.reversed() }),
            ("tag files last", { (paths: [String]) in paths.filter { $0.contains("/data") } + paths.filter { !$0.contains("/data") } }),
        ] as [(String, ([String]) -> [String])] {
            let archive = try Self.archive(bag, order: order, in: fixture.folder, as: "\(name).tar.gz")
            let (result, inOrder) = try check(archive.path)
            #expect(result.isValid, "\(name): \(result.diagnostics.map(\.formatted))")
            #expect(!inOrder, "\(name)")
        }
    }

    @Test("bundle order and held find the same problems", arguments: Mutation.allCases)
    func sameFindings(_ mutation: Mutation) throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        try mutation.apply(to: bag)
        // A bag folder is listed in bundle order; an archive of it keeps that order.
        let archive = try Self.archive(bag, order: { $0 }, in: fixture.folder, as: "mutated.tar.gz")
        if mutation == .recordTruncatedArchive {
            let bytes = try Data(contentsOf: archive)
            try bytes.prefix(bytes.count - 600).write(to: archive)
            try expectSameFindings(archive.path, inOrder: false, "\(mutation)")
        } else {
            for path in [bag.path, archive.path] {
                try expectSameFindings(path, inOrder: mutation.keepsOrder, "\(mutation) \(path)")
            }
        }
        if mutation != .none {
            #expect(try !check(archive.path).0.isValid, "\(mutation)")
        }
    }

    @Test("without a place for scratch files, a bag in bundle order is checked the held way")
    func noScratchFolder() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var validator = BundleValidator()
        validator.scratchFolder = fixture.folder.appendingPathComponent("no such folder").path
        let (result, inOrder) = try check(fixture.bundle.path, validator)
        #expect(result.isValid && result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        #expect(!inOrder)
    }

    @Test("at most 1,000 findings of one code are kept, the rest counted, either way")
    func findingsPerCodeAreCapped() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        for index in 0..<1005 {
            try Data().write(to: bag.appendingPathComponent("data/attachments/extra-\(index).txt"))
        }
        var held = BundleValidator()
        held.keepsIndex = true
        for validator in [BundleValidator(), held] {
            let result = try validator.validate(atPath: bag.path)
            #expect(result.diagnostics.filter { $0.code == .unlistedPayloadFile }.count == 1000)
            #expect(result.diagnostics.filter { $0.code == .envelopeIndexMismatch }.count == 1000)
            let counted = result.diagnostics.filter { $0.code == .moreProblemsNotShown }.map(\.message)
            #expect(counted.sorted() == [
                "5 more B011 problems are not shown (the first 1000 are)", "5 more B015 problems are not shown (the first 1000 are)",
            ].sorted(), "\(counted)")
        }
    }

    @Test("cross-check findings are capped per code in bundle order as they are held")
    func crossCheckFindingsAreCapped() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        let record = bag.appendingPathComponent("data/records/EE-MOD-2023-NBAS-001.xml")
        let extra = (0..<1005).map { index in
            "    <document kind=\"agreement-text\" attachment=\"missing-\(index).txt\"><title><narrative>Annex \(index)</narrative></title></document>\n"
        }.joined()
        let text = try String(contentsOf: record, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "  </sources>", with: extra + "  </sources>").utf8).write(to: record)
        try expectSameFindings(bag.path, inOrder: true, "1,005 missing attachments")
        let result = try BundleValidator().validate(atPath: bag.path)
        #expect(result.diagnostics.filter { $0.code == .missingAttachment }.count == 1000, "\(result.diagnostics.prefix(3).map(\.formatted))")
        #expect(result.diagnostics.contains { $0.code == .moreProblemsNotShown && $0.message.hasPrefix("5 more B018") })
    }

    @Test("records over the size limit are reported the same way")
    func oversizeRecords() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        var limits = BundleLimits.default
        limits.xml.maxBytes = 6000
        try expectSameFindings(fixture.bundle.path, limits: limits, inOrder: true, "small record limit")
        #expect(try check(fixture.bundle.path, BundleValidator(limits: limits)).0.codes.contains(.documentTooLarge))
    }

    @Test("unpack of a bag out of bundle order starts the staging folder again and keeps every file once")
    func unpackOutOfOrder() throws {
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        let archive = try Self.archive(bag, order: { $0.reversed() }, in: fixture.folder, as: "reversed.tar.gz")
        let target = fixture.folder.appendingPathComponent("unpacked")
        let result = try BundleUnpacker().unpack(archive.path, to: target.path)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        #expect(BundleFixture.listing(target) == BundleFixture.listing(bag))
    }

    /// Ways to damage a bag; all but `none` must be found.
    enum Mutation: String, CaseIterable, CustomTestStringConvertible {
        case none, byteChangedInRecord, recordDeleted, recordNotXML, unlistedRecordAdded, unexpectedPayloadFile
        case attachmentDeleted, manifestLineDeleted, manifestLineRepeated, manifestLineGarbled, manifestDigestChanged
        case envelopeEntryDeleted, envelopeStatusChanged, envelopeAttachmentDeleted, envelopePathWrong, envelopeInvalid
        case bagInfoEdited, manifestOutOfOrder, envelopeOutOfOrder, envelopeIdRepeated, envelopeListsARecordAsAttachment
        case recordTruncatedArchive

        var testDescription: String { rawValue }

        /// Whether the bag is still checked in bundle order afterwards (an index entry in the
        /// wrong place, or a damaged archive, is left to the held way).
        var keepsOrder: Bool {
            ![.manifestOutOfOrder, .envelopeOutOfOrder, .envelopePathWrong, .envelopeIdRepeated, .recordTruncatedArchive].contains(self)
        }

        func apply(to bag: URL) throws {
            let records = bag.appendingPathComponent("data/records")
            let first = records.appendingPathComponent("CL-MINDEF-2017-URY-MOU-01.xml")
            let manifest = bag.appendingPathComponent(BagLayout.payloadManifest)
            let envelope = bag.appendingPathComponent(BagLayout.envelope)
            switch self {
            case .none:
                return
            case .byteChangedInRecord:
                try edit(first) { $0.replacingOccurrences(of: "peacekeeping", with: "peacekeepinG") }
            case .recordDeleted:
                try FileManager.default.removeItem(at: first)
            case .recordNotXML:
                try Data("<partnershipRecord".utf8).write(to: first)
            case .unlistedRecordAdded:
                try FileManager.default.copyItem(at: first, to: records.appendingPathComponent("ZZ-MOD-2020-COPY-01.xml"))
            case .unexpectedPayloadFile:
                try Data("notes".utf8).write(to: bag.appendingPathComponent("data/notes.txt"))
            case .attachmentDeleted:
                try FileManager.default.removeItem(at: bag.appendingPathComponent("data/attachments/nordic-baltic-agreement-text.txt"))
            case .manifestLineDeleted:
                try editLines(manifest) { Array($0.dropFirst()) }
            case .manifestLineRepeated:
                try editLines(manifest) { [$0[0]] + $0 }
            case .manifestLineGarbled:
                try editLines(manifest) { ["not a digest line"] + $0 }
            case .manifestDigestChanged:
                try editLines(manifest) { lines in [String(repeating: "0", count: 128) + lines[1].dropFirst(128)] + lines.dropFirst(1).map { $0 } }
            case .manifestOutOfOrder:
                try editLines(manifest) { $0.reversed() }
            case .envelopeEntryDeleted:
                try edit(envelope) { text in
                    let start = text.range(of: "    <record ")!.lowerBound
                    let end = text.range(of: "</record>\n", range: start..<text.endIndex)!.upperBound
                    return text.replacingCharacters(in: start..<end, with: "")
                }
            case .envelopeStatusChanged:
                try edit(envelope) { $0.replacingOccurrences(of: "status=\"terminated\"", with: "status=\"in-force\"") }
            case .envelopeAttachmentDeleted:
                try edit(envelope) { text in
                    let start = text.range(of: "  <attachments>")!.lowerBound
                    let end = text.range(of: "</attachments>\n")!.upperBound
                    return text.replacingCharacters(in: start..<end, with: "")
                }
            case .envelopePathWrong:
                try edit(envelope) { $0.replacingOccurrences(of: "path=\"data/records/ID-MOD-2025-BLR-001.xml\"", with: "path=\"data/records/ID-MOD-2025-BLR-002.xml\"") }
            case .envelopeInvalid:
                try edit(envelope) { $0.replacingOccurrences(of: "<bundleId>", with: "<bundleID>").replacingOccurrences(of: "</bundleId>", with: "</bundleID>") }
            case .envelopeOutOfOrder:
                try edit(envelope) { text in
                    // Move the first record's entry after the others.
                    let start = text.range(of: "    <record ")!.lowerBound
                    let end = text.range(of: "</record>\n", range: start..<text.endIndex)!.upperBound
                    let entry = String(text[start..<end])
                    let removed = text.replacingCharacters(in: start..<end, with: "")
                    return removed.replacingOccurrences(of: "  </records>", with: entry + "  </records>")
                }
            case .envelopeIdRepeated:
                try edit(envelope) { $0.replacingOccurrences(of: "<record id=\"ID-MOD-2025-BLR-001\"", with: "<record id=\"EE-MOD-2023-NBAS-001\"") }
            case .envelopeListsARecordAsAttachment:
                try edit(envelope) { $0.replacingOccurrences(of: "  </attachments>", with: "    <attachment path=\"data/records/ID-MOD-2025-BLR-001.xml\"/>\n  </attachments>") }
            case .recordTruncatedArchive:
                // Handled when archiving: the archive is cut short inside the last record.
                try edit(first) { $0.replacingOccurrences(of: "peacekeeping", with: "peacekeepinG") }
            case .bagInfoEdited:
                try edit(bag.appendingPathComponent(BagLayout.bagInfo)) { $0.replacingOccurrences(of: "ID-MOD", with: "XX-MOD") }
            }
        }

        private func edit(_ file: URL, _ change: (String) -> String) throws {
            try Data(change(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        }

        private func editLines(_ file: URL, _ change: ([String]) -> [String]) throws {
            try edit(file) { text in change(text.split(separator: "\n").map(String.init)).joined(separator: "\n") + "\n" }
        }
    }

    /// Archives a bag folder with Accord's writer, its entries in the order `order` gives
    /// to the paths (which start with the bag's folder and come in bundle order).
    static func archive(_ bag: URL, order: ([String]) -> [String], in folder: URL, as name: String) throws -> URL {
        let top = bag.lastPathComponent
        let paths = [top] + (FileManager.default.enumerator(atPath: bag.path)?.allObjects as? [String] ?? []).map { "\(top)/\($0)" }
        let tagFilesFirst = paths.sorted { a, b in
            let (aTag, bTag) = (a.split(separator: "/").count == 2 && !a.hasSuffix("/data"), b.split(separator: "/").count == 2 && !b.hasSuffix("/data"))
            if aTag != bTag { return aTag }
            return EntryOrder.precedes(a, b)
        }
        let parent = bag.deletingLastPathComponent()
        let bytes = try ArchiveTestSupport.tarGz { tar throws(ArchiveError) in
            for path in order(tagFilesFirst) {
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: parent.appendingPathComponent(path).path, isDirectory: &isFolder)
                if isFolder.boolValue {
                    try tar.addDirectory(path, modificationTime: 0)
                } else {
                    let data = [UInt8]((try? Data(contentsOf: parent.appendingPathComponent(path))) ?? Data())
                    try tar.addFile(path, size: data.count, modificationTime: 0) { file throws(ArchiveError) in try file.write(data) }
                }
            }
        }
        let target = folder.appendingPathComponent(name)
        try Data(bytes).write(to: target)
        return target
    }
}
