internal import CLibXML2

/// The XPath of every element of a record, in the form rules and diagnostics use:
/// elements that may repeat carry their position (`party[2]`, `narrative[1]`), single
/// elements do not (`/partnershipRecord/parties/party[2]/organisation/narrative[1]`).
///
/// Computed only when a diagnostic needs a line, so that valid records pay nothing.
enum ElementPaths {
    /// Elements the schema allows more than once in their parent.
    static let repeatable: Set<String> = [
        "party", "official", "event", "area", "item", "objective", "value", "document", "relatedRecord",
        "narrative", "quantity", "releasableTo",
    ]

    /// The line of each element, by XPath.
    static func lines(of root: XMLElement) -> [String: Int] {
        var table: [String: Int] = [:]
        visit(root, "/\(root.localName)") { path, element in table[path] = element.line }
        return table
    }

    /// The XPath of the element that starts on each line (the first one, when several do).
    static func paths(byLine root: XMLElement) -> [Int: String] {
        var table: [Int: String] = [:]
        visit(root, "/\(root.localName)") { path, element in
            if table[element.line] == nil { table[element.line] = path }
        }
        return table
    }

    /// The path of an element of a libxml2 tree, in the same form.
    static func path(of node: xmlNodePtr) -> String {
        var steps: [String] = []
        var current: xmlNodePtr? = node
        while let element = current, element.pointee.type == XML_ELEMENT_NODE {
            let name = element.pointee.name.map { String(cString: $0) } ?? ""
            if repeatable.contains(name) {
                var position = 1
                var sibling = element.pointee.prev
                while let previous = sibling {
                    if previous.pointee.type == XML_ELEMENT_NODE, previous.pointee.name.map({ String(cString: $0) }) == name { position += 1 }
                    sibling = previous.pointee.prev
                }
                steps.append("\(name)[\(position)]")
            } else {
                steps.append(name)
            }
            current = element.pointee.parent
        }
        return "/" + steps.reversed().joined(separator: "/")
    }

    private static func visit(_ element: XMLElement, _ path: String, _ body: (String, XMLElement) -> Void) {
        body(path, element)
        var positions: [String: Int] = [:]
        for child in element.children {
            positions[child.localName, default: 0] += 1
            let step = repeatable.contains(child.localName) ? "\(child.localName)[\(positions[child.localName]!)]" : child.localName
            visit(child, "\(path)/\(step)", body)
        }
    }
}
