/// The version of the Accord library and tool.
public enum AccordVersion {
    /// Semantic version of this release.
    public static let current = "0.1.0"
}
