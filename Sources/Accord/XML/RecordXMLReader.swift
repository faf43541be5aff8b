/// Builds a ``PartnershipRecord`` from a parsed document.
///
/// The reader expects a document the schema has accepted; on anything else it throws a
/// ``RecordReadError`` naming the element, rather than guessing.
struct RecordXMLReader {
    static func read(_ root: XMLElement) throws(RecordReadError) -> PartnershipRecord {
        try RecordXMLReader().record(root)
    }

    private func record(_ root: XMLElement) throws(RecordReadError) -> PartnershipRecord {
        let path = "/partnershipRecord"
        guard root.localName == "partnershipRecord", root.namespace == PartnershipRecord.namespace else {
            throw RecordReadError(path: "/", line: root.line, message: "the root element is not a partnership record")
        }
        let reportingOrg = try required(root, "reportingOrg", path)
        let agreement = try required(root, "agreement", path)
        let label = try required(root, "confidentiality", path)
        return PartnershipRecord(
            schemaVersion: try attribute(root, "schemaVersion", path),
            language: try attribute(root, "lang", path, namespace: XMLElement.xmlNamespace),
            id: try token(required(root, "recordId", path)),
            reportingOrganisation: ReportingOrganisation(
                ref: try attribute(reportingOrg, "ref", "\(path)/reportingOrg"),
                country: reportingOrg.attribute("country").map(collapse),
                name: try narratives(required(reportingOrg, "name", "\(path)/reportingOrg"), "\(path)/reportingOrg/name")),
            lastUpdated: try token(required(root, "lastUpdated", path)),
            title: try narratives(required(root, "title", path), "\(path)/title"),
            description: try optionalNarratives(root, "description", path),
            agreement: Agreement(
                kind: try code(agreement, "kind", "\(path)/agreement"),
                category: try code(agreement, "category", "\(path)/agreement"),
                name: try optionalNarratives(agreement, "name", "\(path)/agreement")),
            status: try codeText(required(root, "status", path), "\(path)/status"),
            parties: try list(root, "parties", "party", path) { element, itemPath throws(RecordReadError) in
                Party(
                    ref: try attribute(element, "ref", itemPath),
                    country: try attribute(element, "country", itemPath),
                    role: try code(element, "role", itemPath),
                    organisation: try narratives(required(element, "organisation", itemPath), "\(itemPath)/organisation"))
            },
            officials: try list(root, "officials", "official", path) { element, itemPath throws(RecordReadError) in
                Official(
                    party: try attribute(element, "party", itemPath),
                    role: try code(element, "role", itemPath),
                    name: element.child(named: "name").map { collapse($0.text) },
                    position: try narratives(required(element, "position", itemPath), "\(itemPath)/position"))
            },
            events: try list(root, "events", "event", path) { element, itemPath throws(RecordReadError) in
                Event(
                    type: try code(element, "type", itemPath),
                    date: element.attribute("date").map(collapse),
                    place: try element.child(named: "place").map { place throws(RecordReadError) in
                        Place(
                            country: try attribute(place, "country", "\(itemPath)/place"),
                            locality: place.child(named: "locality").map { collapse($0.text) })
                    },
                    description: try optionalNarratives(element, "description", itemPath))
            },
            cooperationAreas: try list(root, "cooperationAreas", "area", path) { element, itemPath throws(RecordReadError) in
                CooperationArea(
                    code: try code(element, "code", itemPath),
                    status: try code(element, "status", itemPath),
                    description: try optionalNarratives(element, "description", itemPath))
            },
            equipment: try list(root, "equipment", "item", path) { element, itemPath throws(RecordReadError) in
                EquipmentItem(
                    category: try code(element, "category", itemPath),
                    status: try code(element, "status", itemPath),
                    supplier: element.attribute("supplier").map(collapse),
                    recipient: element.attribute("recipient").map(collapse),
                    designation: element.child(named: "designation").map { collapse($0.text) },
                    description: try optionalNarratives(element, "description", itemPath),
                    quantities: try element.children(named: "quantity").enumerated().map { index, quantity throws(RecordReadError) in
                        let quantityPath = "\(itemPath)/quantity[\(index + 1)]"
                        guard let count = Int(collapse(quantity.text)) else {
                            throw RecordReadError(path: quantityPath, line: quantity.line, message: "the quantity is not a whole number")
                        }
                        return EquipmentItem.Quantity(kind: try code(quantity, "kind", quantityPath), count: count)
                    })
            },
            objectives: try list(root, "objectives", "objective", path) { element, itemPath throws(RecordReadError) in
                Objective(
                    code: try code(element, "code", itemPath),
                    party: element.attribute("party").map(collapse),
                    description: try optionalNarratives(element, "description", itemPath))
            },
            values: try list(root, "values", "value", path) { element, itemPath throws(RecordReadError) in
                MonetaryValue(
                    amount: canonicalDecimal(collapse(element.text)),
                    currency: try attribute(element, "currency", itemPath),
                    type: try code(element, "type", itemPath),
                    date: element.attribute("date").map(collapse))
            },
            sources: try list(root, "sources", "document", path) { element, itemPath throws(RecordReadError) in
                SourceDocument(
                    kind: try code(element, "kind", itemPath),
                    date: element.attribute("date").map(collapse),
                    url: element.attribute("url").map(collapse),
                    attachment: element.attribute("attachment").map(collapse),
                    title: try narratives(required(element, "title", itemPath), "\(itemPath)/title"),
                    publisher: element.child(named: "publisher").map { collapse($0.text) })
            },
            relatedRecords: try list(root, "relatedRecords", "relatedRecord", path) { element, itemPath throws(RecordReadError) in
                RelatedRecord(ref: try attribute(element, "ref", itemPath), relation: try code(element, "relation", itemPath))
            },
            confidentiality: ConfidentialityLabel(
                policy: try attribute(label, "policy", "\(path)/confidentiality"),
                classification: try code(label, "classification", "\(path)/confidentiality"),
                releasableTo: label.children(named: "releasableTo").map { collapse($0.text) }),
            extensions: root.child(named: "extensions").map { extensions in
                extensions.children.compactMap { $0.foreignXML.map(ExtensionElement.init(xml:)) }
            } ?? []
        )
    }

