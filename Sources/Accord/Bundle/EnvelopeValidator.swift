/// Validates the envelope tag file: safe streaming parse against the envelope schema
/// (see ``EnvelopeStreamReader``).
enum EnvelopeValidator {
    static func validate(_ bytes: [UInt8], location: SourceLocation, limits: XMLLimits) -> (BundleEnvelope?, [Diagnostic]) {
        EnvelopeStreamReader.read(bytes, location: location, limits: limits)
    }

    /// Validates an envelope spooled to a file, without holding it or its index.
    static func validate(_ spool: SpoolFile, location: SourceLocation, limits: XMLLimits) throws(FileError) -> (BundleEnvelope?, [Diagnostic]) {
        try EnvelopeStreamReader.read(spool, location: location, limits: limits, handlers: .init(record: { _ in }, attachment: { _ in }))
    }
}

/// `diagnostic` moved into a bundle entry: the file and entry of `location`, its own line and column.
func relocated(_ diagnostic: Diagnostic, to location: SourceLocation) -> Diagnostic {
    var moved = diagnostic
    moved.location.file = location.file
    moved.location.entry = location.entry
    return moved
}
