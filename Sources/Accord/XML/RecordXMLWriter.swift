/// Writes a ``PartnershipRecord`` as canonical XML: UTF-8, elements in schema order,
/// attributes in a fixed order, two-space indentation, the namespace declared once on
/// the root. The same record always gives the same bytes.
enum RecordXMLWriter {
    static func write(_ record: PartnershipRecord) -> [UInt8] {
        let out = XMLTextWriter()
        out.startElement("partnershipRecord")
        out.attribute("xmlns", PartnershipRecord.namespace)
        out.attribute("schemaVersion", record.schemaVersion)
        out.attribute("xml:lang", record.language)

        out.element("recordId", text: record.id)
        out.startElement("reportingOrg")
        out.attribute("ref", record.reportingOrganisation.ref)
        out.attribute("country", record.reportingOrganisation.country)
        narratives("name", record.reportingOrganisation.name, out)
        out.endElement()
        out.element("lastUpdated", text: record.lastUpdated)
        narratives("title", record.title, out)
        narratives("description", record.description, out)

        out.startElement("agreement")
        out.attribute("kind", record.agreement.kind.rawValue)
        out.attribute("category", record.agreement.category.rawValue)
        narratives("name", record.agreement.name, out)
        out.endElement()
        out.element("status", text: record.status.rawValue)

        list("parties", "party", record.parties, out) { party in
            out.attribute("ref", party.ref)
            out.attribute("country", party.country)
            out.attribute("role", party.role.rawValue)
            narratives("organisation", party.organisation, out)
        }
        list("officials", "official", record.officials, out) { official in
            out.attribute("party", official.party)
            out.attribute("role", official.role.rawValue)
            out.element("name", text: official.name)
            narratives("position", official.position, out)
        }
        list("events", "event", record.events, out) { event in
            out.attribute("type", event.type.rawValue)
            out.attribute("date", event.date)
            if let place = event.place {
                out.startElement("place")
                out.attribute("country", place.country)
                out.element("locality", text: place.locality)
                out.endElement()
            }
            narratives("description", event.description, out)
        }
        list("cooperationAreas", "area", record.cooperationAreas, out) { area in
            out.attribute("code", area.code.rawValue)
            out.attribute("status", area.status.rawValue)
            narratives("description", area.description, out)
        }
        list("equipment", "item", record.equipment, out) { item in
            out.attribute("category", item.category.rawValue)
            out.attribute("status", item.status.rawValue)
            out.attribute("supplier", item.supplier)
            out.attribute("recipient", item.recipient)
            out.element("designation", text: item.designation)
            narratives("description", item.description, out)
            for quantity in item.quantities {
                out.element("quantity", text: String(quantity.count), attributes: [("kind", quantity.kind.rawValue)])
            }
        }
        list("objectives", "objective", record.objectives, out) { objective in
            out.attribute("code", objective.code.rawValue)
            out.attribute("party", objective.party)
            narratives("description", objective.description, out)
        }
        list("values", "value", record.values, out) { value in
            out.attribute("currency", value.currency)
            out.attribute("type", value.type.rawValue)
            out.attribute("date", value.date)
            out.text(value.amount)
        }
        list("sources", "document", record.sources, out) { document in
            out.attribute("kind", document.kind.rawValue)
            out.attribute("date", document.date)
            out.attribute("url", document.url)
            out.attribute("attachment", document.attachment)
            narratives("title", document.title, out)
            out.element("publisher", text: document.publisher)
        }
        list("relatedRecords", "relatedRecord", record.relatedRecords, out) { related in
            out.attribute("ref", related.ref)
            out.attribute("relation", related.relation.rawValue)
        }

        label(record.confidentiality, out)

        if !record.extensions.isEmpty {
            out.startElement("extensions")
            for element in record.extensions { out.raw(element.xml) }
            out.endElement()
        }
        return out.finish()
    }

    /// `<confidentiality policy classification><releasableTo/>...</confidentiality>`, as the
    /// record and the envelope both write it.
    static func label(_ label: ConfidentialityLabel, _ out: XMLTextWriter) {
        out.startElement("confidentiality")
        out.attribute("policy", label.policy)
        out.attribute("classification", label.classification.rawValue)
        for country in label.releasableTo {
            out.element("releasableTo", text: country)
        }
        out.endElement()
    }

    private static func narratives(_ name: String, _ items: [Narrative], _ out: XMLTextWriter) {
        guard !items.isEmpty else { return }
        out.startElement(name)
        for item in items {
            out.element("narrative", text: item.text, attributes: [("xml:lang", item.language)])
        }
        out.endElement()
    }

    private static func list<Item>(
        _ container: String, _ itemName: String, _ items: [Item], _ out: XMLTextWriter, _ body: (Item) -> Void
    ) {
        guard !items.isEmpty else { return }
        out.startElement(container)
        for item in items {
            out.startElement(itemName)
            body(item)
            out.endElement()
        }
        out.endElement()
    }
}

extension PartnershipRecord {
    /// The record as canonical XML, as bundles store it (`docs/bundle-format.md`). The bytes are not validated
    /// here: ``RecordValidator`` checks a record before it is exchanged.
    public func xmlBytes() -> [UInt8] {
        RecordXMLWriter.write(self)
    }
}
