/// Validates partnership records: safe parsing, the XSD, then the rules.
///
/// Every problem is reported in one run where it can be: the schema needs a well-formed
/// document, so it runs only on one; the rules need a document that can be read as a
/// record, so they run whenever it can be, even if the schema found problems (their
/// findings on an element the schema already reported are left out, as the same
/// mistake). When a stage cannot run, ``RecordValidation/checksRemain`` says so, and the
/// command line says that more checks follow once the reported problems are fixed.
///
/// A validator holds no mutable state and may be used from many tasks at once.
public struct RecordValidator: Sendable {
    /// The limits applied to each document.
    public var limits: XMLLimits
    /// The rules applied after the schema.
    public var rules: [RecordRule]

    /// Creates a validator.
    public init(limits: XMLLimits = .default, rules: [RecordRule] = RecordRule.all) {
        self.limits = limits
        self.rules = rules
    }

    /// Reads and validates the record file at `path`, XML or JSON.
    @available(*, deprecated, renamed: "validateRecordFile(atPath:)", message: "validateRecordFile(atPath:) reads XML and JSON alike")
    public func validateFile(atPath path: String) throws(FileError) -> RecordValidation {
        try validateRecordFile(atPath: path)
    }

    /// Reads the file at `path` within the size limit and hands its bytes to `check`; a
    /// file over the limit becomes an `X004` diagnostic, whatever its form.
    func readFile(atPath path: String, then check: ([UInt8], String) -> RecordValidation) throws(FileError) -> RecordValidation {
        do {
            return check(try FileReader.read(path, maxBytes: limits.maxBytes), path)
        } catch let error where error.isTooLarge {
            return RecordValidation(file: path, record: nil, diagnostics: [
                Diagnostic(.documentTooLarge, "the file is larger than the limit of \(limits.maxBytes) bytes", at: SourceLocation(file: path)),
            ])
        }
    }

    /// Validates a record given as XML bytes held in memory; `file` names it in
    /// diagnostics. A record given as JSON goes to ``validateJSON(_:file:)``.
    public func validate(_ bytes: [UInt8], file: String) -> RecordValidation {
        LibXML.withScope { scope in
            var result = runStages(bytes, file: file)
            // libxml2 raises no error for a refused load; the scope recorded each one,
            // whether it happened while parsing or while validating.
            result.diagnostics += scope.refusedLoads.map {
                Diagnostic(.externalResourceRefused, "the document asked for '\($0)'; nothing outside the document is loaded", at: SourceLocation(file: file))
            }
            return result
        }
    }

    /// Parse, root and version, schema, rules: each stage only if the previous found no error.
    private func runStages(_ bytes: [UInt8], file: String) -> RecordValidation {
        var result = RecordValidation(file: file, record: nil, diagnostics: [])
        let parsed = SafeXMLParser.parse(bytes, file: file, limits: limits)
        result.diagnostics = parsed.diagnostics
        guard let document = parsed.document, !result.diagnostics.containsErrors else {
            result.checksRemain = result.diagnostics.containsErrors
            return result
        }

        if let problem = rootProblem(document, file: file) {
            result.diagnostics.append(problem)
            return result
        }
        let schemaProblems = Schemas.partnershipRecord.validate(document, file: file)
        result.diagnostics += schemaProblems
        let schemaValid = !schemaProblems.containsErrors
        guard let tree = document.tree() else {
            result.checksRemain = !schemaValid
            return result
        }

        let record: PartnershipRecord
        switch Result(catching: { () throws(RecordReadError) in try RecordXMLReader.read(tree) }) {
        case .success(let read):
            record = read
        case .failure(let error):
            if schemaValid {
                result.diagnostics.append(Diagnostic(
                    .schemaViolation, error.message, at: SourceLocation(file: file, line: error.line, path: error.path)))
            } else {
                result.checksRemain = true
            }
            return result
        }
        if schemaValid { result.record = record }
        // Where the schema found a problem, a rule's finding on the same element is the same mistake.
        let flagged = Set(schemaProblems.compactMap(\.location.path))
        let findings = rules.filter { $0.screen?(bytes) ?? true }.flatMap { rule in rule.check(record).map { (rule.code, $0) } }
            .filter { !flagged.contains($0.1.path) }
        guard !findings.isEmpty else { return result }
        let lines = ElementPaths.lines(of: tree)
        for (code, finding) in findings {
            result.diagnostics.append(Diagnostic(code, finding.message, at: SourceLocation(
                file: file, line: Self.line(of: finding.path, in: lines), path: finding.path)))
        }
        return result
    }

