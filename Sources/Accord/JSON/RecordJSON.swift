/// The JSON form of a partnership record (`docs/json-mapping.md`,
/// `schemas/partnership-record-v1.schema.json`): keys follow the schema's names and
/// order; lists are arrays wherever the schema allows more than one; narratives are
/// `{lang, text}`; dates stay ISO 8601 strings; amounts stay strings.
enum RecordJSON {
    // MARK: Record to JSON

    static func value(_ record: PartnershipRecord) -> JSONValue {
        var out = JSONObjectBuilder()
        out.add("schemaVersion", record.schemaVersion)
        out.add("lang", record.language)
        out.add("recordId", record.id)
        var org = JSONObjectBuilder()
        org.add("ref", record.reportingOrganisation.ref)
        org.add("country", record.reportingOrganisation.country)
        org.add("name", narratives(record.reportingOrganisation.name))
        out.add("reportingOrg", org.value)
        out.add("lastUpdated", record.lastUpdated)
        out.add("title", narratives(record.title))
        out.add("description", narratives(record.description))
        var agreement = JSONObjectBuilder()
        agreement.add("kind", record.agreement.kind.rawValue)
        agreement.add("category", record.agreement.category.rawValue)
        agreement.add("name", narratives(record.agreement.name))
        out.add("agreement", agreement.value)
        out.add("status", record.status.rawValue)
        out.add("parties", .array(record.parties.map { party in
            var item = JSONObjectBuilder()
            item.add("ref", party.ref)
            item.add("country", party.country)
            item.add("role", party.role.rawValue)
            item.add("organisation", narratives(party.organisation))
            return item.value
        }))
        out.add("officials", .array(record.officials.map { official in
            var item = JSONObjectBuilder()
            item.add("party", official.party)
            item.add("role", official.role.rawValue)
            item.add("name", official.name)
            item.add("position", narratives(official.position))
            return item.value
        }))
        out.add("events", .array(record.events.map { event in
            var item = JSONObjectBuilder()
            item.add("type", event.type.rawValue)
            item.add("date", event.date)
            item.add("place", event.place.map { place in
                var value = JSONObjectBuilder()
                value.add("country", place.country)
                value.add("locality", place.locality)
                return value.value
            })
            item.add("description", narratives(event.description))
            return item.value
        }))
        out.add("cooperationAreas", .array(record.cooperationAreas.map { area in
            var item = JSONObjectBuilder()
            item.add("code", area.code.rawValue)
            item.add("status", area.status.rawValue)
            item.add("description", narratives(area.description))
            return item.value
        }))
        out.add("equipment", .array(record.equipment.map { equipment in
            var item = JSONObjectBuilder()
            item.add("category", equipment.category.rawValue)
            item.add("status", equipment.status.rawValue)
            item.add("supplier", equipment.supplier)
            item.add("recipient", equipment.recipient)
            item.add("designation", equipment.designation)
            item.add("description", narratives(equipment.description))
            item.add("quantities", .array(equipment.quantities.map { quantity in
                .object([("kind", .string(quantity.kind.rawValue)), ("count", .number(String(quantity.count)))])
            }))
            return item.value
        }))
        out.add("objectives", .array(record.objectives.map { objective in
            var item = JSONObjectBuilder()
            item.add("code", objective.code.rawValue)
            item.add("party", objective.party)
            item.add("description", narratives(objective.description))
            return item.value
        }))
        out.add("values", .array(record.values.map { value in
            var item = JSONObjectBuilder()
            item.add("amount", value.amount)
            item.add("currency", value.currency)
            item.add("type", value.type.rawValue)
            item.add("date", value.date)
            return item.value
        }))
        out.add("sources", .array(record.sources.map { document in
            var item = JSONObjectBuilder()
            item.add("kind", document.kind.rawValue)
            item.add("date", document.date)
            item.add("url", document.url)
            item.add("attachment", document.attachment)
            item.add("title", narratives(document.title))
            item.add("publisher", document.publisher)
            return item.value
        }))
        out.add("relatedRecords", .array(record.relatedRecords.map { related in
            .object([("ref", .string(related.ref)), ("relation", .string(related.relation.rawValue))])
        }))
        out.add("confidentiality", label(record.confidentiality))
        out.add("extensions", .array(record.extensions.map { .string($0.xml) }))
        return out.value
    }

