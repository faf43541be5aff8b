internal import CLibXML2

/// Reads and validates a bundle envelope in one streaming pass: libxml2's xmlTextReader
/// with the envelope schema plugged in, building the ``BundleEnvelope`` as it goes.
///
/// The envelope lists every record of a bundle, so it grows with the bundle; streaming
/// keeps memory to the envelope's model (a few hundred bytes a record) instead of a parsed
/// tree several times that size.
///
/// Safety as for records: the bytes are read from memory with NONET; a DOCTYPE or an
/// entity declaration is refused before parsing (tag files are UTF-8, so the ASCII bytes
/// `<!DOCTYPE` always show), external loads are refused by ``LibXML``, depth is capped.
enum EnvelopeStreamReader {
    /// What to do with each index entry and attachment path as the reader passes it.
    struct Handlers {
        /// Called with each record of the index (without its titles).
        var record: (BundleEnvelope.Entry) -> Void
        /// Called with each attachment path.
        var attachment: (String) -> Void
    }

    /// Reads the envelope in `bytes`, keeping the whole index in the envelope returned.
    static func read(_ bytes: [UInt8], location: SourceLocation, limits: XMLLimits) -> (BundleEnvelope?, [Diagnostic]) {
        read(size: bytes.count, chunks: CollectionOfOne(bytes[...]), location: location, limits: limits, handlers: nil) { options in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(1, buffer.count)) {
                    xmlReaderForMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
    }

    /// Reads the envelope spooled in `spool`, passing the index to `handlers` instead of
    /// keeping it: the envelope returned has no records and no attachments, and memory
    /// does not grow with the index. A spool that cannot be read is thrown, not reported:
    /// it says nothing about the envelope.
    static func read(
        _ spool: SpoolFile, location: SourceLocation, limits: XMLLimits, handlers: Handlers
    ) throws(FileError) -> (BundleEnvelope?, [Diagnostic]) {
        let input = SpoolInput(spool)
        let result = read(size: spool.count, chunks: SpoolChunks(input: input), location: location, limits: limits, handlers: handlers) { options in
            input.rewind()
            return xmlReaderForIO({ context, buffer, length in
                guard let context, let buffer, length > 0 else { return -1 }
                return Unmanaged<SpoolInput>.fromOpaque(context).takeUnretainedValue().read(into: buffer, count: Int(length))
            }, nil, Unmanaged.passUnretained(input).toOpaque(), nil, "UTF-8", options)
        }
        if let failure = input.failure { throw failure }
        return result
    }

    private static func read<Chunks: Sequence>(
        size: Int, chunks: Chunks, location: SourceLocation, limits: XMLLimits, handlers: Handlers?,
        makeReader: (Int32) -> xmlTextReaderPtr?
    ) -> (BundleEnvelope?, [Diagnostic]) where Chunks.Element == ArraySlice<UInt8> {
        func at(_ line: Int?) -> SourceLocation {
            var copy = location
            copy.line = line
            return copy
        }
        guard size <= min(limits.maxBytes, Int(Int32.max)) else {
            return (nil, [Diagnostic(.documentTooLarge, "the envelope is \(size) bytes; the limit is \(limits.maxBytes) bytes", at: location)])
        }
        switch Self.scan(chunks, limits: limits) {
        case .attributes(let excess):
            return (nil, [Diagnostic.tooManyAttributes(excess, limits: limits, at: at(excess.line))])
        case .nul:
            return (nil, [Diagnostic(.malformedXML, "the envelope is not UTF-8 (it holds NUL bytes)", at: location)])
        case .declaration:
            return (nil, [Diagnostic(.doctypeRefused, "a DOCTYPE declaration is not allowed in an exchanged document; remove it", at: location)])
        case nil:
            break
        }
        let errors = XMLErrorCollector()
        var builder = Builder(handlers: handlers)
        var diagnostics: [Diagnostic] = []
        let refused: [String] = LibXML.withScope { scope in
            errors.capturingThreadErrors {
                let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
                guard let reader = makeReader(options) else { return }
                defer { xmlFreeTextReader(reader) }
                xmlTextReaderSetStructuredErrorHandler(reader, XMLErrorCollector.callback, Unmanaged.passUnretained(errors).toOpaque())
                guard xmlTextReaderSetSchema(reader, Schemas.bundleEnvelope.pointer) == 0 else { return }
                while xmlTextReaderRead(reader) == 1 {
                    let depth = Int(xmlTextReaderDepth(reader))
                    if depth >= limits.maxDepth {
                        diagnostics.append(Diagnostic(.nestingTooDeep, "elements are nested more than \(limits.maxDepth) levels deep", at: at(Int(xmlTextReaderGetParserLineNumber(reader)))))
                        return
                    }
                    guard xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue) else { continue }
                    if depth == 0 && !builder.acceptRoot(reader, line: Int(xmlTextReaderGetParserLineNumber(reader)), location: location, into: &diagnostics) { return }
                    builder.element(reader, depth: depth)
                }
            }
            return scope.refusedLoads
        }
        for entry in errors.entriesWithSummary where !entry.isWarning {
            diagnostics.append(entry.fromSchema
                ? CompiledSchema.diagnostic(.envelopeSchemaViolation, entry, removing: "{\(BundleEnvelope.namespace)}", at: at(entry.line))
                : Diagnostic(.malformedXML, entry.message, at: at(entry.line)))
        }
        diagnostics += builder.versionProblems.map { Diagnostic(.envelopeSchemaViolation, $0.message, at: at($0.line)) }
        diagnostics += refused.map { Diagnostic(.externalResourceRefused, "the envelope asked for '\($0)'; nothing outside it is loaded", at: location) }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        guard let envelope = builder.envelope else {
            return (nil, diagnostics + [Diagnostic(.envelopeSchemaViolation, "the envelope is empty", at: location)])
        }
        return (envelope, diagnostics)
    }

