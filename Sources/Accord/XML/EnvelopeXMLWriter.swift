/// Writes a ``BundleEnvelope`` as canonical XML, like ``RecordXMLWriter``: at once, or an
/// index entry at a time, taking the bytes as they come, for an index too large to hold.
final class EnvelopeXMLWriter {
    private let out = XMLTextWriter()

    /// Starts the envelope: everything before its first index entry.
    init(header envelope: BundleEnvelope) {
        out.startElement("bundleEnvelope")
        out.attribute("xmlns", BundleEnvelope.namespace)
        out.attribute("schemaVersion", envelope.schemaVersion)
        out.element("bundleId", text: envelope.bundleId)
        out.emptyElement("sender", attributes: [("ref", envelope.sender)])
        out.startElement("recipients")
        for recipient in envelope.recipients {
            out.emptyElement("recipient", attributes: [("ref", recipient.organisation)] + (recipient.state.map { [("state", $0)] } ?? []))
        }
        out.endElement()
        out.element("created", text: envelope.created)
        RecordXMLWriter.label(envelope.confidentiality, out)
        out.startElement("records")
    }

    /// Adds the next index entry.
    func add(_ entry: BundleEnvelope.Entry) {
        out.startElement("record")
        out.attribute("id", entry.id)
        out.attribute("path", entry.path)
        out.attribute("status", entry.status.rawValue)
        out.attribute("classification", entry.classification.rawValue)
        for title in entry.title {
            out.element("title", text: title.text, attributes: [("xml:lang", title.language)])
        }
        out.endElement()
    }

    /// The bytes written and not yet taken, once there are at least `minimum`.
    func take(atLeast minimum: Int) -> [UInt8]? {
        out.pendingCount >= minimum ? out.take() : nil
    }

    /// Ends the index, writes the attachment list, and returns the bytes not yet taken.
    func finish(attachments: [String]) -> [UInt8] {
        out.endElement()
        if !attachments.isEmpty {
            out.startElement("attachments")
            for path in attachments {
                out.emptyElement("attachment", attributes: [("path", path)])
            }
            out.endElement()
        }
        return out.finish()
    }

    /// The whole envelope (one without its index is written with an empty one).
    static func write(_ envelope: BundleEnvelope) -> [UInt8] {
        let writer = EnvelopeXMLWriter(header: envelope)
        for entry in envelope.records ?? [] { writer.add(entry) }
        return writer.finish(attachments: envelope.attachments ?? [])
    }
}

extension BundleEnvelope {
    /// The envelope as canonical XML.
    public func xmlBytes() -> [UInt8] {
        EnvelopeXMLWriter.write(self)
    }
}
