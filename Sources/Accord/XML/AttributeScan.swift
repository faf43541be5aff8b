/// Counts the attributes and namespace declarations of each start tag in raw XML bytes,
/// before libxml2 sees them: libxml2 (2.9) checks an element's attributes for duplicates in
/// time quadratic in their number, so that 100,000 attributes on one element, a document of
/// 1 MB, took 53 s to refuse. This scan is linear and stops at the first element over
/// ``XMLLimits/maxAttributesPerElement`` or ``XMLLimits/maxNamespaceDeclarationsPerElement``.
///
/// It needs no well-formed input: it follows start tags, quoted values, comments, CDATA
/// sections, processing instructions and declarations only as far as counting needs, and
/// leaves every other judgement to the parser. It can be fed a chunk at a time.
struct AttributeScan {
    /// An element over a limit: its line, and which limit.
    struct Excess: Equatable {
        var line: Int
        var namespaces: Bool
    }

    private enum State {
        case text
        /// Just after `<`.
        case open
        /// After `<!`: a comment, CDATA or a declaration, told apart by what follows.
        case bang(seen: Int)
        case startTag
        case quoted(UInt8)
        case comment
        case cdata
        case instruction
        /// An end tag or a declaration: up to `>`.
        case toClose
    }

    private let maxAttributes: Int
    private let maxNamespaces: Int
    private var state = State.text
    private var line = 1
    private var attributes = 0
    private var namespaces = 0
    /// The name of the attribute being read, up to 6 bytes (enough to tell `xmlns`).
    private var name: [UInt8] = []
    /// The last bytes seen, to find `-->`, `]]>` and `?>` across chunks.
    private var last: (UInt8, UInt8) = (0, 0)
    /// The first element over a limit.
    private(set) var excess: Excess?

    init(limits: XMLLimits) {
        maxAttributes = limits.maxAttributesPerElement
        maxNamespaces = limits.maxNamespaceDeclarationsPerElement
    }

    /// The first element of `bytes` over a limit, if any.
    static func excess(in bytes: [UInt8], limits: XMLLimits) -> Excess? {
        var scan = AttributeScan(limits: limits)
        bytes.withUnsafeBytes { scan.feed($0) }
        return scan.excess
    }

    /// Scans the next bytes of the document.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard excess == nil else { return }
        for byte in bytes {
            if byte == 0x0A { line += 1 }
            step(byte)
            last = (last.1, byte)
            if excess != nil { return }
        }
    }

    private static let cdataOpening = Array("[CDATA[".utf8)

    private mutating func step(_ byte: UInt8) {
        switch state {
        case .text:
            if byte == UInt8(ascii: "<") { state = .open }
        case .open:
            switch byte {
            case UInt8(ascii: "!"): state = .bang(seen: 0)
            case UInt8(ascii: "?"): state = .instruction
            case UInt8(ascii: "/"): state = .toClose
            default:
                attributes = 0
                namespaces = 0
                name = []
                state = .startTag
                // The element's own name is read as if it were an attribute's, harmlessly:
                // it is never followed by `=`.
                note(byte)
            }
        case .bang(let seen):
            if seen == 0 && byte == UInt8(ascii: "-") {
                state = .bang(seen: -1)
            } else if seen == -1 {
                state = byte == UInt8(ascii: "-") ? .comment : .toClose
                last = (0, 0)
            } else if seen >= 0 && seen < Self.cdataOpening.count && byte == Self.cdataOpening[seen] {
                state = seen + 1 == Self.cdataOpening.count ? .cdata : .bang(seen: seen + 1)
            } else {
                state = .toClose
            }
        case .startTag:
            note(byte)
        case .quoted(let quote):
            if byte == quote {
                state = .startTag
                name = []
            }
        case .comment:
            if byte == UInt8(ascii: ">") && last == (UInt8(ascii: "-"), UInt8(ascii: "-")) { state = .text }
        case .cdata:
            if byte == UInt8(ascii: ">") && last == (UInt8(ascii: "]"), UInt8(ascii: "]")) { state = .text }
        case .instruction:
            if byte == UInt8(ascii: ">") && last.1 == UInt8(ascii: "?") { state = .text }
        case .toClose:
            if byte == UInt8(ascii: ">") { state = .text }
        }
    }

    /// A byte inside a start tag, outside quotes.
    private mutating func note(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: ">"):
            state = .text
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            state = .quoted(byte)
        case UInt8(ascii: "="):
            attributes += 1
            if name == Array("xmlns".utf8) || name.starts(with: Array("xmlns:".utf8)) { namespaces += 1 }
            name = []
            if attributes > maxAttributes {
                excess = Excess(line: line, namespaces: false)
            } else if namespaces > maxNamespaces {
                excess = Excess(line: line, namespaces: true)
            }
        case 0x20, 0x09, 0x0A, 0x0D:
            // White space ends a name; `name = "x"` keeps the name through it.
            if !name.isEmpty { name.append(0x20) }
        default:
            if name.last == 0x20 { name = [] }
            if name.count < 6 { name.append(byte) }
        }
    }
}
