/// Unpacks a bundle: validates while extracting into a staging folder inside a private
/// work folder beside the destination (`docs/bundle-format.md`), and renames the staging folder to
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

    /// The process's umask, read from `/proc/self/status` where it is there: setting it to
    /// read it back would change it for every thread of the host for a moment.
    private static var umask: mode_t {
        if let bytes = try? FileReader.read("/proc/self/status", maxBytes: 1 << 16),
           let line = String(decoding: bytes, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingPrefix(while: { $0 == " " || $0 == "\t" }), radix: 8) {
            return value
        }
        return umaskBySettingIt()
    }

    /// Unpacks `bundle` into `destination` (the bag's contents go directly in it). An
    /// existing destination is replaced only when `overwrite` is set. With
    /// `refusingWarnings`, a bundle with warnings is not kept either.
    public func unpack(
        _ bundle: String, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        try unpack(.file(bundle), to: destination, overwrite: overwrite, refusingWarnings: refusingWarnings, progress: progress)
    }

    /// Unpacks the bundle `source` gives (a file, bytes or a stream) into `destination`,
    /// as ``unpack(_:to:overwrite:refusingWarnings:progress:)-(String,_,_,_,_)`` does.
    public func unpack(
        _ source: BundleSource, to destination: String, overwrite: Bool = false, refusingWarnings: Bool = false,
        progress: (@Sendable (ProgressReport) -> Void)? = nil
    ) throws(FileError) -> BundleValidation {
        try unpack(validator.input(source, hashes: false), to: destination, overwrite: overwrite, refusingWarnings: refusingWarnings, progress: progress)
    }

    /// Unpacks `input`; what every public form ends in.
    func unpack(
        _ input: BundleInput, to destination: String, overwrite: Bool, refusingWarnings: Bool,
        progress: (@Sendable (ProgressReport) -> Void)?
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
        // What --force may replace: what stands there now, and nothing that takes its name later.
        let replacing = overwrite ? work.parent.identity(of: lastComponent(of: destination)) : nil
        let staging = try work.folder.makeFolder(Self.stagingName, mode: 0o700)
        // Messages name the destination, not the work folder's internal name.
        staging.path = destination
        guard let stagingIdentity = staging.identity else { throw FileError(path: staging.path, reason: .cannotWrite(errno: EIO)) }
        let result = try validator.check(input, extractor: BundleExtractor(root: staging), progress: progress)
        guard result.isValid, !(refusingWarnings && !result.diagnostics.isEmpty) else { return result }
        // The staging folder was private while it filled; the result is an ordinary folder,
        // with the permissions the user's umask gives new folders. Its files are flushed
        // first, so that after a power cut the destination holds the old or the whole new.
        fchmod(staging.descriptor, 0o777 & ~Self.umask)
        staging.syncFileSystem()
        try work.moveOut(Self.stagingName, to: lastComponent(of: destination), replacing: replacing, expecting: stagingIdentity)
        return result
    }
}

/// The umask, by setting it and putting it back (where `/proc` is not there to read it).
private func umaskBySettingIt() -> mode_t {
    let mask = umask(0)
    umask(mask)
    return mask
}
