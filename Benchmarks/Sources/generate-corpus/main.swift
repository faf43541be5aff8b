// generate-corpus: writes N valid partnership records for benchmarking Accord.
//
//   swift run -c release generate-corpus OUTDIR [--count N] [--seed S]
//
// The same count and seed always give the same files, byte for byte: the records come from
// a SplitMix64 generator (not the system's), through Accord's own canonical writer.
import Accord
import Foundation

// MARK: - Deterministic randomness

/// SplitMix64: small, fast, and the same on every platform and Swift version.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SplitMix64 {
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &self) < probability }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    /// `count` distinct items, in a random order.
    mutating func sample<T>(_ items: [T], _ count: Int) -> [T] { Array(items.shuffled(using: &self).prefix(count)) }
}

// MARK: - Dates (days since 1970-01-01), through Accord's own calendar arithmetic

func days(year: Int, month: Int, day: Int) -> Int {
    Timestamp(xsdDateTime: "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T00:00:00Z")!.secondsSinceEpoch / 86_400
}

/// The `YYYY-MM-DD` of a day number.
func isoDate(_ days: Int) -> String {
    Timestamp(secondsSinceEpoch: days * 86_400).date
}

func year(ofDay days: Int) -> Int {
    Int(isoDate(days).prefix(4))!
}

func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
}

// MARK: - Records

/// Fills `{A}`, `{B}`, `{city}` and `{year}` in a phrase.
struct Context {
    var a: String
    var b: String
    var city: String
    var year: Int

    func fill(_ text: String) -> String {
        text.replacingOccurrences(of: "{A}", with: a)
            .replacingOccurrences(of: "{B}", with: b)
            .replacingOccurrences(of: "{city}", with: city)
            .replacingOccurrences(of: "{year}", with: String(year))
    }
}

/// English and the record's second language, saying the same thing.
func bilingual(_ phrase: Phrase, _ second: String, _ context: Context) -> [Narrative] {
    [Narrative(context.fill(phrase.en), language: "en"), Narrative(context.fill(phrase[second]), language: second)]
}

/// English, and the second language as well with the given probability.
func mostlyEnglish(_ phrase: Phrase, _ second: String, _ context: Context, _ probability: Double, _ rng: inout SplitMix64) -> [Narrative] {
    let both = bilingual(phrase, second, context)
    return rng.chance(probability) ? both : [both[0]]
}

/// Several sentences joined into one paragraph per language.
func paragraph(_ phrases: [Phrase], _ second: String, _ context: Context) -> [Narrative] {
    [Narrative(phrases.map { context.fill($0.en) }.joined(separator: " "), language: "en"),
     Narrative(phrases.map { context.fill($0[second]) }.joined(separator: " "), language: second)]
}

/// The statuses, and the life-cycle events each one implies, in order.
func lifecycle(for status: AgreementStatus, _ rng: inout SplitMix64) -> [Event.EventType] {
    var events: [Event.EventType] = [.announcement]
    if rng.chance(0.5) { events.append(.meeting) }
    if rng.chance(0.2) { events.append(.exhibition) }
    if status == .announced { return events }
    events.append(.negotiation)
    if status == .underNegotiation { return events }
    events.append(.signature)
    if status == .signed { return events }
    if status == .ratified || rng.chance(0.5) { events.append(.ratification) }
    if status == .ratified { return events }
    events.append(.entryIntoForce)
    if rng.chance(0.4) { events.append(.exercise) }
    if rng.chance(0.3) { events.append(.delivery) }
    switch status {
    case .suspended: events.append(.suspension)
    case .terminated: events.append(.termination)
    case .expired: events.append(.expiry)
    default: break
    }
    return events
}

