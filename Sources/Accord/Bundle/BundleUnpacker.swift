/// Unpacks a bundle: validates while extracting into a staging folder beside the
/// destination, and renames the staging folder to the destination only when everything
/// is valid. On any failure the staging folder is removed and nothing remains.
public struct BundleUnpacker: Sendable {
    /// Checks the bundle while it is extracted.
    public var validator: BundleValidator

    /// Creates an unpacker.
    public init(validator: BundleValidator = BundleValidator()) {
        self.validator = validator
    }

    /// Unpacks `bundle` into `destination` (the bag's contents go directly in it). An
    /// existing destination is replaced only when `overwrite` is set. With
    /// `refusingWarnings`, a bundle with warnings is not kept either.
    public func unpack(
        _ bundle: String, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        var destination = destination
        while destination.count > 1 && destination.hasSuffix("/") { destination.removeLast() }
        let exists = DirectoryListing.kind(of: destination) != .missing
        if exists && !overwrite { throw FileError(path: destination, reason: .alreadyExists) }
        let parent = parentFolder(of: destination)
        let name = lastComponent(of: destination)
        let staging = "\(parent)/.\(name).staging-\(getpid())"
        removeTree(staging)
        let extractor = try BundleExtractor(root: staging)
        let result: BundleValidation
        do {
            result = try validator.check(
                BundleInput(path: bundle, limits: validator.limits.archive, hashes: false), extractor: extractor, progress: progress)
        } catch {
            removeTree(staging)
            throw error
        }
        guard result.isValid, !(refusingWarnings && !result.diagnostics.isEmpty) else {
            removeTree(staging)
            return result
        }
        // The staging folder was private while it filled; the result is an ordinary folder,
        // with the permissions the user's umask gives new folders.
        let mask = umask(0)
        umask(mask)
        chmod(staging, 0o777 & ~mask)
        if exists {
            let previous = "\(parent)/.\(name).previous-\(getpid())"
            guard rename(destination, previous) == 0 else {
                removeTree(staging)
                throw FileError(path: destination, reason: .cannotWrite(errno: errno))
            }
            guard rename(staging, destination) == 0 else {
                let code = errno
                rename(previous, destination)
                removeTree(staging)
                throw FileError(path: destination, reason: .cannotWrite(errno: code))
            }
            removeTree(previous)
        } else if rename(staging, destination) != 0 {
            let code = errno
            removeTree(staging)
            throw FileError(path: destination, reason: .cannotWrite(errno: code))
        }
        return result
    }
}