    static func narratives(_ items: [Narrative]) -> JSONValue {
        .array(items.map(narrative))
    }

    /// One narrative: `{lang?, text}`.
    static func narrative(_ narrative: Narrative) -> JSONValue {
        var item = JSONObjectBuilder()
        item.add("lang", narrative.language)
        item.add("text", narrative.text)
        return item.value
    }

    static func label(_ label: ConfidentialityLabel) -> JSONValue {
        var item = JSONObjectBuilder()
        item.add("policy", label.policy)
        item.add("classification", label.classification.rawValue)
        item.add("releasableTo", .array(label.releasableTo.map(JSONValue.string)))
        return item.value
    }

    // MARK: JSON to record

    static let recordKeys = [
        "schemaVersion", "lang", "recordId", "reportingOrg", "lastUpdated", "title", "description", "agreement", "status",
        "parties", "officials", "events", "cooperationAreas", "equipment", "objectives", "values", "sources",
        "relatedRecords", "confidentiality", "extensions",
    ]

    /// Reads a record; every problem is recorded in `problems` (then the result is meaningless).
    static func record(_ json: JSONValue, problems: JSONProblems) -> PartnershipRecord {
        let root = JSONObjectReader(json, path: "$", keys: recordKeys, problems: problems)
        let org = root.object("reportingOrg", keys: ["ref", "country", "name"], required: true)
        let agreement = root.object("agreement", keys: ["kind", "category", "name"], required: true)
        let label = root.object("confidentiality", keys: labelKeys, required: true)
        return PartnershipRecord(
            schemaVersion: root.string("schemaVersion"),
            language: root.string("lang"),
            id: root.string("recordId"),
            reportingOrganisation: ReportingOrganisation(
                ref: org?.string("ref") ?? "", country: org?.country("country", required: false),
                name: org?.narratives("name", required: true) ?? []),
            lastUpdated: root.string("lastUpdated"),
            title: root.narratives("title", required: true),
            description: root.narratives("description"),
            agreement: Agreement(
                kind: agreement?.code("kind") ?? .other, category: agreement?.code("category") ?? .bilateral,
                name: agreement?.narratives("name") ?? []),
            status: root.code("status"),
            parties: root.array("parties", required: true, minimum: 2).map { item in
                let party = JSONObjectReader(item.value, path: item.path, keys: ["ref", "country", "role", "organisation"], problems: problems)
                return Party(
                    ref: party.string("ref"), country: party.country("country") ?? "", role: party.code("role"),
                    organisation: party.narratives("organisation", required: true))
            },
            officials: root.array("officials").map { item in
                let official = JSONObjectReader(item.value, path: item.path, keys: ["party", "role", "name", "position"], problems: problems)
                return Official(
                    party: official.string("party"), role: official.code("role"), name: official.optionalString("name"),
                    position: official.narratives("position", required: true))
            },
            events: root.array("events").map { item in
                let event = JSONObjectReader(item.value, path: item.path, keys: ["type", "date", "place", "description"], problems: problems)
                let place = event.object("place", keys: ["country", "locality"])
                return Event(
                    type: event.code("type"), date: event.optionalString("date"),
                    place: place.map { Place(country: $0.country("country") ?? "", locality: $0.optionalString("locality")) },
                    description: event.narratives("description"))
            },
            cooperationAreas: root.array("cooperationAreas").map { item in
                let area = JSONObjectReader(item.value, path: item.path, keys: ["code", "status", "description"], problems: problems)
                return CooperationArea(code: area.code("code"), status: area.code("status"), description: area.narratives("description"))
            },
            equipment: root.array("equipment").map { item in
                let equipment = JSONObjectReader(
                    item.value, path: item.path,
                    keys: ["category", "status", "supplier", "recipient", "designation", "description", "quantities"], problems: problems)
                return EquipmentItem(
                    category: equipment.code("category"), status: equipment.code("status"),
                    supplier: equipment.optionalString("supplier"), recipient: equipment.optionalString("recipient"),
                    designation: equipment.optionalString("designation"), description: equipment.narratives("description"),
                    quantities: equipment.array("quantities").map { entry in
                        let quantity = JSONObjectReader(entry.value, path: entry.path, keys: ["kind", "count"], problems: problems)
                        return EquipmentItem.Quantity(kind: quantity.code("kind"), count: quantity.integer("count", in: 0...999_999_999))
                    })
            },
            objectives: root.array("objectives").map { item in
                let objective = JSONObjectReader(item.value, path: item.path, keys: ["code", "party", "description"], problems: problems)
                return Objective(code: objective.code("code"), party: objective.optionalString("party"), description: objective.narratives("description"))
            },
            values: root.array("values").map { item in
                let value = JSONObjectReader(item.value, path: item.path, keys: ["amount", "currency", "type", "date"], problems: problems)
                let currency = value.string("currency")
                if !currency.isEmpty && CurrencyCodes.names[currency] == nil {
                    problems.add("\(item.path).currency", "expected an ISO 4217 currency code (such as USD, EUR or IDR), found '\(currency)'")
                }
                return MonetaryValue(amount: canonicalDecimal(value.string("amount")), currency: currency, type: value.code("type"), date: value.optionalString("date"))
            },
            sources: root.array("sources").map { item in
                let document = JSONObjectReader(
                    item.value, path: item.path, keys: ["kind", "date", "url", "attachment", "title", "publisher"], problems: problems)
                return SourceDocument(
                    kind: document.code("kind"), date: document.optionalString("date"), url: document.optionalString("url"),
                    attachment: document.optionalString("attachment"), title: document.narratives("title", required: true),
                    publisher: document.optionalString("publisher"))
            },
            relatedRecords: root.array("relatedRecords").map { item in
                let related = JSONObjectReader(item.value, path: item.path, keys: ["ref", "relation"], problems: problems)
                return RelatedRecord(ref: related.string("ref"), relation: related.code("relation"))
            },
            confidentiality: label.map { self.label($0, problems: problems) }
                ?? ConfidentialityLabel(policy: "", classification: .unclassified),
            extensions: root.array("extensions").map { item in
                guard case .string(let xml) = item.value else {
                    problems.add(item.path, "expected a string holding one XML element, found \(item.value.kind)")
                    return ExtensionElement(xml: "")
                }
                return ExtensionElement(xml: xml)
            })
    }

