import Accord

/// Valid partnership records made up from a seed, using every element of the schema, so
/// that round trips are tested on more than the shipped examples.
public struct RecordGenerator: RandomNumberGenerator {
    private var random: SplitMix64

    /// A generator; the same seed gives the same records.
    public init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    public mutating func next() -> UInt64 {
        random.next()
    }

    private mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
    private mutating func chance() -> Bool { next() % 2 == 0 }

    private static let countries = ["IDN", "BLR", "RUS", "MYS", "VNM", "FRA", "DEU", "EST", "FIN", "BRA", "IND", "ZAF"]
    private static let texts = [
        "Cooperation in air-defence maintenance & repair <phase 1>",
        "Kerja sama pertahanan udara",
        "Сотрудничество в области подготовки кадров",
        "Супрацоўніцтва ў галіне ваеннай адукацыі",
        "Échange de personnel \"militaire\"",
    ]

    /// A narrative list with one to three languages; sometimes inheriting the default.
    private mutating func narratives() -> [Narrative] {
        var languages = ["id", "ru", "be", "fr"].shuffled(using: &self)
        let count = Int(next() % 3) + 1
        var items = [Narrative(pick(Self.texts), language: chance() ? "en" : nil)]
        for _ in 1..<count { items.append(Narrative(pick(Self.texts), language: languages.removeLast())) }
        return items
    }

    /// A record whose every optional element is present, with varied content.
    public mutating func record(index: Int) -> PartnershipRecord {
        let countries = Array(Self.countries.shuffled(using: &self).prefix(Int(next() % 3) + 2))
        let parties = countries.map { Party(ref: $0, country: $0, role: .party, organisation: narratives()) }
        let signature = 2000 + Int(next() % 20)
        return PartnershipRecord(
            language: "en",
            id: "XX-MOD-\(signature)-\(index)",
            reportingOrganisation: ReportingOrganisation(ref: "XX-MOD", country: countries[0], name: narratives()),
            lastUpdated: "2025-0\(Int(next() % 9) + 1)-1\(Int(next() % 9))T08:30:00+07:00",
            title: narratives(),
            description: narratives(),
            agreement: Agreement(kind: pick(Agreement.Kind.allCases), category: parties.count == 2 ? .bilateral : .multilateral, name: narratives()),
            status: .inForce,
            parties: parties,
            officials: parties.map { Official(party: $0.ref, role: pick(Official.Role.allCases), name: chance() ? "A. Official" : nil, position: narratives()) },
            events: [
                Event(type: .signature, date: "\(signature)-03-01", place: Place(country: countries[0], locality: "Capital"), description: narratives()),
                Event(type: .ratification, date: "\(signature)-06-01"),
                Event(type: .entryIntoForce, date: "\(signature + 1)-01-01Z", place: Place(country: countries[1])),
                Event(type: pick([.meeting, .exercise, .exhibition, .delivery])),
            ],
            cooperationAreas: CooperationArea.Code.allCases.shuffled(using: &self).prefix(3).map {
                CooperationArea(code: $0, status: pick(CooperationArea.Status.allCases), description: chance() ? narratives() : [])
            },
            equipment: [EquipmentItem(
                category: pick(EquipmentItem.Category.allCases), status: .delivered, supplier: parties[1].ref, recipient: parties[0].ref,
                designation: "Type-\(next() % 100)", description: narratives(),
                quantities: [.init(kind: .ordered, count: Int(next() % 50) + 1), .init(kind: .delivered, count: Int(next() % 50))])],
            objectives: [Objective(code: pick(Objective.Code.allCases), party: parties[0].ref, description: narratives())],
            values: [MonetaryValue(amount: "\(next() % 1_000_000).\(next() % 100)", currency: pick(["USD", "EUR", "IDR", "BYN"]), type: pick(MonetaryValue.ValueType.allCases), date: "\(signature)-03-01")],
            sources: [SourceDocument(kind: pick(SourceDocument.Kind.allCases), date: "\(signature)-03-02", url: "https://example.org/doc/\(index)", title: narratives(), publisher: "Publisher \(index)")],
            relatedRecords: [RelatedRecord(ref: "XX-MOD-\(signature)-\(index + 1000)", relation: pick(RelatedRecord.Relation.allCases))],
            confidentiality: ConfidentialityLabel(policy: "XX-MOD", classification: pick(ConfidentialityLabel.Classification.allCases), releasableTo: countries),
            extensions: [ExtensionElement(xml: "<x:note xmlns:x=\"urn:example:extension\" n=\"\(index)\">a &amp; b</x:note>")]
        )
    }
}
