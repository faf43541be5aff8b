/// Builds a ``BundleEnvelope`` from a parsed document the envelope schema has accepted.
enum EnvelopeXMLReader {
    static func read(_ root: XMLElement) throws(RecordReadError) -> BundleEnvelope {
        guard root.localName == "bundleEnvelope", root.namespace == BundleEnvelope.namespace else {
            throw RecordReadError(path: "/", line: root.line, message: "the root element is not a bundle envelope")
        }
        func child(_ name: String) throws(RecordReadError) -> XMLElement {
            guard let element = root.child(named: name) else {
                throw RecordReadError(path: "/bundleEnvelope", line: root.line, message: "the element <\(name)> is missing")
            }
            return element
        }
        func value<Code: RawRepresentable<String>>(_ element: XMLElement, _ name: String) throws(RecordReadError) -> Code {
            let text = collapse(element.attribute(name) ?? "")
            guard let code = Code(rawValue: text) else {
                throw RecordReadError(path: "/bundleEnvelope", line: element.line, message: "'\(text)' is not a known value for \(name)")
            }
            return code
        }
        let label = try child("confidentiality")
        var records: [BundleEnvelope.Entry] = []
        for entry in try child("records").children(named: "record") {
            records.append(BundleEnvelope.Entry(
                id: collapse(entry.attribute("id") ?? ""),
                path: collapse(entry.attribute("path") ?? ""),
                status: try value(entry, "status"),
                classification: try value(entry, "classification"),
                title: entry.children(named: "title").map {
                    Narrative($0.text, language: $0.attribute("lang", namespace: XMLElement.xmlNamespace))
                }))
        }
        return BundleEnvelope(
            schemaVersion: collapse(root.attribute("schemaVersion") ?? ""),
            bundleId: collapse(try child("bundleId").text),
            sender: collapse(try child("sender").attribute("ref") ?? ""),
            recipients: try child("recipients").children(named: "recipient").map { collapse($0.attribute("ref") ?? "") },
            created: collapse(try child("created").text),
            confidentiality: ConfidentialityLabel(
                policy: collapse(label.attribute("policy") ?? ""),
                classification: try value(label, "classification"),
                releasableTo: label.children(named: "releasableTo").map { collapse($0.text) }),
            records: records,
            attachments: root.child(named: "attachments")?.children(named: "attachment").map { collapse($0.attribute("path") ?? "") } ?? [])
    }
}