    /// Checks what the schema would report less clearly: the root element, its namespace
    /// (which carries the major version) and the `schemaVersion` attribute.
    private func rootProblem(_ document: XMLDocument, file: String) -> Diagnostic? {
        let location = SourceLocation(file: file, line: document.rootLine, path: "/")
        guard let root = document.rootName else {
            return Diagnostic(.notAPartnershipRecord, "the document has no root element", at: location)
        }
        let namespacePrefix = "urn:accord:partnership-record:"
        if root.localName == "partnershipRecord", let namespace = root.namespace,
           namespace.hasPrefix(namespacePrefix), namespace != PartnershipRecord.namespace,
           let major = Int(namespace.dropFirst(namespacePrefix.count)) {
            return Diagnostic(.unsupportedSchemaVersion, RecordRule.unsupportedVersionMessage("\(major).x"), at: location)
        }
        guard root.localName == "partnershipRecord", root.namespace == PartnershipRecord.namespace else {
            let found = root.namespace.map { "{\($0)}\(root.localName)" } ?? root.localName
            return Diagnostic(
                .notAPartnershipRecord,
                "the root element is <\(found)>; a partnership record is <partnershipRecord xmlns=\"\(PartnershipRecord.namespace)\">",
                at: location)
        }
        if let version = document.rootAttribute("schemaVersion"),
           !PartnershipRecord.supportedSchemaVersions.contains(collapse(version)) {
            return Diagnostic(.unsupportedSchemaVersion, RecordRule.unsupportedVersionMessage(collapse(version)), at: location)
        }
        return nil
    }

    /// The element path of each diagnostic found in `xml`, a document Accord wrote (one
    /// element per line): its own, or that of the element on its line. Lines become paths
    /// only for schema diagnostics (rules give paths already), so the XML is parsed again
    /// for its element lines only when one needs it.
    func elementPaths(of diagnostics: [Diagnostic], in xml: [UInt8], file: String) -> [String?] {
        let needsLines = diagnostics.contains { $0.location.path == nil && $0.location.line != nil }
        let lines = !needsLines ? [:] : LibXML.withScope { _ in SafeXMLParser.parse(xml, file: file, limits: limits).document?.tree() }
            .map(ElementPaths.paths(byLine:)) ?? [:]
        return diagnostics.map { $0.location.path ?? $0.location.line.flatMap { lines[$0] } }
    }

    /// The line of the element at `path`, or of its nearest ancestor that has one.
    private static func line(of path: String, in lines: [String: Int]) -> Int? {
        var current = Substring(path)
        while !current.isEmpty {
            if let line = lines[String(current)] { return line }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = current[..<slash]
        }
        return nil
    }
}

extension FileError {
    var isTooLarge: Bool {
        if case .tooLarge = reason { return true }
        return false
    }
}

extension PartnershipRecord {
    /// Reads and validates a record from XML bytes.
    ///
    /// - Throws: ``RecordInvalid`` with every diagnostic when the document is not a valid record.
    public init(validatingXML bytes: [UInt8], file: String = "<memory>", validator: RecordValidator = RecordValidator()) throws(RecordInvalid) {
        let result = validator.validate(bytes, file: file)
        guard result.isValid, let record = result.record else { throw RecordInvalid(diagnostics: result.diagnostics) }
        self = record
    }
}

/// A document is not a valid partnership record.
public struct RecordInvalid: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every problem found.
    public var diagnostics: [Diagnostic]

    /// The diagnostics, one per line.
    public var description: String {
        diagnostics.map(\.formatted).joined(separator: "\n")
    }
}
