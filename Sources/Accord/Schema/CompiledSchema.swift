internal import CLibXML2

/// An XSD compiled by libxml2, ready to validate documents.
///
/// A compiled schema is never changed after compilation, and libxml2 allows many threads
/// to validate against one schema at once as long as each uses its own validation
/// context, which ``validate(_:file:)`` creates per call.
final class CompiledSchema: @unchecked Sendable {
    /// The compiled schema, for a streaming reader to validate against.
    let pointer: xmlSchemaPtr
    /// `{namespace}` prefixes that libxml2 puts in messages and that are noise to a reader.
    private let namespaceNoise: String

    /// Compiles the schema in `bytes`. Imports are served by ``LibXML``'s loader.
    init(_ bytes: [UInt8], name: String, namespace: String) throws(SchemaCompilationError) {
        let errors = XMLErrorCollector()
        var refused: [String] = []
        let compiled: xmlSchemaPtr? = LibXML.withScope { scope in
            defer { refused = scope.refusedLoads }
            return errors.capturingThreadErrors {
                let parser = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        xmlSchemaNewMemParserCtxt($0, Int32(buffer.count))
                    }
                }
                guard let parser else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, XMLErrorCollector.callback, Unmanaged.passUnretained(errors).toOpaque())
                return xmlSchemaParse(parser)
            }
        }
        guard let compiled else {
            throw SchemaCompilationError(
                schema: name, messages: refused.map { "refused to load '\($0)'" } + errors.entries.map(\.message))
        }
        pointer = compiled
        namespaceNoise = "{\(namespace)}"
    }

    deinit {
        xmlSchemaFree(pointer)
    }

    /// A diagnostic for a schema error, in a clerk's words where ``SchemaErrorTranslation``
    /// has them, libxml2's kept as its ``Diagnostic/technical`` text.
    static func diagnostic(_ code: DiagnosticCode, _ entry: XMLErrorCollector.Entry, removing noise: String, at location: SourceLocation) -> Diagnostic {
        var raw = entry.raw
        raw.message = raw.message.replacingAll(noise, with: "")
        guard let translated = SchemaErrorTranslation.translate(raw) else { return Diagnostic(code, raw.message, at: location) }
        var diagnostic = Diagnostic(code, translated, at: location)
        diagnostic.technical = raw.message
        return diagnostic
    }

    /// Validates a parsed document and returns one diagnostic per schema violation.
    func validate(_ document: XMLDocument, file: String) -> [Diagnostic] {
        let errors = XMLErrorCollector()
        let result: Int32 = errors.capturingThreadErrors {
            guard let context = xmlSchemaNewValidCtxt(pointer) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, XMLErrorCollector.callback, Unmanaged.passUnretained(errors).toOpaque())
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        var diagnostics = errors.entriesWithSummary.filter { !$0.isWarning }.map { entry in
            Self.diagnostic(.schemaViolation, entry, removing: namespaceNoise, at: SourceLocation(file: file, line: entry.line, path: entry.path))
        }
        if result != 0 && diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .schemaViolation, "the schema validator failed (libxml2 code \(result))", at: SourceLocation(file: file)))
        }
        return diagnostics
    }
}

/// A schema embedded in Accord failed to compile: a defect of the build, never of input.
public struct SchemaCompilationError: Error, Sendable, CustomStringConvertible {
    /// The schema's file name.
    public var schema: String
    /// What libxml2 said.
    public var messages: [String]

    /// A readable account of the failure.
    public var description: String {
        "schema \(schema) failed to compile: " + messages.joined(separator: "; ")
    }
}

extension String {
    /// This string with every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
