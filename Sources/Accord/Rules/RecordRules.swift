extension RecordRule {
    /// Every rule Accord applies to a record that the schema has accepted, in code order.
    public static let all: [RecordRule] = [
        supportedSchemaVersion, recordIdPrefix, datesInOrder, distinctParties, partyReferences,
        countryCodes, currencyCodes, uniquePartyReferences, oneNarrativePerLanguage,
        categoryMatchesParties, statusHasEvent, uniqueQuantityKinds, languageTags, placeholdersFilled,
    ]

    /// The text `accord new record` puts where a value is to be written.
    public static let placeholder = "FILL-IN"

    /// R014: no value or text still holds the skeleton's placeholder (``placeholder``), which
    /// some fields would otherwise accept (an organisation id, a party's ref, any narrative).
    /// Walking the whole model is costly, so the rule runs only on a document whose bytes
    /// hold the placeholder at all.
    public static let placeholdersFilled = RecordRule(.placeholderLeft, screen: { $0.contains(bytes: Array(placeholder.utf8)) }) { record in
        var findings: [Finding] = []
        // Each top-level part of the record, searched for the placeholder in any text it holds.
        // Swift names that differ from the element's; the root's own attributes are the root's.
        let elements = ["id": "recordId", "reportingOrganisation": "reportingOrg", "schemaVersion": "", "language": ""]
        for child in Mirror(reflecting: record).children {
            guard let label = child.label, holdsPlaceholder(child.value) else { continue }
            let element = elements[label] ?? label
            let path = element.isEmpty ? root : "\(root)/\(element)"
            findings.append(Finding(path: path, message: "<\(element.isEmpty ? "partnershipRecord" : element)> still holds \(placeholder): write the value it stands for"))
        }
        return findings
    }

    private static func holdsPlaceholder(_ value: Any) -> Bool {
        if let text = value as? String { return text.contains(placeholder) }
        return Mirror(reflecting: value).children.contains { holdsPlaceholder($0.value) }
    }

    private static let root = "/partnershipRecord"

    /// R001: the record's `schemaVersion` is one this library supports.
    public static let supportedSchemaVersion = RecordRule(.unsupportedSchemaVersion) { record in
        guard !PartnershipRecord.supportedSchemaVersions.contains(record.schemaVersion) else { return [] }
        return [Finding(path: root, message: unsupportedVersionMessage(record.schemaVersion))]
    }

    static func unsupportedVersionMessage(_ version: String) -> String {
        let supported = PartnershipRecord.supportedSchemaVersions.sorted().joined(separator: ", ")
        return "schema version \(version) is not supported (this tool reads \(supported)); ask the sender for a record in a supported version or update Accord"
    }

    /// R002: the record id is the reporting organisation's id, a hyphen and a local part.
    public static let recordIdPrefix = RecordRule(.recordIdPrefix) { record in
        let prefix = record.reportingOrganisation.ref + "-"
        guard !(record.id.hasPrefix(prefix) && record.id.count > prefix.count) else { return [] }
        return [Finding(
            path: "\(root)/recordId",
            message: "record id '\(record.id)' must start with the reporting organisation's id followed by a hyphen ('\(prefix)...')")]
    }

    /// R003: signature, ratification, entry into force and the end of the agreement are
    /// dated in that order (events without a date are not compared).
    public static let datesInOrder = RecordRule(.datesOutOfOrder) { record in
        func stage(_ type: Event.EventType) -> Int? {
            switch type {
            case .signature: return 1
            case .ratification: return 2
            case .entryIntoForce: return 3
            case .suspension, .termination, .expiry: return 4
            default: return nil
            }
        }
        let dated = record.events.enumerated().compactMap { index, event -> (index: Int, event: Event, stage: Int, date: CalendarDate)? in
            guard let stage = stage(event.type), let text = event.date, let date = CalendarDate(text) else { return nil }
            return (index, event, stage, date)
        }
        // The latest date of each stage, then for each event the latest of the stages
        // before its own: one pass each, however many events a hostile record lists.
        var latestByStage: [Int: (event: Event, date: CalendarDate)] = [:]
        for item in dated where latestByStage[item.stage].map({ $0.date < item.date }) ?? true {
            latestByStage[item.stage] = (item.event, item.date)
        }
        var findings: [Finding] = []
        for later in dated {
            let candidates = (1..<later.stage).compactMap { latestByStage[$0] }
            guard let earlier = candidates.max(by: { $0.date < $1.date }), later.date < earlier.date else { continue }
            findings.append(Finding(
                path: "\(root)/events/event[\(later.index + 1)]",
                message: "the \(later.event.type.rawValue) is dated \(later.date), before the \(earlier.event.type.rawValue) on \(earlier.date)"))
        }
        return findings
    }

    /// R004: the principal parties (parties and signatories; observers and others do not
    /// count) come from at least two distinct states.
    public static let distinctParties = RecordRule(.tooFewDistinctParties) { record in
        let countries = Set(record.parties.filter { $0.role == .party || $0.role == .signatory }.map(\.country))
        guard countries.count < 2 else { return [] }
        return [Finding(
            path: "\(root)/parties",
            message: "the parties and signatories are all from \(countries.sorted().joined(separator: ", ")); a partnership needs at least two distinct states")]
    }

    /// R005: every party named by an official, an equipment item or an objective is declared.
    public static let partyReferences = RecordRule(.unknownPartyReference) { record in
        let declared = Set(record.parties.map(\.ref))
        let known = declared.sorted().joined(separator: ", ")
        var findings: [Finding] = []
        func check(_ ref: String?, _ path: String, _ what: String) {
            guard let ref, !declared.contains(ref) else { return }
            findings.append(Finding(path: path, message: "\(what) '\(ref)' is not a declared party (declared: \(known))"))
        }
        for (index, official) in record.officials.enumerated() {
            check(official.party, "\(root)/officials/official[\(index + 1)]", "the official's party")
        }
        for (index, item) in record.equipment.enumerated() {
            check(item.supplier, "\(root)/equipment/item[\(index + 1)]", "the supplier")
            check(item.recipient, "\(root)/equipment/item[\(index + 1)]", "the recipient")
        }
        for (index, objective) in record.objectives.enumerated() {
            check(objective.party, "\(root)/objectives/objective[\(index + 1)]", "the objective's party")
        }
        return findings
    }

    /// R006: every country code is an assigned ISO 3166-1 alpha-3 code.
    public static let countryCodes = RecordRule(.unknownCountryCode) { record in
        var findings: [Finding] = []
        func check(_ code: String?, _ path: String) {
            guard let code, CountryCodes.names[code] == nil else { return }
            findings.append(Finding(path: path, message: "'\(code)' is not an ISO 3166-1 alpha-3 country code"))
        }
        check(record.reportingOrganisation.country, "\(root)/reportingOrg")
        for (index, party) in record.parties.enumerated() {
            check(party.country, "\(root)/parties/party[\(index + 1)]")
        }
        for (index, event) in record.events.enumerated() {
            check(event.place?.country, "\(root)/events/event[\(index + 1)]/place")
        }
        for (index, code) in record.confidentiality.releasableTo.enumerated() {
            check(code, "\(root)/confidentiality/releasableTo[\(index + 1)]")
        }
        return findings
    }

    /// The ISO 4217 codes that are not currencies a value can be in: `XXX` (no currency)
    /// and `XTS` (reserved for testing).
    static let refusedCurrencies: Set<String> = ["XXX", "XTS"]

    /// R007: every currency code is an ISO 4217 currency (not XXX, "no currency", nor XTS,
    /// reserved for testing).
    public static let currencyCodes = RecordRule(.unknownCurrencyCode) { record in
        record.values.enumerated().compactMap { index, value in
            guard CurrencyCodes.names[value.currency] == nil || refusedCurrencies.contains(value.currency) else { return nil }
            return Finding(
                path: "\(root)/values/value[\(index + 1)]",
                message: "'\(value.currency)' is not an ISO 4217 currency code")
        }
    }

    /// R008: each party's ref is unique within the record.
    public static let uniquePartyReferences = RecordRule(.duplicatePartyReference) { record in
        var seen: Set<String> = []
        return record.parties.enumerated().compactMap { index, party in
            guard !seen.insert(party.ref).inserted else { return nil }
            return Finding(
                path: "\(root)/parties/party[\(index + 1)]",
                message: "the party ref '\(party.ref)' is used by an earlier party; each party needs its own ref")
        }
    }

    /// R009: no text gives the same language twice.
    public static let oneNarrativePerLanguage = RecordRule(.duplicateNarrativeLanguage) { record in
        var findings: [Finding] = []
        record.forEachNarrativeList { path, narratives in
            guard narratives.count > 1 else { return }
            var seen: Set<String> = []
            // BCP 47 tags are case-insensitive: "EN" and "en" are the same language.
            guard let language = narratives.lazy.map({ ($0.language ?? record.language).lowercased() }).first(where: { !seen.insert($0).inserted }) else { return }
            findings.append(Finding(path: path(), message: "the text is given more than once in language '\(language)'"))
        }
        return findings
    }

    /// R010: a bilateral agreement has exactly two principal parties (parties and
    /// signatories, not observers); a multilateral one has more than two.
    public static let categoryMatchesParties = RecordRule(.categoryPartyCountMismatch) { record in
        let principal = record.parties.filter { $0.role == .party || $0.role == .signatory }.count
        switch record.agreement.category {
        case .bilateral where principal != 2:
            return [Finding(path: "\(root)/agreement", message: "the agreement is bilateral but lists \(principal) parties or signatories")]
        case .multilateral where principal <= 2:
            return [Finding(path: "\(root)/agreement", message: "the agreement is multilateral but lists only \(principal) parties or signatories")]
        default:
            return []
        }
    }

    /// R011: a status that implies an event (signed: a signature, ...) comes with that event.
    public static let statusHasEvent = RecordRule(.statusWithoutEvent) { record in
        let implied: Event.EventType?
        switch record.status {
        case .signed: implied = .signature
        case .ratified: implied = .ratification
        case .inForce: implied = .entryIntoForce
        case .suspended: implied = .suspension
        case .terminated: implied = .termination
        case .expired: implied = .expiry
        case .announced, .underNegotiation: implied = nil
        }
        guard let implied, !record.events.contains(where: { $0.type == implied }) else { return [] }
        return [Finding(
            path: "\(root)/status",
            message: "the status is '\(record.status.rawValue)' but no '\(implied.rawValue)' event is listed")]
    }

    /// R012: an equipment item gives each kind of quantity at most once.
    public static let uniqueQuantityKinds = RecordRule(.duplicateQuantityKind) { record in
        record.equipment.enumerated().compactMap { index, item in
            var seen: Set<EquipmentItem.Quantity.Kind> = []
            guard let position = item.quantities.firstIndex(where: { !seen.insert($0.kind).inserted }) else { return nil }
            let repeated = item.quantities[position]
            return Finding(
                path: "\(root)/equipment/item[\(index + 1)]/quantity[\(position + 1)]",
                message: "the \(repeated.kind.rawValue) quantity is given more than once")
        }
    }
}

