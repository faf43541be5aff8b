import ArgumentParser

/// The documented exit statuses of `accord`.
enum ExitStatus: Int32 {
    /// Everything checked is valid.
    case valid = 0
    /// At least one input is invalid.
    case invalid = 1
    /// A usage error, or a file that could not be read or written.
    case failure = 2

    var exitCode: ExitCode { ExitCode(rawValue) }
}
