/// A bundle packed into memory, and what was packed.
public struct PackedBundle: Sendable, Hashable {
    /// The bundle: a `.tar.gz` file's bytes.
    public var bytes: [UInt8]
    /// What was packed.
    public var summary: PackSummary
}