func makeRecord(index: Int, previousIds: [String], _ rng: inout SplitMix64) -> PartnershipRecord {
    let second = rng.pick(secondLanguages)
    // Mostly bilateral, as in practice: 2 parties 60%, 3 parties 25%, 4 parties 15%.
    let roll = rng.int(1...100)
    let chosen = rng.sample(countries, roll <= 60 ? 2 : roll <= 85 ? 3 : 4)
    let reporting = chosen[0]
    let orgRef = "\(reporting.alpha2)-MOD"
    let status = rng.pick(AgreementStatus.allCases)
    let multilateral = chosen.count > 2

    // Events, dated in order from a random start.
    var day = days(year: rng.int(2005...2024), month: rng.int(1...12), day: rng.int(1...28))
    let startYear = year(ofDay: day)
    let id = "\(orgRef)-\(startYear)-\(pad(index + 1, 6))"
    let names = chosen.map(\.name)
    let base = Context(a: names[0], b: names[1], city: chosen[1].capital, year: startYear)

    var events: [Event] = []
    for type in lifecycle(for: status, &rng) {
        let host = rng.pick(chosen)
        var context = base
        context.city = host.capital
        context.year = year(ofDay: day)
        if type == .ratification || type == .suspension { context.a = rng.pick(names) }
        let place: Place? = [.entryIntoForce, .termination, .expiry].contains(type) ? nil : Place(country: host.alpha3, locality: host.capital)
        let description = rng.chance(0.8) ? mostlyEnglish(eventSentences[type]!, second, context, 0.3, &rng) : []
        events.append(Event(type: type, date: isoDate(day), place: place, description: description))
        day += rng.int(20...300)
    }
    let lastUpdated = isoDate(day) + "T00:00:00Z"

    let parties = chosen.map { country in
        // The reporting state names its ministry in both languages, the others in English.
        let organisation = bilingual(ministry, second, Context(a: country.name, b: "", city: "", year: startYear))
        return Party(ref: country.alpha3, country: country.alpha3, role: .party,
                     organisation: country.alpha3 == reporting.alpha3 ? organisation : [organisation[0]])
    }

    let officials = (0..<rng.int(2...3)).map { number -> Official in
        // The first officials act for each party in turn.
        let party = number < chosen.count ? chosen[number] : rng.pick(chosen)
        let name: String? = rng.chance(0.85) ? "\(rng.pick(firstNames)) \(rng.pick(lastNames))" : nil
        return Official(party: party.alpha3, role: rng.pick(Official.Role.allCases), name: name,
                        position: mostlyEnglish(rng.pick(positions), second, base, 0.5, &rng))
    }

    let areas = rng.sample(CooperationArea.Code.allCases, rng.int(3...5)).map { code in
        CooperationArea(code: code, status: rng.pick(CooperationArea.Status.allCases),
                        description: rng.chance(0.2) ? mostlyEnglish(rng.pick(areaSentences), second, base, 0.5, &rng) : [])
    }

    let equipment = (0..<rng.int(1...2)).map { _ -> EquipmentItem in
        let pair = rng.sample(chosen, 2)
        let itemStatus = rng.pick(EquipmentItem.Status.allCases)
        let kinds: [EquipmentItem.Quantity.Kind]
        switch itemStatus {
        case .candidate: kinds = [.planned]
        case .ordered: kinds = rng.chance(0.5) ? [.planned, .ordered] : [.ordered]
        case .delivered: kinds = [.planned, .ordered, .delivered]
        case .cancelled: kinds = [.planned]
        }
        var count = rng.int(4...120)
        let quantities = kinds.map { kind -> EquipmentItem.Quantity in
            defer { count = max(1, count - rng.int(0...(count / 2))) }
            return EquipmentItem.Quantity(kind: kind, count: count)
        }
        return EquipmentItem(category: rng.pick(EquipmentItem.Category.allCases), status: itemStatus,
                             supplier: pair[0].alpha3, recipient: pair[1].alpha3,
                             designation: rng.chance(0.8) ? rng.pick(designations) : nil,
                             description: mostlyEnglish(rng.pick(equipmentSentences), second, base, 0.3, &rng),
                             quantities: quantities)
    }

    let objectives = rng.sample(Objective.Code.allCases, rng.int(1...3)).map { code in
        Objective(code: code, party: rng.chance(0.8) ? rng.pick(chosen).alpha3 : nil,
                  description: rng.chance(0.3) ? mostlyEnglish(rng.pick(objectiveSentences), second, base, 0.5, &rng) : [])
    }

    let currencies = ["USD", "EUR", "IDR"]
    let values = (0..<rng.int(1...3)).map { _ -> MonetaryValue in
        let currency = rng.pick(currencies)
        let whole = currency == "IDR" ? rng.int(1_000_000...900_000_000_000) : rng.int(10_000...900_000_000)
        let amount = rng.chance(0.5) ? String(whole) : "\(whole).\(pad(rng.int(0...99), 2))"
        return MonetaryValue(amount: amount, currency: currency, type: rng.pick(MonetaryValue.ValueType.allCases),
                             date: rng.pick(events).date)
    }

    let sources = (0..<rng.int(1...2)).map { number -> SourceDocument in
        let event = rng.pick(events)
        return SourceDocument(kind: rng.pick(SourceDocument.Kind.allCases), date: event.date,
                              url: "https://example.org/accord-corpus/\(id.lowercased())/source-\(number + 1)",
                              title: mostlyEnglish(rng.pick(sourceTitles), second, base, 0.3, &rng), publisher: rng.pick(publishers))
    }

    var related: [RelatedRecord] = []
    if let earlier = previousIds.last, rng.chance(0.2) {
        related.append(RelatedRecord(ref: earlier, relation: rng.pick(RelatedRecord.Relation.allCases)))
    }

    let kinds = Agreement.Kind.allCases.filter { $0 != .undetermined }
    let kind: Agreement.Kind = status == .announced && rng.chance(0.5) ? .undetermined : rng.pick(kinds)
    let classification: ConfidentialityLabel.Classification = rng.chance(0.7) ? .unclassified : rng.pick([.restricted, .confidential])

    return PartnershipRecord(
        language: "en",
        id: id,
        reportingOrganisation: ReportingOrganisation(
            ref: orgRef, country: reporting.alpha3,
            name: bilingual(ministry, second, Context(a: reporting.name, b: "", city: "", year: startYear))),
        lastUpdated: lastUpdated,
        title: bilingual(rng.pick(titles), second, base),
        // The bulk of a record, as in real ones: a long description in both languages.
        description: paragraph(rng.sample(descriptionSentences, rng.int(1...3)), second, base),
        agreement: Agreement(kind: kind, category: multilateral ? .multilateral : .bilateral,
                             name: kind == .undetermined ? [] : mostlyEnglish(rng.pick(titles), second, base, 0.5, &rng)),
        status: status,
        parties: parties,
        officials: officials,
        events: events,
        cooperationAreas: areas,
        equipment: equipment,
        objectives: objectives,
        values: values,
        sources: sources,
        relatedRecords: related,
        // Labelled records are releasable to their parties and to Belarus, the state of the
        // recipient the benchmark packs for, so that release control lets them all through.
        confidentiality: ConfidentialityLabel(policy: orgRef, classification: classification,
                                              releasableTo: classification == .unclassified ? [] : Set(chosen.map(\.alpha3) + ["BLR"]).sorted()))
}

