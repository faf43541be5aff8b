/// The JSON form of a bundle envelope (`schemas/bundle-v1.schema.json`).
enum EnvelopeJSON {
    static func value(_ envelope: BundleEnvelope) -> JSONValue {
        var out = JSONObjectBuilder()
        out.add("schemaVersion", envelope.schemaVersion)
        out.add("bundleId", envelope.bundleId)
        out.add("sender", envelope.sender)
        out.add("recipients", .array(envelope.recipients.map { .string($0.organisation) }))
        // Schema 1.1: each recipient's state, by organisation, where the sender knew it.
        let states = envelope.recipients.compactMap { recipient in recipient.state.map { (recipient.organisation, JSONValue.string($0)) } }
        if !states.isEmpty {
            var object = JSONObjectBuilder()
            for (organisation, state) in states { object.add(organisation, state) }
            out.add("recipientStates", object.value)
        }
        out.add("created", envelope.created)
        out.add("confidentiality", RecordJSON.label(envelope.confidentiality))
        // Without the index (a validation that did not keep it), no index is shown.
        if let records = envelope.records {
            out.add("records", .array(records.map { entry in
            var item = JSONObjectBuilder()
            item.add("id", entry.id)
            item.add("path", entry.path)
            item.add("status", entry.status.rawValue)
            item.add("classification", entry.classification.rawValue)
            item.add("title", RecordJSON.narratives(entry.title))
            return item.value
            }))
        }
        if let attachments = envelope.attachments {
            out.add("attachments", .array(attachments.map(JSONValue.string)))
        }
        return out.value
    }
}
