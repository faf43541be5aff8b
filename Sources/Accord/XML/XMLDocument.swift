internal import CLibXML2

/// A parsed libxml2 document, freed when the last reference goes.
final class XMLDocument {
    let pointer: xmlDocPtr

    init(_ pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element's local name and namespace URI.
    var rootName: (localName: String, namespace: String?)? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        return (String(cString: root.pointee.name), root.pointee.ns?.pointee.href.map { String(cString: $0) })
    }

    /// The value of an attribute without namespace on the root element.
    func rootAttribute(_ name: String) -> String? {
        guard let root = xmlDocGetRootElement(pointer),
              let value = xmlGetNoNsProp(root, name) else { return nil }
        defer { accord_xml_free(value) }
        return String(cString: value)
    }

    /// The line of the root element.
    var rootLine: Int? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        return Int(xmlGetLineNo(root))
    }

    /// The document as a tree of Swift values (see ``XMLElement``). Elements outside
    /// `homeNamespace` (by default the root's) are kept as serialised XML.
    func tree(homeNamespace: String? = nil) -> XMLElement? {
        guard let root = xmlDocGetRootElement(pointer) else { return nil }
        let rootNamespace = root.pointee.ns?.pointee.href.map { String(cString: $0) }
        return XMLElement(root, homeNamespace: homeNamespace ?? rootNamespace)
    }
}
