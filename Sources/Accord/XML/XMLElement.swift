internal import CLibXML2

/// An element of a parsed document as plain Swift values, so that readers never see C.
///
/// Elements in the root's namespace are converted with their children. An element from
/// any other namespace is kept whole as serialised XML in ``foreignXML`` (with the
/// namespace declarations it needs), so that extensions travel unchanged.
struct XMLElement {
    /// One attribute.
    struct Attribute {
        var name: String
        var namespace: String?
        var value: String
    }

    var localName: String
    var namespace: String?
    var attributes: [Attribute]
    var children: [XMLElement]
    /// The element's own text (text and CDATA children, concatenated).
    var text: String
    var line: Int
    /// For an element outside the root's namespace: the element serialised.
    var foreignXML: String?

    /// The namespace of `xml:lang` and the other `xml:` attributes.
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// The value of the attribute with this name and namespace.
    func attribute(_ name: String, namespace: String? = nil) -> String? {
        attributes.first { $0.name == name && $0.namespace == namespace }?.value
    }

    /// The children with this local name.
    func children(named name: String) -> [XMLElement] {
        children.filter { $0.localName == name }
    }

    /// The first child with this local name.
    func child(named name: String) -> XMLElement? {
        children.first { $0.localName == name }
    }

    init(_ node: xmlNodePtr, homeNamespace: String?) {
        localName = String(cString: node.pointee.name)
        namespace = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        line = Int(xmlGetLineNo(node))
        attributes = []
        children = []
        text = ""
        foreignXML = nil
        if namespace != homeNamespace {
            foreignXML = Self.serialise(node)
            return
        }
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
            attributes.append(Attribute(
                name: String(cString: current.pointee.name),
                namespace: current.pointee.ns?.pointee.href.map { String(cString: $0) },
                value: value.map { String(cString: $0) } ?? ""
            ))
            accord_xml_free(value)
            attribute = current.pointee.next
        }
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(XMLElement(current, homeNamespace: homeNamespace))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { text += String(cString: content) }
            default:
                break
            }
            child = current.pointee.next
        }
    }

    /// Serialises one element as a self-contained fragment: it is copied into a document
    /// of its own, where libxml2 declares every namespace the copy uses.
    private static func serialise(_ node: xmlNodePtr) -> String {
        guard let document = xmlNewDoc("1.0") else { return "" }
        defer { xmlFreeDoc(document) }
        guard let copy = xmlDocCopyNode(node, document, 1) else { return "" }
        xmlDocSetRootElement(document, copy)
        xmlReconciliateNs(document, copy)
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlNodeDump(buffer, document, copy, 0, 0)
        return String(cString: xmlBufferContent(buffer))
    }
}
