@testable import Accord
import AccordTestSupport
import Foundation

/// Bundles made from the shipped examples, in a temporary folder.
struct BundleFixture {
    let folder: URL
    let bundle: URL

    static let created = Timestamp(xsdDateTime: "2025-07-30T00:00:00Z")!
    /// Every example may go to Finland: the restricted one is releasable to it.
    static let options = PackOptions(sender: "ID-MOD", recipients: [.init("FI-MOD", state: "FIN")], created: created)

    /// Packs every valid example into `folder/bundle.tar.gz`.
    init(options: PackOptions = BundleFixture.options) throws {
        folder = try Fixtures.temporaryFolder()
        bundle = folder.appendingPathComponent("bundle.tar.gz")
        _ = try BundlePacker().pack(Fixtures.validExampleFiles.map(\.path), to: bundle.path, options: options)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Extracts the bundle with GNU tar into `folder/name` and returns the bag folder.
    func extract(into name: String) throws -> URL {
        let target = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let output = try ExternalTool.run("tar", ["-xzf", bundle.path, "-C", target.path])
        precondition(output.status == 0, output.standardError)
        return target.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: target.path).first!)
    }

    /// Re-archives a bag folder with GNU tar as `folder/name`.
    func archive(_ bag: URL, as name: String, format: String = "gnu") throws -> URL {
        let target = folder.appendingPathComponent(name)
        let output = try ExternalTool.run("tar", [
            "--format=\(format)", "-czf", target.path, "-C", bag.deletingLastPathComponent().path, bag.lastPathComponent,
        ])
        precondition(output.status == 0, output.standardError)
        return target
    }

    /// Every file and folder below `url`, relative.
    static func listing(_ url: URL) -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.allObjects as? [String] ?? []).sorted()
    }
}

extension BundleValidation {
    var codes: Set<DiagnosticCode> { Set(diagnostics.map(\.code)) }
}
