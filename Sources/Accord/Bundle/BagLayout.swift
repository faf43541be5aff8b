/// The fixed names and contents of an Accord bag (BagIt 1.0, RFC 8493).
/// `docs/bundle-format.md` describes the layout in full.
enum BagLayout {
    static let bagDeclaration = "bagit.txt"
    static let bagInfo = "bag-info.txt"
    static let payloadManifest = "manifest-sha512.txt"
    static let tagManifest = "tagmanifest-sha512.txt"
    static let envelope = "accord-envelope.xml"
    static let fetch = "fetch.txt"
    static let payloadFolder = "data/"
    static let recordsFolder = "data/records/"
    static let attachmentsFolder = "data/attachments/"

    /// The tag files Accord writes, in the order they appear in the archive. The tag
    /// manifest comes last because it covers the others.
    static let tagFilesInArchiveOrder = [bagDeclaration, bagInfo, payloadManifest, envelope, tagManifest]

    /// The content of `bagit.txt`.
    static let bagDeclarationContent = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"

    /// The BagIt versions whose bags Accord reads (0.97, which bagit.py still writes by
    /// default, has the same layout).
    static let readableBagItVersions: Set<String> = ["1.0", "0.97"]

    /// The BagIt-Profile-Identifier of Accord bags; the profile is `schemas/accord-bagit-profile-v1.json`.
    static let profileIdentifier = "urn:accord:bagit-profile:1.0"

    /// The path of a record in the bag.
    static func recordPath(forId id: String) -> String {
        "\(recordsFolder)\(id).xml"
    }
}
