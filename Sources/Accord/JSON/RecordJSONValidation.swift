extension PartnershipRecord {
    /// The record as JSON: canonical (schema order, two-space indentation, UTF-8), or
    /// compact on one line for NDJSON.
    public func jsonBytes(compact: Bool = false) -> [UInt8] {
        let value = RecordJSON.value(self)
        return compact ? JSONSerializer.compact(value) : JSONSerializer.pretty(value) + [0x0A]
    }
}

extension RecordValidator {
    /// Validates a record given as JSON: JSON syntax, its structure and code lists, then
    /// everything a record given as XML goes through (the schema and the rules). Every
    /// diagnostic points at a JSON path (`$.parties[1].country`).
    public func validateJSON(_ bytes: [UInt8], file: String) -> RecordValidation {
        var result = RecordValidation(file: file, record: nil, diagnostics: [])
        guard bytes.count <= limits.maxBytes else {
            result.diagnostics = [Diagnostic(.documentTooLarge, "the file is \(bytes.count) bytes; the limit is \(limits.maxBytes) bytes", at: SourceLocation(file: file))]
            return result
        }
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, maxDepth: limits.maxDepth)
        } catch {
            result.diagnostics = [Diagnostic(.malformedJSON, error.message, at: SourceLocation(file: file, line: error.line, column: error.column))]
            return result
        }
        let problems = JSONProblems()
        var record = RecordJSON.record(json, problems: problems)
        record.extensions = record.extensions.enumerated().map { index, element in
            ExtensionElement(xml: Self.canonicalExtension(element.xml, path: "$.extensions[\(index)]", problems: problems))
        }
        guard problems.isEmpty else {
            result.diagnostics = problems.list.map { Diagnostic(.invalidJSONStructure, $0.message, at: SourceLocation(file: file, path: $0.path)) }
            return result
        }
        let xml = record.xmlBytes()
        let checked = validate(xml, file: file)
        // Lines become JSON paths only for schema diagnostics (rules give paths already):
        // parse the XML again for its element lines only when one needs it.
        let needsLines = checked.diagnostics.contains { $0.location.path == nil && $0.location.line != nil }
        let lines = !needsLines ? [:] : LibXML.withScope { _ in SafeXMLParser.parse(xml, file: file, limits: limits).document?.tree() }
            .map(ElementPaths.paths(byLine:)) ?? [:]
        result.diagnostics = checked.diagnostics.map { diagnostic in
            var moved = diagnostic
            let xpath = diagnostic.location.path ?? diagnostic.location.line.flatMap { lines[$0] }
            moved.location = SourceLocation(file: file, path: xpath.map(JSONPath.fromXPath) ?? "$")
            return moved
        }
        result.record = checked.record
        result.checksRemain = checked.checksRemain
        return result
    }

    /// An extension given in JSON must be exactly one well-formed element from a namespace
    /// other than the record's; it is kept in the canonical form Accord writes, so that it
    /// cannot smuggle markup into the record around it.
    private static func canonicalExtension(_ xml: String, path: String, problems: JSONProblems) -> String {
        LibXML.withScope { _ in
            let parsed = SafeXMLParser.parse(Array(xml.utf8), file: path, limits: .default)
            guard let document = parsed.document, let root = document.tree(homeNamespace: PartnershipRecord.namespace),
                  let canonical = root.foreignXML else {
                let reason = parsed.diagnostics.first?.message ?? "it is in the record's own namespace or in none"
                problems.add(path, "expected one XML element from another namespace: \(reason)")
                return ""
            }
            return canonical
        }
    }

    /// Validates a record file given as XML or, when its name ends in `.json`, as JSON.
    public func validateRecordFile(atPath path: String) throws(FileError) -> RecordValidation {
        try validateFile(atPath: path, as: path.hasSuffix(".json") ? validateJSON : validate)
    }
}