    // MARK: Helpers

    private func required(_ parent: XMLElement, _ name: String, _ parentPath: String) throws(RecordReadError) -> XMLElement {
        guard let element = parent.child(named: name) else {
            throw RecordReadError(path: parentPath, line: parent.line, message: "the element <\(name)> is missing")
        }
        return element
    }

    private func attribute(_ element: XMLElement, _ name: String, _ path: String, namespace: String? = nil) throws(RecordReadError) -> String {
        guard let value = element.attribute(name, namespace: namespace) else {
            throw RecordReadError(path: path, line: element.line, message: "the attribute \(name) is missing")
        }
        return collapse(value)
    }

    private func code<Code: RawRepresentable<String>>(_ element: XMLElement, _ name: String, _ path: String) throws(RecordReadError) -> Code {
        let value = try attribute(element, name, path)
        guard let code = Code(rawValue: value) else {
            throw RecordReadError(path: path, line: element.line, message: "'\(value)' is not a known value for \(name)")
        }
        return code
    }

    private func codeText<Code: RawRepresentable<String>>(_ element: XMLElement, _ path: String) throws(RecordReadError) -> Code {
        let value = collapse(element.text)
        guard let code = Code(rawValue: value) else {
            throw RecordReadError(path: path, line: element.line, message: "'\(value)' is not a known value")
        }
        return code
    }

    private func token(_ element: XMLElement) -> String {
        collapse(element.text)
    }

    private func narratives(_ element: XMLElement, _ path: String) throws(RecordReadError) -> [Narrative] {
        let items = element.children(named: "narrative")
        guard !items.isEmpty else {
            throw RecordReadError(path: path, line: element.line, message: "at least one <narrative> is needed")
        }
        return items.map { Narrative($0.text, language: $0.attribute("lang", namespace: XMLElement.xmlNamespace)) }
    }

    private func optionalNarratives(_ parent: XMLElement, _ name: String, _ parentPath: String) throws(RecordReadError) -> [Narrative] {
        guard let element = parent.child(named: name) else { return [] }
        return try narratives(element, "\(parentPath)/\(name)")
    }

    /// Reads the items of an optional container element (`<parties><party/>...</parties>`).
    private func list<Item>(
        _ parent: XMLElement, _ container: String, _ itemName: String, _ parentPath: String,
        _ read: (XMLElement, String) throws(RecordReadError) -> Item
    ) throws(RecordReadError) -> [Item] {
        guard let element = parent.child(named: container) else { return [] }
        let containerPath = "\(parentPath)/\(container)"
        var items: [Item] = []
        for (index, child) in element.children(named: itemName).enumerated() {
            let itemPath = "\(containerPath)/\(itemName)[\(index + 1)]"
            items.append(try read(child, itemPath))
        }
        return items
    }
}

/// Collapses white space as XSD does for `xs:token`: runs become one space, ends trimmed.
func collapse(_ value: String) -> String {
    // Most values are already collapsed: check that first, without allocating.
    var previousWasSpace = true
    var clean = true
    for byte in value.utf8 {
        let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        if isSpace && (previousWasSpace || byte != 0x20) { clean = false; break }
        previousWasSpace = isSpace
    }
    if clean && !previousWasSpace || value.isEmpty { return value }
    return value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
}

/// A document could not be read as a partnership record.
public struct RecordReadError: Error, Sendable, Hashable {
    /// The XPath of the element concerned.
    public var path: String
    /// Its line.
    public var line: Int?
    /// What is wrong.
    public var message: String
}

/// An `xs:decimal` in plain form, same value: no sign for non-negative numbers, no
/// leading zeros, a digit on each side of the point (`+5.` → `5`, `.50` → `0.50`,
/// `-0` → `0`). Trailing zeros of the fraction are kept: `1.50` stays as written.
/// Text that is not a decimal is returned unchanged, for the schema to refuse.
func canonicalDecimal(_ text: String) -> String {
    var rest = Substring(text)
    var negative = false
    if rest.first == "+" || rest.first == "-" {
        negative = rest.first == "-"
        rest = rest.dropFirst()
    }
    let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    guard !rest.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
          parts.contains(where: { !$0.isEmpty }) else { return text }
    var integer = String(parts[0].drop { $0 == "0" })
    if integer.isEmpty { integer = "0" }
    let fraction = parts.count == 2 ? String(parts[1]) : ""
    let isZero = integer == "0" && fraction.allSatisfy { $0 == "0" }
    return (negative && !isZero ? "-" : "") + integer + (fraction.isEmpty ? "" : "." + fraction)
}
