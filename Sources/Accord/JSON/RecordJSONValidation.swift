extension PartnershipRecord {
    /// The record as JSON: canonical (schema order, two-space indentation, UTF-8), or
    /// compact on one line for NDJSON.
    public func jsonBytes(compact: Bool = false) -> [UInt8] {
        let value = RecordJSON.value(self)
        return compact ? JSONSerializer.compact(value) : JSONSerializer.pretty(value) + [0x0A]
    }

    /// Reads and validates a record from its JSON form (`docs/json-mapping.md`), the
    /// inverse of ``jsonBytes(compact:)``: the JSON's syntax and structure, then the
    /// schema and the rules, as ``RecordValidator/validateJSON(_:file:)`` does. `file`
    /// names the document in the diagnostics.
    ///
    /// - Throws: ``RecordInvalid`` with every diagnostic, each pointing at a JSON path
    ///   (`$.parties[1].country`), when the document is not a valid record.
    public init(json bytes: [UInt8], file: String = "<memory>", validator: RecordValidator = RecordValidator()) throws(RecordInvalid) {
        let result = validator.validateJSON(bytes, file: file)
        guard result.isValid, let record = result.record else { throw RecordInvalid(diagnostics: result.diagnostics) }
        self = record
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
        let record = RecordJSON.checkedRecord(json, problems: problems)
        guard problems.isEmpty else {
            result.diagnostics = problems.list.map { Diagnostic(.invalidJSONStructure, $0.message, at: SourceLocation(file: file, path: $0.path)) }
            return result
        }
        let xml = record.xmlBytes()
        let checked = validate(xml, file: file)
        result.diagnostics = zip(checked.diagnostics, elementPaths(of: checked.diagnostics, in: xml, file: file)).map { diagnostic, xpath in
            var moved = diagnostic
            moved.location = SourceLocation(file: file, path: xpath.map(JSONPath.fromXPath) ?? "$")
            return moved
        }
        result.record = checked.record
        result.checksRemain = checked.checksRemain
        return result
    }

    /// Reads and validates a record file: XML, or JSON when its name ends in `.json` or
    /// its first character other than white space is `{` (an XML document cannot start
    /// so). This is the one way to validate a record file; a file over the size limit is
    /// reported as an `X004` diagnostic, a file that cannot be read at all is thrown.
    public func validateRecordFile(atPath path: String) throws(FileError) -> RecordValidation {
        try readFile(atPath: path) { bytes, file in
            Self.looksLikeJSON(bytes, name: file) ? validateJSON(bytes, file: file) : validate(bytes, file: file)
        }
    }

    /// Whether a record file holds JSON: by its name, else by its first character.
    static func looksLikeJSON(_ bytes: [UInt8], name: String) -> Bool {
        if name.hasSuffix(".json") { return true }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        return bytes[start...].first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }
}
