@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Our bundles open with the standard tools, and bags made by the standard tools open with ours.
@Suite("Bundles: interoperability with tar and bagit")
struct BundleInteropTests {
    @Test("GNU tar lists and extracts our bundle; the files are the ones we packed")
    func gnuTarOpensOurBundle() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let listing = try ExternalTool.run("tar", ["-tzf", fixture.bundle.path])
        #expect(listing.status == 0)
        let names = listing.standardOutput.split(separator: "\n").map(String.init)
        #expect(names.first == "ID-MOD-20250730T000000Z/")
        #expect(names.dropFirst().prefix(5).map { String($0.dropFirst("ID-MOD-20250730T000000Z/".count)) } == BagLayout.tagFilesInArchiveOrder)
        let bag = try fixture.extract(into: "extracted")
        for record in try Fixtures.validExampleFiles.map({ try PartnershipRecord(validatingXML: Fixtures.bytes($0)) }) {
            let file = bag.appendingPathComponent(BagLayout.recordPath(forId: record.id))
            #expect(try Array(Data(contentsOf: file)) == record.xmlBytes())
        }
    }

    @Test("Python's bagit validates our unpacked bundle")
    func bagitValidatesOurBag() throws {
        guard ExternalTool.available("python3"), try ExternalTool.run("python3", ["-c", "import bagit"]).status == 0 else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let target = fixture.folder.appendingPathComponent("unpacked")
        let result = try BundleUnpacker().unpack(fixture.bundle.path, to: target.path)
        #expect(result.isValid)
        let check = try ExternalTool.run("python3", ["-m", "bagit", "--validate", target.path])
        #expect(check.status == 0, "\(check.standardError)")
        // And the envelope validates with xmllint against the very same schema file.
        if ExternalTool.available("xmllint") {
            let schema = Fixtures.root.appendingPathComponent("schemas/bundle-envelope-v1.xsd").path
            let lint = try ExternalTool.run("xmllint", ["--noout", "--nonet", "--schema", schema, target.appendingPathComponent(BagLayout.envelope).path])
            #expect(lint.status == 0, "\(lint.standardError)")
        }
    }

    @Test("a bag made by bagit.py holding our envelope and records, tarred by GNU tar, is accepted",
          arguments: ["gnu", "pax", "ustar"])
    func bagitMadeBagAccepted(format: String) throws {
        guard ExternalTool.available("tar"), ExternalTool.available("python3"),
              try ExternalTool.run("python3", ["-c", "import bagit"]).status == 0 else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let ours = try fixture.extract(into: "ours")
        // Lay out a plain folder as bagit.py wants it: the payload at its top.
        let theirs = fixture.folder.appendingPathComponent("made-by-bagit").appendingPathComponent("ID-MOD-20250730T000000Z")
        try FileManager.default.createDirectory(at: theirs, withIntermediateDirectories: true)
        for sub in ["records", "attachments"] {
            try FileManager.default.copyItem(at: ours.appendingPathComponent("data/\(sub)"), to: theirs.appendingPathComponent(sub))
        }
        let script = """
            import bagit, shutil, sys
            bag = bagit.make_bag(sys.argv[1], {"Source-Organization": "ID-MOD"}, checksums=["sha512"])
            shutil.copy(sys.argv[2], sys.argv[1] + "/accord-envelope.xml")
            bag = bagit.Bag(sys.argv[1])
            bag.save(manifests=True)
            """
        let made = try ExternalTool.run("python3", ["-c", script, theirs.path, ours.appendingPathComponent(BagLayout.envelope).path])
        #expect(made.status == 0, "\(made.standardError)")
        let archive = try fixture.archive(theirs, as: "theirs-\(format).tar.gz", format: format)
        let result = try BundleValidator().validate(atPath: archive.path)
        #expect(result.isValid, "\(result.diagnostics.map(\.formatted))")
        // bagit.py's bag lacks fields of the Accord profile: reported as warnings only.
        #expect(result.diagnostics.allSatisfy { $0.code == .incompleteBagInfo })
        var indexing = BundleValidator()
        indexing.keepsIndex = true
        #expect(try indexing.validate(atPath: archive.path).envelope?.records?.count == Fixtures.validExampleFiles.count)
    }

    @Test("tampering is detected and named", arguments: Tampering.allCases)
    func tamperingDetected(_ tampering: Tampering) throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture()
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "tampered")
        try tampering.apply(to: bag)
        let archive = try fixture.archive(bag, as: "tampered.tar.gz")
        for input in [archive.path, bag.path] {
            let result = try BundleValidator().validate(atPath: input)
            #expect(!result.isValid)
            #expect(result.codes.isSuperset(of: tampering.expectedCodes), "\(result.diagnostics.map(\.formatted))")
            #expect(result.diagnostics.contains { $0.location.entry == tampering.namedEntry }, "\(result.diagnostics.map(\.formatted))")
        }
    }

    enum Tampering: String, CaseIterable, CustomTestStringConvertible {
        case byteChangedInRecord, recordDeleted, unlistedFileAdded, bagInfoEdited
        case fetchFileAdded, unlistedTagFileAdded, attachmentMissingFromEnvelope

        var testDescription: String { rawValue }

        static let record = BagLayout.recordPath(forId: "ID-MOD-2025-BLR-001")

        func apply(to bag: URL) throws {
            switch self {
            case .byteChangedInRecord:
                let file = bag.appendingPathComponent(Self.record)
                var bytes = try Data(contentsOf: file)
                let index = bytes.firstIndex(of: UInt8(ascii: "M"))!
                bytes[index] = UInt8(ascii: "N")
                try bytes.write(to: file)
            case .recordDeleted:
                try FileManager.default.removeItem(at: bag.appendingPathComponent(Self.record))
            case .unlistedFileAdded:
                try Data("not listed\n".utf8).write(to: bag.appendingPathComponent("data/attachments/extra.txt"))
            case .bagInfoEdited:
                let file = bag.appendingPathComponent(BagLayout.bagInfo)
                let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Source-Organization: ID-MOD", with: "Source-Organization: XX-MOD")
                try text.write(to: file, atomically: true, encoding: .utf8)
            case .fetchFileAdded:
                try Data("https://example.org/x 10 data/x\n".utf8).write(to: bag.appendingPathComponent("fetch.txt"))
            case .unlistedTagFileAdded:
                try Data("#!/bin/sh\n".utf8).write(to: bag.appendingPathComponent("run.sh"))
            case .attachmentMissingFromEnvelope:
                // A new attachment, properly listed in both manifests, but not in the envelope.
                let file = bag.appendingPathComponent("data/attachments/extra.txt")
                let bytes = Array("extra\n".utf8)
                try Data(bytes).write(to: file)
                let manifest = bag.appendingPathComponent(BagLayout.payloadManifest)
                var text = try String(contentsOf: manifest, encoding: .utf8)
                text += "\(SHA512Hasher.hex(bytes))  data/attachments/extra.txt\n"
                try text.write(to: manifest, atomically: true, encoding: .utf8)
                let info = bag.appendingPathComponent(BagLayout.bagInfo)
                let oxum = try String(contentsOf: info, encoding: .utf8).split(separator: "\n").first { $0.hasPrefix("Payload-Oxum") }!
                let (size, count) = BagInfo.parseOxum(String(oxum.dropFirst("Payload-Oxum: ".count)))!
                let newInfo = try String(contentsOf: info, encoding: .utf8)
                    .replacingOccurrences(of: String(oxum), with: "Payload-Oxum: \(size + bytes.count).\(count + 1)")
                try newInfo.write(to: info, atomically: true, encoding: .utf8)
                var tags = Manifest()
                for name in [BagLayout.bagDeclaration, BagLayout.bagInfo, BagLayout.payloadManifest, BagLayout.envelope] {
                    tags.add(path: name, digest: SHA512Hasher.hex(Array(try Data(contentsOf: bag.appendingPathComponent(name)))))
                }
                try tags.text().write(to: bag.appendingPathComponent(BagLayout.tagManifest), atomically: true, encoding: .utf8)
            }
        }

        var expectedCodes: Set<DiagnosticCode> {
            switch self {
            case .byteChangedInRecord: return [.payloadDigestMismatch]
            case .recordDeleted: return [.missingPayloadFile, .envelopeIndexMismatch, .payloadOxumMismatch]
            case .unlistedFileAdded: return [.unlistedPayloadFile, .payloadOxumMismatch]
            case .bagInfoEdited: return [.tagFileMismatch]
            case .fetchFileAdded: return [.fetchNotAllowed, .tagFileMismatch]
            case .unlistedTagFileAdded: return [.tagFileMismatch]
            case .attachmentMissingFromEnvelope: return [.envelopeIndexMismatch]
            }
        }

        var namedEntry: String {
            switch self {
            case .byteChangedInRecord: return Self.record
            case .recordDeleted: return BagLayout.payloadManifest
            case .unlistedFileAdded: return "data/attachments/extra.txt"
            case .bagInfoEdited: return BagLayout.bagInfo
            case .fetchFileAdded: return "fetch.txt"
            case .unlistedTagFileAdded: return "run.sh"
            case .attachmentMissingFromEnvelope: return "data/attachments/extra.txt"
            }
        }
    }
}
