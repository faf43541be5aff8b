/// Makes entry names from a received archive safe to show in messages and logs.
enum PrintableName {
    /// `bytes` decoded as UTF-8, with control characters, bytes that are not valid UTF-8
    /// and bidirectional-text controls written as escapes (`\x00`, `\x1B`, `\u{202E}`),
    /// so that a hostile name cannot disguise itself or disturb a terminal.
    static func escaping<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var result = ""
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var remaining = bytes[...]
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                result += escaping(scalar)
                remaining = remaining.dropFirst(encoded.count)
            case .error(let length):
                for byte in remaining.prefix(length) { result += hex(byte) }
                remaining = remaining.dropFirst(length)
            case .emptyInput:
                return result
            }
        }
    }

    /// `name` with control characters and bidirectional-text controls escaped.
    static func escaping(_ name: String) -> String {
        name.unicodeScalars.map(escaping).joined()
    }

    private static func escaping(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x80 {
            return scalar.properties.generalCategory == .control ? hex(UInt8(scalar.value)) : String(scalar)
        }
        if scalar.properties.generalCategory == .control || isBidiControl(scalar) {
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
        return String(scalar)
    }

    /// The invisible characters that reorder the text around them (U+200E, U+200F,
    /// U+202A–U+202E, U+2066–U+2069).
    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "\\x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
