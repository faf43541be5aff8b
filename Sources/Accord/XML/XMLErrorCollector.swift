internal import CLibXML2

/// Collects the structured errors libxml2 reports while parsing or validating.
final class XMLErrorCollector {
    /// One error as libxml2 reported it.
    struct Entry {
        var message: String
        var line: Int?
        var column: Int?
        var isWarning: Bool
        /// Whether the schema validator (rather than the parser) raised it.
        var fromSchema: Bool = false
        /// libxml2's error code.
        var code: Int32 = 0
        /// The element the error concerns (for an attribute, the element carrying it), its
        /// parent, the attribute (`xml:lang` for the XML namespace's), and the element's path.
        var element: String?
        var parent: String?
        var attribute: String?
        var path: String?

        /// What ``SchemaErrorTranslation`` reads.
        var raw: SchemaErrorTranslation.Raw {
            SchemaErrorTranslation.Raw(code: code, message: message, element: element, attribute: attribute, parent: parent)
        }
    }

    private(set) var entries: [Entry] = []
    /// Errors beyond ``limit``, counted but not kept: a hostile document can raise millions.
    private(set) var dropped = 0

    /// The most entries kept for one document.
    static let limit = 100

    /// libxml2's error code for a parse stopped on purpose (by `xmlStopParser`).
    private static let userStop = Int32(XML_ERR_USER_STOP.rawValue)

    fileprivate func record(_ error: xmlError) {
        if error.code == Self.userStop { return }
        guard entries.count < Self.limit else {
            dropped += 1
            return
        }
        var message = error.message.map { String(cString: $0) } ?? "unknown error"
        while message.last?.isWhitespace == true { message.removeLast() }
        var entry = Entry(
            message: message.replacingAll("{\(XMLElement.xmlNamespace)}", with: "xml:"),
            line: error.line > 0 ? Int(error.line) : nil,
            column: error.int2 > 0 ? Int(error.int2) : nil,
            isWarning: error.level == XML_ERR_WARNING,
            fromSchema: error.domain == Int32(XML_FROM_SCHEMASV.rawValue),
            code: error.code)
        if entry.fromSchema, let raw = error.node {
            var node = raw.assumingMemoryBound(to: xmlNode.self)
            if node.pointee.type == XML_ATTRIBUTE_NODE {
                entry.attribute = Self.name(of: node)
                if let parent = node.pointee.parent { node = parent }
            }
            if node.pointee.type == XML_ELEMENT_NODE {
                entry.element = Self.name(of: node)
                entry.parent = node.pointee.parent.flatMap { $0.pointee.type == XML_ELEMENT_NODE ? Self.name(of: $0) : nil }
                entry.path = ElementPaths.path(of: node)
            }
        }
        entries.append(entry)
    }

    /// A node's local name, `xml:` before the XML namespace's.
    private static func name(of node: xmlNodePtr) -> String {
        let local = node.pointee.name.map { String(cString: $0) } ?? ""
        if let href = node.pointee.ns?.pointee.href, String(cString: href) == XMLElement.xmlNamespace { return "xml:\(local)" }
        return local
    }

    /// The kept entries, then one that counts the dropped ones, if any.
    var entriesWithSummary: [Entry] {
        guard dropped > 0 else { return entries }
        return entries + [Entry(message: "\(dropped) more problems are not shown (the first \(Self.limit) are)", line: nil, column: nil, isWarning: false)]
    }

    /// A C callback that appends to the collector passed as its context.
    static let callback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue().record(error.pointee)
    }

    /// Runs `body` with this collector as the thread's libxml2 error handler, then puts the
    /// previous handler back. `body` must not suspend: the handler is thread-local.
    func capturingThreadErrors<T>(_ body: () throws -> T) rethrows -> T {
        let previousHandler = accord_xml_structured_error()
        let previousContext = accord_xml_structured_error_context()
        xmlSetStructuredErrorFunc(Unmanaged.passUnretained(self).toOpaque(), Self.callback)
        defer { xmlSetStructuredErrorFunc(previousContext, previousHandler) }
        return try withExtendedLifetime(self) { try body() }
    }
}