extension RecordRule {
    /// R013: the record's default language and every narrative's language are well-formed
    /// BCP 47 tags (the XSD allows an empty `xml:lang`, which would leave text without a language).
    public static let languageTags = RecordRule(.malformedLanguageTag) { record in
        var findings: [Finding] = []
        if !isLanguageTag(record.language) {
            findings.append(Finding(path: root, message: "the default language '\(record.language)' is not a BCP 47 language tag such as 'en' or 'id'"))
        }
        record.forEachNarrativeList { path, narratives in
            for (index, narrative) in narratives.enumerated() {
                guard let language = narrative.language, !isLanguageTag(language) else { continue }
                findings.append(Finding(
                    path: "\(path())/narrative[\(index + 1)]",
                    message: "'\(language)' is not a BCP 47 language tag such as 'en', 'id', 'ru' or 'be'"))
            }
        }
        return findings
    }

    /// The shape of a BCP 47 tag: a 2-3 letter (or 4-8 letter registered) primary subtag,
    /// then subtags of 1-8 letters or digits.
    static func isLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...8).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}

extension PartnershipRecord {
    /// Calls `body` with every non-empty list of narratives in the record and a way to
    /// get its element's XPath (built only when a rule reports something).
    func forEachNarrativeList(_ body: (_ path: () -> String, _ narratives: [Narrative]) -> Void) {
        let root = "/partnershipRecord"
        func visit(_ narratives: [Narrative], _ path: @autoclosure () -> String) {
            if !narratives.isEmpty { withoutActuallyEscaping(path) { body($0, narratives) } }
        }
        visit(reportingOrganisation.name, "\(root)/reportingOrg/name")
        visit(title, "\(root)/title")
        visit(description, "\(root)/description")
        visit(agreement.name, "\(root)/agreement/name")
        for (index, party) in parties.enumerated() { visit(party.organisation, "\(root)/parties/party[\(index + 1)]/organisation") }
        for (index, official) in officials.enumerated() { visit(official.position, "\(root)/officials/official[\(index + 1)]/position") }
        for (index, event) in events.enumerated() { visit(event.description, "\(root)/events/event[\(index + 1)]/description") }
        for (index, area) in cooperationAreas.enumerated() { visit(area.description, "\(root)/cooperationAreas/area[\(index + 1)]/description") }
        for (index, item) in equipment.enumerated() { visit(item.description, "\(root)/equipment/item[\(index + 1)]/description") }
        for (index, objective) in objectives.enumerated() { visit(objective.description, "\(root)/objectives/objective[\(index + 1)]/description") }
        for (index, document) in sources.enumerated() { visit(document.title, "\(root)/sources/document[\(index + 1)]/title") }
    }
}