// MARK: - Command line

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: generate-corpus OUTDIR [--count N] [--seed S]\n".utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var count = 10_000
var seed: UInt64 = 2025
var output: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--count":
        guard let value = arguments.first.flatMap({ Int($0) }), value > 0 else { usage() }
        count = value
        arguments.removeFirst()
    case "--seed":
        guard let value = arguments.first.flatMap({ UInt64($0) }) else { usage() }
        seed = value
        arguments.removeFirst()
    case "-h", "--help":
        usage()
    default:
        guard output == nil, !argument.hasPrefix("-") else { usage() }
        output = argument
    }
}
guard let output else { usage() }

do {
    try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
} catch {
    FileHandle.standardError.write(Data("generate-corpus: cannot create \(output): \(error)\n".utf8))
    exit(2)
}

var rng = SplitMix64(seed: seed)
var ids: [String] = []
var totalBytes = 0
var largest = 0
for index in 0..<count {
    let record = makeRecord(index: index, previousIds: ids, &rng)
    ids.append(record.id)
    let bytes = record.xmlBytes()
    totalBytes += bytes.count
    largest = max(largest, bytes.count)
    let path = "\(output)/\(record.id).xml"
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        FileHandle.standardError.write(Data("generate-corpus: cannot write \(path)\n".utf8))
        exit(2)
    }
}
print("\(count) records, \(totalBytes) bytes (\(totalBytes / count) per record, largest \(largest)) in \(output)")
