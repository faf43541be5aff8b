extension RecordValidator {
    /// Validates a record built in code (or decoded): its XML form, ``PartnershipRecord/xmlBytes()``,
    /// goes through the schema and the rules exactly as a record file does.
    ///
    /// The diagnostics point at no line or column (the program never saw that XML) but at
    /// the element (``SourceLocation/path``, `/partnershipRecord/officials/official[2]`) and,
    /// where one exists, the Swift property (``SourceLocation/property``, `officials[1]`).
    /// `name` names the record in the diagnostics and the result; by default `record <id>`.
    public func validate(_ record: PartnershipRecord, name: String? = nil) -> RecordValidation {
        let file = name ?? "record \(record.id)"
        let xml = record.xmlBytes()
        var result = validate(xml, file: file)
        result.diagnostics = zip(result.diagnostics, elementPaths(of: result.diagnostics, in: xml, file: file)).map { diagnostic, xpath in
            var moved = diagnostic
            moved.location = SourceLocation(file: file, path: xpath, property: xpath.flatMap(PropertyPath.fromXPath))
            return moved
        }
        return result
    }
}