    /// The keys of a confidentiality label.
    static let labelKeys = ["policy", "classification", "releasableTo"]

    /// Reads a confidentiality label from the object `reader` stands on.
    static func label(_ reader: JSONObjectReader, problems: JSONProblems) -> ConfidentialityLabel {
        ConfidentialityLabel(
            policy: reader.string("policy"), classification: reader.code("classification"),
            releasableTo: reader.array("releasableTo").map { item in
                guard case .string(let code) = item.value else {
                    problems.add(item.path, "expected a string, found \(item.value.kind)")
                    return ""
                }
                if CountryCodes.names[code] == nil {
                    problems.add(item.path, "expected an ISO 3166-1 alpha-3 code (such as IDN or BLR), found '\(code)'")
                }
                return code
            })
    }

    /// Reads one `{lang?, text}` narrative.
    static func narrative(_ value: JSONValue, path: String, problems: JSONProblems) -> Narrative {
        let reader = JSONObjectReader(value, path: path, keys: ["lang", "text"], problems: problems)
        return Narrative(reader.string("text"), language: reader.optionalString("lang"))
    }

    /// Reads a record as ``record(_:problems:)`` does, and checks each extension: it must be
    /// exactly one well-formed element from a namespace other than the record's, and is
    /// kept in the canonical form Accord writes, so that it cannot smuggle markup into the
    /// record around it.
    static func checkedRecord(_ json: JSONValue, problems: JSONProblems) -> PartnershipRecord {
        var record = record(json, problems: problems)
        record.extensions = record.extensions.enumerated().map { index, element in
            ExtensionElement(xml: canonicalExtension(element.xml, path: "$.extensions[\(index)]", problems: problems))
        }
        return record
    }

    private static func canonicalExtension(_ xml: String, path: String, problems: JSONProblems) -> String {
        LibXML.withScope { _ in
            let parsed = SafeXMLParser.parse(Array(xml.utf8), file: path, limits: .default)
            guard let document = parsed.document, let root = document.tree(homeNamespace: PartnershipRecord.namespace),
                  let canonical = root.foreignXML else {
                let reason = parsed.diagnostics.first?.message ?? "it is in the record's own namespace or in none"
                problems.add(path, "expected one XML element from another namespace: \(reason)")
                return ""
            }
            return canonical
        }
    }
}
