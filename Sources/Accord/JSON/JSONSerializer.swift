/// Writes JSON as UTF-8: pretty (two-space indentation, one member per line) or compact
/// (one line, for NDJSON). Non-ASCII text is written as it is; only `"`, `\` and control
/// characters are escaped. The same value always gives the same bytes.
enum JSONSerializer {
    static func pretty(_ value: JSONValue, indent: Int = 0) -> [UInt8] {
        var out: [UInt8] = []
        write(value, pretty: true, level: indent, into: &out)
        return out
    }

    static func compact(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, pretty: false, level: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, pretty: Bool, level: Int, into out: inout [UInt8]) {
        func newline(_ level: Int) {
            guard pretty else { return }
            out.append(0x0A)
            out.append(contentsOf: repeatElement(0x20, count: level * 2))
        }
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .string(let text): writeString(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                write(item, pretty: pretty, level: level + 1, into: &out)
            }
            newline(level)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                writeString(member.key, into: &out)
                out.append(contentsOf: (pretty ? ": " : ":").utf8)
                write(member.value, pretty: pretty, level: level + 1, into: &out)
            }
            newline(level)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
