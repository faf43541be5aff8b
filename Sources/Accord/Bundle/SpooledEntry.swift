/// An index entry and its record's digest as one line of compact JSON (no LF), for the
/// spools of `pack` and of a check in bundle order:
/// `[id, path, status, classification, digest, [[language or null, title], ...]]`.
enum SpooledEntry {
    static func encode(_ entry: BundleEnvelope.Entry, digest: String = "") -> [UInt8] {
        JSONSerializer.compact(.array([
            .string(entry.id), .string(entry.path), .string(entry.status.rawValue), .string(entry.classification.rawValue),
            .string(digest), .array(entry.title.map { .array([$0.language.map(JSONValue.string) ?? .null, .string($0.text)]) }),
        ]))
    }

    static func decode(_ bytes: [UInt8]) -> (entry: BundleEnvelope.Entry, digest: String)? {
        guard case .array(let fields)? = try? JSONParser.parse(bytes), fields.count == 6,
              case .string(let id) = fields[0], case .string(let path) = fields[1],
              case .string(let status) = fields[2], let status = AgreementStatus(rawValue: status),
              case .string(let classification) = fields[3], let classification = ConfidentialityLabel.Classification(rawValue: classification),
              case .string(let digest) = fields[4], case .array(let titles) = fields[5] else { return nil }
        var narratives: [Narrative] = []
        for title in titles {
            guard case .array(let pair) = title, pair.count == 2, case .string(let text) = pair[1] else { return nil }
            if case .string(let language) = pair[0] { narratives.append(Narrative(text, language: language)) } else { narratives.append(Narrative(text)) }
        }
        return (BundleEnvelope.Entry(id: id, path: path, status: status, classification: classification, title: narratives), digest)
    }
}
