@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Release control (L001 to L005): pack refuses, validate reports, each code passing and failing.
@Suite("Rules: release control")
struct ReleaseRulesTests {
    static let nordic = Fixtures.examples.appendingPathComponent("nordic-baltic-air-surveillance-2023.xml").path
    static let nordicStates = ["EST", "FIN", "LVA", "LTU", "SWE"]
    static let restricted = ConfidentialityLabel(policy: "EE-MOD", classification: .restricted, releasableTo: nordicStates)

    func bundle(_ states: [String], recipients: [BundleEnvelope.Recipient]) -> ReleaseRules.Bundle {
        ReleaseRules.Bundle(label: ConfidentialityLabel(policy: "EE-MOD", classification: .restricted, releasableTo: states), recipients: recipients)
    }

    func codes(_ found: [Diagnostic]) -> [DiagnosticCode] { found.map(\.code) }

    @Test("L001: a record goes only to recipients of the states its label lists")
    func releasableToRecipient() {
        let here = SourceLocation(file: "r.xml")
        #expect(ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle(Self.nordicStates, recipients: [.init("FI-MOD", state: "FIN")]), at: here).isEmpty)
        let found = ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle(Self.nordicStates, recipients: [.init("BY-MOD", state: "BLR")]), at: here)
        #expect(codes(found) == [.notReleasableToRecipient])
        // The message names the record, its label and the recipient's state, in words.
        let message = found[0].message
        for part in ["R-1", "restricted", "EST, FIN, LVA, LTU and SWE", "BY-MOD", "BLR (Belarus)"] {
            #expect(message.contains(part), "\(message) names \(part)")
        }
        // The bundle's own label must include each recipient's state too.
        #expect(codes(ReleaseRules.check(bundle(["FIN"], recipients: [.init("SE-MOD", state: "SWE")]), at: here)) == [.notReleasableToRecipient])
        #expect(ReleaseRules.check(bundle(["FIN", "SWE"], recipients: [.init("SE-MOD", state: "SWE")]), at: here).isEmpty)
    }

    @Test("L002: the bundle's label releases it to no state a record may not go to")
    func bundleLabelNoWider() {
        let here = SourceLocation(file: "r.xml")
        let recipients: [BundleEnvelope.Recipient] = [.init("FI-MOD", state: "FIN")]
        #expect(codes(ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle(["FIN", "BLR"], recipients: recipients), at: here)) == [.bundleLabelWiderThanRecord])
        #expect(codes(ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle([], recipients: recipients), at: here)) == [.bundleLabelWiderThanRecord])
        #expect(ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle(["FIN"], recipients: recipients), at: here).isEmpty)
        #expect(ReleaseRules.commonStates([Self.restricted, ConfidentialityLabel(policy: "X", classification: .restricted, releasableTo: ["SWE", "NOR", "FIN"])]) == ["FIN", "SWE"])
        #expect(ReleaseRules.commonStates([ConfidentialityLabel(policy: "X", classification: .secret)]) == nil)
    }

    @Test("L003: every state named is an ISO 3166-1 alpha-3 code")
    func stateCodes() {
        let here = SourceLocation(file: "b.tar.gz")
        #expect(codes(ReleaseRules.check(bundle(["GHN"], recipients: [.init("GH-MOD", state: "GHA")]), at: here)).contains(.unknownStateCode))
        #expect(codes(ReleaseRules.check(bundle([], recipients: [.init("UK-MOD", state: "UKK")]), at: here)) == [.unknownStateCode])
        #expect(ReleaseRules.check(bundle(["GHA"], recipients: [.init("GH-MOD", state: "GHA")]), at: here).isEmpty)
    }

    @Test("L004: a labelled record to a recipient of unknown state is a warning; an unclassified one is not")
    func unknownState() {
        let here = SourceLocation(file: "r.xml")
        let found = ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle(Self.nordicStates, recipients: ["FI-MOD"]), at: here)
        #expect(codes(found) == [.recipientStateUnknown])
        #expect(found[0].severity == .warning)
        #expect(found[0].message.hasSuffix("the state of the recipient FI-MOD is not known, so Accord cannot check that the record may go there: give the recipient its state (an ISO 3166-1 alpha-3 code), or list it in the partners file"))
        let open = ConfidentialityLabel(policy: "ID-MOD", classification: .unclassified)
        #expect(ReleaseRules.check(record: "R-2", label: open, in: ReleaseRules.Bundle(label: open, recipients: ["BY-MOD"]), at: here).isEmpty)
    }

    // MARK: pack

    func pack(_ files: [String], recipients: [BundleEnvelope.Recipient], releasableTo: [String]? = nil, strict: Bool = false) throws -> (URL, Result<PackSummary, PackError>) {
        let folder = try Fixtures.temporaryFolder()
        let output = folder.appendingPathComponent("b.tar.gz")
        var packer = BundlePacker()
        packer.refusesWarnings = strict
        let options = PackOptions(sender: "EE-MOD", recipients: recipients, created: BundleFixture.created, releasableTo: releasableTo)
        return (output, Result { () throws(PackError) in try packer.pack(files, to: output.path, options: options) })
    }

    @Test("pack refuses a record for a state it is not releasable to, and writes nothing")
    func packRefuses() throws {
        let (output, result) = try pack([Self.nordic], recipients: [.init("BY-MOD", state: "BLR")], releasableTo: ["BLR"])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        guard case .failure(.invalidInput(let found)) = result else { Issue.record("packed: \(result)"); return }
        #expect(Set(codes(found)) == [.notReleasableToRecipient, .bundleLabelWiderThanRecord])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).isEmpty, "nothing written, nothing left")
    }

    @Test("pack labels the bundle with the states every record may go to, and writes the recipients' states (schema 1.1)")
    func packDefaults() throws {
        let (output, result) = try pack([Self.nordic], recipients: [.init("FI-MOD", state: "FIN"), .init("SE-MOD", state: "SWE")])
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let summary = try result.get()
        #expect(summary.envelope.confidentiality.releasableTo == Self.nordicStates)
        #expect(summary.envelope.schemaVersion == "1.1")
        var validator = BundleValidator()
        validator.keepsIndex = true
        let checked = try validator.validate(atPath: output.path)
        #expect(checked.isValid, "\(checked.diagnostics.map(\.formatted))")
        #expect(checked.envelope?.recipients == [.init("FI-MOD", state: "FIN"), .init("SE-MOD", state: "SWE")])
        if ExternalTool.available("xmllint") && ExternalTool.available("tar") {
            let bag = output.deletingLastPathComponent().appendingPathComponent("bag")
            try FileManager.default.createDirectory(at: bag, withIntermediateDirectories: true)
            try ExternalTool.run("tar", ["-xzf", output.path, "-C", bag.path])
            let envelope = bag.appendingPathComponent("EE-MOD-20250730T000000Z/accord-envelope.xml").path
            let linted = try ExternalTool.run("xmllint", ["--noout", "--schema", Fixtures.root.appendingPathComponent("schemas/bundle-envelope-v1.xsd").path, envelope])
            #expect(linted.status == 0, "xmllint accepts the 1.1 envelope: \(linted.standardError)")
        }
    }

    @Test("pack: records with no state in common cannot share a bundle; an unknown state warns, and --strict refuses")
    func packEdges() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var other = try RecordValidator().validateRecordFile(atPath: Self.nordic).record!
        other.id = "EE-MOD-2023-NBAS-002"
        other.confidentiality.releasableTo = ["NOR"]
        for index in other.sources.indices { other.sources[index].attachment = nil }
        let otherFile = folder.appendingPathComponent("other.xml")
        try Data(other.xmlBytes()).write(to: otherFile)
        let (disjointOutput, disjoint) = try pack([Self.nordic, otherFile.path], recipients: [.init("FI-MOD", state: "FIN")])
        defer { try? FileManager.default.removeItem(at: disjointOutput.deletingLastPathComponent()) }
        guard case .failure(.invalidInput(let found)) = disjoint else { Issue.record("packed: \(disjoint)"); return }
        #expect(codes(found).allSatisfy { $0 == .bundleLabelWiderThanRecord } && !found.isEmpty)

        let (warnedOutput, warned) = try pack([Self.nordic], recipients: ["FI-MOD"])
        defer { try? FileManager.default.removeItem(at: warnedOutput.deletingLastPathComponent()) }
        #expect(try codes(warned.get().warnings) == [.recipientStateUnknown])
        #expect(try warned.get().envelope.schemaVersion == "1.0", "nothing of 1.1 is needed")

        let (strictOutput, strict) = try pack([Self.nordic], recipients: ["FI-MOD"], strict: true)
        defer { try? FileManager.default.removeItem(at: strictOutput.deletingLastPathComponent()) }
        guard case .failure(.invalidInput(let refused)) = strict else { Issue.record("packed: \(strict)"); return }
        #expect(codes(refused) == [.recipientStateUnknown])
    }

    // MARK: validate

    /// A bundle packed without a recipient state, whose envelope is then edited by hand to
    /// say the recipient is Belarus, with the tag manifest fixed up as a careless or
    /// hostile sender's tool would.
    @Test("validate refuses a bundle crafted by hand with a record not releasable to its recipient, in both reading orders")
    func validateRefusesCrafted() throws {
        guard ExternalTool.available("tar") else { return }
        let fixture = try BundleFixture(options: PackOptions(sender: "EE-MOD", recipients: ["BY-MOD"], created: BundleFixture.created))
        defer { fixture.remove() }
        let bag = try fixture.extract(into: "bag")
        let envelope = bag.appendingPathComponent(BagLayout.envelope)
        let text = try String(contentsOf: envelope, encoding: .utf8)
            .replacingOccurrences(of: "schemaVersion=\"1.0\"", with: "schemaVersion=\"1.1\"")
            .replacingOccurrences(of: "<recipient ref=\"BY-MOD\"/>", with: "<recipient ref=\"BY-MOD\" state=\"BLR\"/>")
            .replacingOccurrences(of: "<releasableTo>SWE</releasableTo>", with: "<releasableTo>SWE</releasableTo>\n    <releasableTo>BLR</releasableTo>")
        try text.write(to: envelope, atomically: true, encoding: .utf8)
        try Rehash.tagManifest(bag)
        for input in [bag, try fixture.archive(bag, as: "crafted.tar.gz")] {
            let result = try BundleValidator().validate(atPath: input.path)
            #expect(!result.isValid)
            let l001 = result.diagnostics.filter { $0.code == .notReleasableToRecipient }
            #expect(l001.contains { $0.location.entry == "data/records/EE-MOD-2023-NBAS-001.xml" && $0.message.contains("BLR (Belarus)") }, "\(result.diagnostics.map(\.formatted))")
            #expect(result.diagnostics.contains { $0.code == .bundleLabelWiderThanRecord })
            let target = fixture.folder.appendingPathComponent("unpacked")
            _ = try BundleUnpacker().unpack(input.path, to: target.path)
            #expect(!FileManager.default.fileExists(atPath: target.path), "not unpacked")
        }
    }

    @Test("on receipt, the partners file gives a 1.0 envelope's recipients their states (L001), and contradicts a wrong one (L005)")
    func receiverPartners() throws {
        let fixture = try BundleFixture(options: PackOptions(sender: "EE-MOD", recipients: ["BY-MOD"], created: BundleFixture.created))
        defer { fixture.remove() }
        var validator = BundleValidator()
        #expect(try validator.validate(atPath: fixture.bundle.path).diagnostics.map(\.code) == [.recipientStateUnknown])
        validator.partners = Partners([.init(organisation: "BY-MOD", state: "BLR")])
        let judged = try validator.validate(atPath: fixture.bundle.path)
        #expect(!judged.isValid)
        // The bundle's label and the record, each not releasable to Belarus.
        #expect(judged.diagnostics.map(\.code) == [.notReleasableToRecipient, .notReleasableToRecipient], "\(judged.diagnostics.map(\.formatted))")

        let stated = try BundleFixture(options: PackOptions(sender: "EE-MOD", recipients: [.init("FI-MOD", state: "FIN")], created: BundleFixture.created))
        defer { stated.remove() }
        validator.partners = Partners([.init(organisation: "FI-MOD", state: "SWE")])
        #expect(try validator.validate(atPath: stated.bundle.path).diagnostics.map(\.code) == [.recipientStateContradicted])
    }

    @Test("a 1.0 bundle label with no releasable-to list, as earlier versions packed it, is a warning, not an error")
    func legacyLabel() {
        var bundle = bundle([], recipients: [.init("FI-MOD", state: "FIN")])
        bundle.predatesReleaseControl = true
        let found = ReleaseRules.check(record: "R-1", label: Self.restricted, in: bundle, at: SourceLocation(file: "b.tar.gz"))
        #expect(found.map(\.code) == [.bundleLabelWiderThanRecord] && found[0].severity == .warning)
    }

    @Test("an envelope that says 1.0 may not carry a recipient's state")
    func stateNeedsMinorVersion() throws {
        let envelope = BundleEnvelope(
            schemaVersion: "1.0", bundleId: "B-1", sender: "EE-MOD", recipients: [.init("FI-MOD", state: "FIN")], created: "2025-07-30T00:00:00Z",
            confidentiality: ConfidentialityLabel(policy: "EE-MOD", classification: .unclassified),
            records: [BundleEnvelope.Entry(id: "EE-MOD-1", path: "data/records/EE-MOD-1.xml", status: .signed, classification: .unclassified, title: [Narrative("T", language: "en")])])
        let (_, found) = EnvelopeValidator.validate(envelope.xmlBytes(), location: SourceLocation(file: "e.xml"), limits: XMLLimits())
        #expect(found.contains { $0.code == .envelopeSchemaViolation && $0.message.contains("1.1") })
        var current = envelope
        current.schemaVersion = "1.1"
        let (read, none) = EnvelopeValidator.validate(current.xmlBytes(), location: SourceLocation(file: "e.xml"), limits: XMLLimits())
        #expect(none.isEmpty && read?.recipients == current.recipients)
    }
}
