/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// Worth a look; the input is still accepted.
    case warning
    /// The input is refused.
    case error

    /// Whether `lhs` is less serious than `rhs`.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
