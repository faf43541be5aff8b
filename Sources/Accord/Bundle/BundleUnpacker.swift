/// Unpacks a bundle: validates while extracting into a staging folder inside a private
/// work folder beside the destination (``WorkFolder``), and renames the staging folder to
/// the destination only when everything is valid. On any failure, or an interrupt, the
/// work folder is removed and nothing remains; after a kill, the next command writing in
/// that folder removes it.
public struct BundleUnpacker: Sendable {
    /// Checks the bundle while it is extracted.
    public var validator: BundleValidator

    /// Creates an unpacker.
    public init(validator: BundleValidator = BundleValidator()) {
        self.validator = validator
    }

    private static let stagingName = "bag"

    /// Unpacks `bundle` into `destination` (the bag's contents go directly in it). An
    /// existing destination is replaced only when `overwrite` is set. With
    /// `refusingWarnings`, a bundle with warnings is not kept either.
    public func unpack(
        _ bundle: String, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        var destination = destination
        while destination.count > 1 && destination.hasSuffix("/") { destination.removeLast() }
        switch DirectoryListing.kind(of: destination) {
        case .missing: break
        case .symbolicLink: throw FileError(path: destination, reason: .isSymbolicLink)
        case .special: throw FileError(path: destination, reason: .notARegularFile)
        case .file, .directory: if !overwrite { throw FileError(path: destination, reason: .alreadyExists) }
        }
        let work = try WorkFolder(in: parentFolder(of: destination))
        defer { work.remove() }
        let staging = try work.folder.makeFolder(Self.stagingName, mode: 0o700)
        // Messages name the destination, not the work folder's internal name.
        staging.path = destination
        guard let stagingIdentity = staging.identity else { throw FileError(path: staging.path, reason: .cannotWrite(errno: EIO)) }
        let result = try validator.check(
            BundleInput(path: bundle, limits: validator.limits.archive, hashes: false),
            extractor: BundleExtractor(root: staging), progress: progress)
        guard result.isValid, !(refusingWarnings && !result.diagnostics.isEmpty) else { return result }
        // The staging folder was private while it filled; the result is an ordinary folder,
        // with the permissions the user's umask gives new folders.
        let mask = umask(0)
        umask(mask)
        fchmod(staging.descriptor, 0o777 & ~mask)
        try work.moveOut(Self.stagingName, to: lastComponent(of: destination), replacing: overwrite, expecting: stagingIdentity)
        return result
    }
}
