/// Validates the envelope tag file: safe parsing, the envelope schema, then reading.
enum EnvelopeValidator {
    static func validate(_ bytes: [UInt8], location: SourceLocation, limits: XMLLimits) -> (BundleEnvelope?, [Diagnostic]) {
        LibXML.withScope { scope in
            var (envelope, diagnostics) = stages(bytes, location: location, limits: limits)
            diagnostics += scope.refusedLoads.map {
                Diagnostic(.externalResourceRefused, "the envelope asked for '\($0)'; nothing outside it is loaded", at: location)
            }
            return (diagnostics.containsErrors ? nil : envelope, diagnostics)
        }
    }

    private static func stages(_ bytes: [UInt8], location: SourceLocation, limits: XMLLimits) -> (BundleEnvelope?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let parsed = SafeXMLParser.parse(bytes, file: location.file, limits: limits)
        diagnostics += parsed.diagnostics.map { relocated($0, to: location) }
        guard let document = parsed.document, !diagnostics.containsErrors else { return (nil, diagnostics) }
        guard document.rootName?.localName == "bundleEnvelope", document.rootName?.namespace == BundleEnvelope.namespace else {
            diagnostics.append(Diagnostic(
                .envelopeSchemaViolation,
                "the root element is not <bundleEnvelope xmlns=\"\(BundleEnvelope.namespace)\">",
                at: with(location, line: document.rootLine)))
            return (nil, diagnostics)
        }
        if let version = document.rootAttribute("schemaVersion").map(collapse),
           !BundleEnvelope.supportedSchemaVersions.contains(version) {
            diagnostics.append(Diagnostic(
                .envelopeSchemaViolation,
                "envelope schema version \(version) is not supported (this tool reads \(BundleEnvelope.supportedSchemaVersions.sorted().joined(separator: ", ")))",
                at: with(location, line: document.rootLine)))
            return (nil, diagnostics)
        }
        diagnostics += Schemas.bundleEnvelope.validate(document, file: location.file).map {
            var diagnostic = relocated($0, to: location)
            diagnostic.code = .envelopeSchemaViolation
            return diagnostic
        }
        guard !diagnostics.containsErrors, let tree = document.tree() else { return (nil, diagnostics) }
        switch Result(catching: { () throws(RecordReadError) in try EnvelopeXMLReader.read(tree) }) {
        case .success(let envelope):
            return (envelope, diagnostics)
        case .failure(let error):
            diagnostics.append(Diagnostic(.envelopeSchemaViolation, error.message, at: with(location, line: error.line)))
            return (nil, diagnostics)
        }
    }

    private static func with(_ location: SourceLocation, line: Int?) -> SourceLocation {
        var copy = location
        copy.line = line
        return copy
    }
}

/// `diagnostic` moved into a bundle entry: the file and entry of `location`, its own line and column.
func relocated(_ diagnostic: Diagnostic, to location: SourceLocation) -> Diagnostic {
    var moved = diagnostic
    moved.location.file = location.file
    moved.location.entry = location.entry
    return moved
}
