internal import CLibXML2

/// A thin layer over libxml2's `xmlTextWriter`, writing indented UTF-8 into memory.
///
/// libxml2 escapes text and attribute values; the writer only decides order and layout.
final class XMLTextWriter {
    private let buffer: xmlBufferPtr
    private let writer: xmlTextWriterPtr

    init() {
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterSetIndentString(writer, "  ")
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
    }

    deinit {
        xmlFreeTextWriter(writer)
        xmlBufferFree(buffer)
    }

    func startElement(_ name: String) {
        xmlTextWriterStartElement(writer, name)
    }

    func endElement() {
        xmlTextWriterEndElement(writer)
    }

    func attribute(_ name: String, _ value: String?) {
        guard let value else { return }
        xmlTextWriterWriteAttribute(writer, name, value)
    }

    func text(_ value: String) {
        xmlTextWriterWriteString(writer, value)
    }

    /// Writes XML that is already serialised, as it is.
    func raw(_ xml: String) {
        xmlTextWriterWriteRaw(writer, xml)
    }

    /// `<name attributes...>text</name>` on one line.
    func element(_ name: String, text value: String?, attributes: [(String, String?)] = []) {
        guard let value else { return }
        startElement(name)
        for (attributeName, attributeValue) in attributes { attribute(attributeName, attributeValue) }
        text(value)
        endElement()
    }

    /// `<name attributes.../>`.
    func emptyElement(_ name: String, attributes: [(String, String?)]) {
        startElement(name)
        for (attributeName, attributeValue) in attributes { attribute(attributeName, attributeValue) }
        endElement()
    }

    /// The bytes written and not yet taken.
    var pendingCount: Int {
        xmlTextWriterFlush(writer)
        return Int(xmlBufferLength(buffer))
    }

    /// Takes the bytes written so far; the document goes on, so that a long one can be
    /// passed on in pieces.
    func take() -> [UInt8] {
        xmlTextWriterFlush(writer)
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        defer { xmlBufferEmpty(buffer) }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// Closes every open element and returns the document's bytes (those not yet taken).
    func finish() -> [UInt8] {
        xmlTextWriterEndDocument(writer)
        return take()
    }
}
