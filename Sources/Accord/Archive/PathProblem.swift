/// Why an entry path is refused: each one could let an extraction write outside the
/// bundle folder, collide with another entry, or mean different things on different
/// systems.
enum PathProblem: Sendable, Hashable, CustomStringConvertible {
    /// The path is empty.
    case empty
    /// The path is longer than the limit, in UTF-8 bytes.
    case tooLong(limit: Int)
    /// The path contains a NUL byte, which ends a name early in C.
    case nul
    /// The path is not valid UTF-8.
    case notUTF8
    /// The path starts with `/`.
    case absolute
    /// The path starts with a Windows drive letter such as `C:`.
    case driveLetter
    /// The path contains `\`, a separator on Windows.
    case backslash
    /// The path contains a control character (U+0000–U+001F, U+007F–U+009F).
    case controlCharacter
    /// The path has an empty component: `a//b`, or a file name ending in `/`.
    case emptyComponent
    /// The path has a `.` component (other than one leading `./`, which is removed).
    case dotComponent
    /// The path has a `..` component.
    case parentComponent
    /// A `/` is part of a larger character (after a prepended mark, or before a combining
    /// one), so that text and bytes would disagree on where components begin.
    case combinedSlash

    var description: String {
        switch self {
        case .empty: return "the path is empty"
        case .tooLong(let limit): return "the path is longer than \(limit) bytes"
        case .nul: return "the path contains a NUL byte"
        case .notUTF8: return "the path is not valid UTF-8"
        case .absolute: return "the path is absolute (starts with '/')"
        case .driveLetter: return "the path starts with a drive letter"
        case .backslash: return "the path contains a backslash ('\\')"
        case .controlCharacter: return "the path contains a control character"
        case .emptyComponent: return "the path has an empty component ('//', or a file name ending in '/')"
        case .dotComponent: return "the path has a '.' component"
        case .parentComponent: return "the path leaves the bundle folder ('..')"
        case .combinedSlash: return "a '/' is joined to a neighbouring character (such as a combining accent)"
        }
    }
}
