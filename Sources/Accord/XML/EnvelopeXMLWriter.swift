/// Writes a ``BundleEnvelope`` as canonical XML, like ``RecordXMLWriter``.
enum EnvelopeXMLWriter {
    static func write(_ envelope: BundleEnvelope) -> [UInt8] {
        let out = XMLTextWriter()
        out.startElement("bundleEnvelope")
        out.attribute("xmlns", BundleEnvelope.namespace)
        out.attribute("schemaVersion", envelope.schemaVersion)
        out.element("bundleId", text: envelope.bundleId)
        out.emptyElement("sender", attributes: [("ref", envelope.sender)])
        out.startElement("recipients")
        for recipient in envelope.recipients {
            out.emptyElement("recipient", attributes: [("ref", recipient)])
        }
        out.endElement()
        out.element("created", text: envelope.created)
        RecordXMLWriter.label(envelope.confidentiality, out)
        out.startElement("records")
        for entry in envelope.records {
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
        out.endElement()
        if !envelope.attachments.isEmpty {
            out.startElement("attachments")
            for path in envelope.attachments {
                out.emptyElement("attachment", attributes: [("path", path)])
            }
            out.endElement()
        }
        return out.finish()
    }
}

extension BundleEnvelope {
    /// The envelope as canonical XML.
    public func xmlBytes() -> [UInt8] {
        EnvelopeXMLWriter.write(self)
    }
}
