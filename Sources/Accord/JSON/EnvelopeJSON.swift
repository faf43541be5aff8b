/// The JSON form of a bundle envelope (`schemas/bundle-v1.schema.json`).
enum EnvelopeJSON {
    static func value(_ envelope: BundleEnvelope) -> JSONValue {
        var out = JSONObjectBuilder()
        out.add("schemaVersion", envelope.schemaVersion)
        out.add("bundleId", envelope.bundleId)
        out.add("sender", envelope.sender)
        out.add("recipients", .array(envelope.recipients.map(JSONValue.string)))
        out.add("created", envelope.created)
        out.add("confidentiality", RecordJSON.label(envelope.confidentiality))
        out.add("records", .array(envelope.records.map { entry in
            var item = JSONObjectBuilder()
            item.add("id", entry.id)
            item.add("path", entry.path)
            item.add("status", entry.status.rawValue)
            item.add("classification", entry.classification.rawValue)
            item.add("title", RecordJSON.narratives(entry.title))
            return item.value
        }))
        out.add("attachments", .array(envelope.attachments.map(JSONValue.string)))
        return out.value
    }
}