    /// What a scan of the raw bytes refuses before any parsing.
    private enum RawProblem {
        case nul
        /// `<!DOCTYPE` or `<!ENTITY`: tag files are UTF-8, so these ASCII bytes always show.
        case declaration
        /// An element over the attribute limits.
        case attributes(AttributeScan.Excess)
    }

    private static func scan<Chunks: Sequence>(_ chunks: Chunks, limits: XMLLimits) -> RawProblem? where Chunks.Element == ArraySlice<UInt8> {
        let needles = ["<!DOCTYPE", "<!ENTITY"].map { Array($0.utf8) }
        // The end of the previous chunk, so that a needle split between chunks is found.
        var carried: [UInt8] = []
        var found = false
        var attributes = AttributeScan(limits: limits)
        for chunk in chunks {
            if chunk.contains(0) { return .nul }
            chunk.withUnsafeBytes { attributes.feed($0) }
            if let excess = attributes.excess { return .attributes(excess) }
            let window = carried + chunk
            if needles.contains(where: { window.contains(bytes: $0) }) { found = true }
            carried = Array(window.suffix(8))
        }
        return found ? .declaration : nil
    }

    /// A spool file read from its start, by the scan and then by libxml2, remembering
    /// whether a read failed.
    private final class SpoolInput {
        private let spool: SpoolFile
        private var offset = 0
        private(set) var failure: FileError?

        init(_ spool: SpoolFile) {
            self.spool = spool
        }

        func rewind() {
            offset = 0
        }

        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
            do {
                let got = try spool.read(at: offset, into: buffer)
                offset += got
                return got
            } catch {
                failure = error
                return nil
            }
        }

