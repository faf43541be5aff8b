/// Checks and percent-encoding for paths inside a bag.
enum BagPath {
    /// Why a path is unsafe, or `nil` when it is a plain relative path of named components.
    static func problem(_ path: String) -> String? {
        if path.isEmpty { return "the path is empty" }
        if path.hasPrefix("/") { return "the path is absolute" }
        if path.contains("\\") { return "the path contains a backslash" }
        if path.utf8.contains(0) { return "the path contains a NUL byte" }
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "the path contains a control character"
        }
        if path.contains(where: { $0 != "/" && $0.unicodeScalars.contains("/") }) {
            return "a '/' is joined to a neighbouring character (such as a combining accent)"
        }
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        if components.first.map({ $0.count == 2 && $0.last == ":" }) == true { return "the path starts with a drive letter" }
        for component in components {
            switch component {
            case "": return "the path has an empty component"
            case ".": return "the path has a '.' component"
            case "..": return "the path leaves the bag ('..')"
            default: continue
            }
        }
        return nil
    }

    /// Encodes a path for a manifest line: `%` as `%25`, LF as `%0A`, CR as `%0D` (RFC 8493 2.1.3).
    static func encode(_ path: String) -> String {
        var out = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Decodes `%25`, `%0A` and `%0D` (in either case); any other `%` sequence stays as it is.
    static func decode(_ encoded: String) -> String {
        guard encoded.contains("%") else { return encoded }
        let scalars = Array(encoded.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "%", index + 2 < scalars.count {
                let code = String(String.UnicodeScalarView(scalars[index + 1...index + 2])).uppercased()
                let decoded: Unicode.Scalar? = code == "25" ? "%" : code == "0A" ? "\n" : code == "0D" ? "\r" : nil
                if let decoded {
                    out.append(decoded)
                    index += 3
                    continue
                }
            }
            out.append(scalars[index])
            index += 1
        }
        return String(out)
    }
}
