/// A record's `Codable` form is its JSON form (`docs/json-mapping.md`,
/// `schemas/partnership-record-v1.schema.json`): the keys `accord convert` writes
/// (`recordId`, `lang`, `reportingOrg`, ...), arrays wherever the schema allows more than
/// one, absent parts left out, amounts as strings. `JSONEncoder` gives that form (with its
/// own spacing and key order: ``PartnershipRecord/jsonBytes(compact:)`` gives the canonical
/// bytes), and `JSONDecoder` reads what `accord convert` writes, one record or one NDJSON
/// line.
///
/// Decoding checks the form as ``RecordValidator/validateJSON(_:file:)``'s first stages do
/// (required and unknown keys, types, code lists, ISO country and currency codes, each
/// extension being one XML element from another namespace) and throws
/// `DecodingError.dataCorrupted` whose coding path leads to the first problem
/// (`parties`, `1`, `country`) and whose description names it by JSON path
/// (`$.parties[1].country: expected an ISO 3166-1 alpha-3 code ...`). It does not run the
/// schema or the rules: a decoded record may still be invalid, as one built in code may;
/// ``RecordValidator/validate(_:name:)`` says, or ``PartnershipRecord/init(json:file:validator:)``
/// decodes and validates at once.
extension PartnershipRecord: Codable {
    /// Reads a record from its JSON form.
    public init(from decoder: any Decoder) throws {
        self = try JSONValue.decode(decoder, with: RecordJSON.checkedRecord)
    }

    /// Writes the record in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        try RecordJSON.value(self).encode(to: encoder)
    }
}

/// A narrative's `Codable` form is its JSON form: `{"lang": "en", "text": "..."}`, `lang`
/// left out when the text is in the record's default language.
extension Narrative: Codable {
    /// Reads a narrative from its JSON form.
    public init(from decoder: any Decoder) throws {
        self = try JSONValue.decode(decoder) { RecordJSON.narrative($0, path: "$", problems: $1) }
    }

    /// Writes the narrative in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        try RecordJSON.narrative(self).encode(to: encoder)
    }
}

/// A label's `Codable` form is its JSON form: `{policy, classification, releasableTo}`,
/// `releasableTo` left out when the label sets no releasability restriction.
extension ConfidentialityLabel: Codable {
    /// Reads a label from its JSON form.
    public init(from decoder: any Decoder) throws {
        self = try JSONValue.decode(decoder) { json, problems in
            RecordJSON.label(JSONObjectReader(json, path: "$", keys: RecordJSON.labelKeys, problems: problems), problems: problems)
        }
    }

    /// Writes the label in its JSON form.
    public func encode(to encoder: any Encoder) throws {
        try RecordJSON.label(self).encode(to: encoder)
    }
}