        func read(into buffer: UnsafeMutablePointer<CChar>, count: Int) -> Int32 {
            read(into: UnsafeMutableRawBufferPointer(start: buffer, count: count)).map { Int32($0) } ?? -1
        }
    }

    /// The bytes of a spool file, a chunk at a time (ending early if a read fails).
    private struct SpoolChunks: Sequence, IteratorProtocol {
        let input: SpoolInput
        mutating func next() -> ArraySlice<UInt8>? {
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            guard let got = chunk.withUnsafeMutableBytes({ input.read(into: $0) }), got > 0 else { return nil }
            return chunk[..<got]
        }
    }

    /// Collects the envelope's values as the reader passes them.
    private struct Builder {
        var schemaVersion = ""
        var bundleId = ""
        var sender = ""
        var recipients: [BundleEnvelope.Recipient] = []
        var created = ""
        var policy = ""
        var classification: ConfidentialityLabel.Classification = .unclassified
        var releasableTo: [String] = []
        var records: [BundleEnvelope.Entry] = []
        var attachments: [String] = []
        /// When set, index entries go to the handlers instead of being kept.
        let handlers: Handlers?
        var sawRoot = false
        /// What the envelope uses of a later minor version than it declares, by line.
        var versionProblems: [(line: Int, message: String)] = []
        /// The element at each depth, so that `title` and `releasableTo` are placed right.
        var parents: [String] = []

        mutating func acceptRoot(_ reader: xmlTextReaderPtr, line: Int, location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Bool {
            var here = location
            here.line = line
            guard name(reader) == "bundleEnvelope", namespace(reader) == BundleEnvelope.namespace else {
                diagnostics.append(Diagnostic(.envelopeSchemaViolation, "the root element is not <bundleEnvelope xmlns=\"\(BundleEnvelope.namespace)\">", at: here))
                return false
            }
            let version = collapse(attribute(reader, "schemaVersion") ?? "")
            guard BundleEnvelope.supportedSchemaVersions.contains(version) else {
                diagnostics.append(Diagnostic(
                    .envelopeSchemaViolation,
                    "envelope schema version \(version) is not supported (this tool reads \(BundleEnvelope.supportedSchemaVersions.sorted().joined(separator: ", ")))",
                    at: here))
                return false
            }
            schemaVersion = version
            sawRoot = true
            return true
        }

        mutating func element(_ reader: xmlTextReaderPtr, depth: Int) {
            let local = name(reader)
            parents.removeSubrange(min(depth, parents.count)...)
            parents.append(local)
            let parent = depth > 0 ? parents[depth - 1] : ""
            switch (parent, local) {
            case ("bundleEnvelope", "bundleId"): bundleId = collapse(text(reader))
            case ("bundleEnvelope", "sender"): sender = collapse(attribute(reader, "ref") ?? "")
            case ("recipients", "recipient"):
                let state = attribute(reader, "state").map(collapse)
                if state != nil && schemaVersion == "1.0" {
                    versionProblems.append((Int(xmlTextReaderGetParserLineNumber(reader)), "a recipient's state needs envelope schema version 1.1; this envelope says 1.0"))
                }
                recipients.append(.init(collapse(attribute(reader, "ref") ?? ""), state: state))
            case ("bundleEnvelope", "created"): created = collapse(text(reader))
            case ("bundleEnvelope", "confidentiality"):
                policy = collapse(attribute(reader, "policy") ?? "")
                classification = .init(rawValue: collapse(attribute(reader, "classification") ?? "")) ?? .unclassified
            case ("confidentiality", "releasableTo"): releasableTo.append(collapse(text(reader)))
            case ("records", "record"):
                let entry = BundleEnvelope.Entry(
                    id: collapse(attribute(reader, "id") ?? ""), path: collapse(attribute(reader, "path") ?? ""),
                    status: AgreementStatus(rawValue: collapse(attribute(reader, "status") ?? "")) ?? .announced,
                    classification: .init(rawValue: collapse(attribute(reader, "classification") ?? "")) ?? .unclassified,
                    title: [])
                if let handlers { handlers.record(entry) } else { records.append(entry) }
            case ("record", "title"):
                let language = xmlTextReaderGetAttributeNs(reader, "lang", XMLElement.xmlNamespace).map { pointer in
                    defer { accord_xml_free(pointer) }
                    return String(cString: pointer)
                }
                if handlers == nil, !records.isEmpty { records[records.count - 1].title.append(Narrative(text(reader), language: language)) }
            case ("attachments", "attachment"):
                let path = collapse(attribute(reader, "path") ?? "")
                if let handlers { handlers.attachment(path) } else { attachments.append(path) }
            default: break
            }
        }

        var envelope: BundleEnvelope? {
            guard sawRoot else { return nil }
            return BundleEnvelope(
                schemaVersion: schemaVersion, bundleId: bundleId, sender: sender, recipients: recipients, created: created,
                confidentiality: ConfidentialityLabel(policy: policy, classification: classification, releasableTo: releasableTo),
                records: records, attachments: attachments)
        }

        private func name(_ reader: xmlTextReaderPtr) -> String {
            xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
        }

        private func namespace(_ reader: xmlTextReaderPtr) -> String? {
            xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
        }

        private func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
            guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
            defer { accord_xml_free(value) }
            return String(cString: value)
        }

        /// The element's text content (the reader stays where it is).
        private func text(_ reader: xmlTextReaderPtr) -> String {
            guard let value = xmlTextReaderReadString(reader) else { return "" }
            defer { accord_xml_free(value) }
            return String(cString: value)
        }
    }
}
