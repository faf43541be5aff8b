internal import CLibXML2

/// Parses untrusted XML from memory with libxml2, safely.
///
/// - The document is parsed from bytes in memory; nothing is read from a file or a URL.
/// - Any DOCTYPE is refused the moment the parser meets it (before an entity can be
///   declared), so there are no entity expansions and no external DTD.
/// - No dangerous option is set: never NOENT, DTDLOAD, XINCLUDE, HUGE or RECOVER; NONET is.
/// - Element nesting is capped by ``XMLLimits/maxDepth``, and attributes per element by
///   ``XMLLimits/maxAttributesPerElement`` (see ``AttributeScan``), before libxml2 parses.
/// - External loads that slip through anyway are refused by ``LibXML``'s loader.
enum SafeXMLParser {
    /// The result: a document when the input is well-formed and safe, and every problem found.
    struct Outcome {
        var document: XMLDocument?
        var diagnostics: [Diagnostic]
    }

    /// Options: no network, right line numbers past 65535, CDATA merged into text.
    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue
    )

    /// Parses `bytes`; `file` only labels diagnostics. Must run inside ``LibXML/withScope(_:)``.
    static func parse(_ bytes: [UInt8], file: String, limits: XMLLimits) -> Outcome {
        let location = { (line: Int?, column: Int?) in SourceLocation(file: file, line: line, column: column) }
        // libxml2 takes sizes as 32-bit ints: no limit can go beyond that.
        guard bytes.count <= min(limits.maxBytes, Int(Int32.max)) else {
            return Outcome(document: nil, diagnostics: [Diagnostic(
                .documentTooLarge,
                "the file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes",
                at: location(nil, nil))])
        }
        guard !bytes.isEmpty else {
            return Outcome(document: nil, diagnostics: [Diagnostic(.malformedXML, "the file is empty", at: location(nil, nil))])
        }
        if let excess = AttributeScan.excess(in: bytes, limits: limits) {
            return Outcome(document: nil, diagnostics: [Diagnostic.tooManyAttributes(excess, limits: limits, at: location(excess.line, nil))])
        }
        let state = ParseState(maxDepth: limits.maxDepth)
        let errors = XMLErrorCollector()
        var document: XMLDocument?
        var wellFormed = false
        errors.capturingThreadErrors {
            let context = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCreateMemoryParserCtxt($0, Int32(buffer.count))
                }
            }
            guard let context else { return }
            defer { xmlFreeParserCtxt(context) }
            xmlCtxtUseOptions(context, options)
            context.pointee.sax.pointee.internalSubset = refuseDoctype
            context.pointee.sax.pointee.startElementNs = startElementWithinDepth
            context.pointee._private = Unmanaged.passUnretained(state).toOpaque()
            withExtendedLifetime(state) { _ = xmlParseDocument(context) }
            wellFormed = context.pointee.wellFormed != 0
            if let parsed = context.pointee.myDoc {
                document = XMLDocument(parsed)
                context.pointee.myDoc = nil
            }
        }

        var diagnostics: [Diagnostic] = []
        if let line = state.doctypeLine {
            diagnostics.append(Diagnostic(
                .doctypeRefused,
                "a DOCTYPE declaration is not allowed in an exchanged document; remove it",
                at: location(line, nil)))
        }
        if let line = state.depthExceededLine {
            diagnostics.append(Diagnostic(
                .nestingTooDeep,
                "elements are nested more than \(limits.maxDepth) levels deep",
                at: location(line, nil)))
        }
        if diagnostics.isEmpty {
            for entry in errors.entriesWithSummary where !entry.isWarning {
                diagnostics.append(Diagnostic(.malformedXML, entry.message, at: location(entry.line, entry.column)))
            }
            if !wellFormed && diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.malformedXML, "the document is not well-formed", at: location(nil, nil)))
            }
        }
        if !diagnostics.isEmpty { document = nil }
        return Outcome(document: document, diagnostics: diagnostics)
    }
}

extension Diagnostic {
    /// An element over the attribute limits (`X007`).
    static func tooManyAttributes(_ excess: AttributeScan.Excess, limits: XMLLimits, at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .tooManyAttributes,
            excess.namespaces
                ? "an element declares more than \(limits.maxNamespaceDeclarationsPerElement) namespaces; no exchanged document needs so many"
                : "an element has more than \(limits.maxAttributesPerElement) attributes; no exchanged document needs so many",
            at: location)
    }
}

/// What the SAX callbacks learn while one document is parsed.
private final class ParseState {
    let maxDepth: Int
    var doctypeLine: Int?
    var depthExceededLine: Int?

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    static func of(_ context: UnsafeMutableRawPointer?) -> (xmlParserCtxtPtr, ParseState)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let state = parser.pointee._private else { return nil }
        return (parser, Unmanaged<ParseState>.fromOpaque(state).takeUnretainedValue())
    }
}

private func currentLine(_ parser: xmlParserCtxtPtr) -> Int? {
    guard let input = parser.pointee.input else { return nil }
    return Int(input.pointee.line)
}

/// Called when the parser meets `<!DOCTYPE`, before any declaration inside it is read.
private let refuseDoctype: internalSubsetSAXFunc = { context, _, _, _ in
    guard let (parser, state) = ParseState.of(context) else { return }
    state.doctypeLine = currentLine(parser)
    xmlStopParser(parser)
}

/// Builds the tree as libxml2 would, but stops the parse past the depth limit.
private let startElementWithinDepth: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes in
    guard let (parser, state) = ParseState.of(context) else { return }
    if Int(parser.pointee.nodeNr) >= state.maxDepth {
        state.depthExceededLine = currentLine(parser)
        xmlStopParser(parser)
        return
    }
    xmlSAX2StartElementNs(
        context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaultedCount, attributes)
}
