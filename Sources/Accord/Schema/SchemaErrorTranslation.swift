/// libxml2's schema-validity errors, said in the words of the person who filled in the
/// record: what is wrong, what is expected, an example of a right value.
///
/// The translation keys on what libxml2 gives in its structured error (the error code, the
/// element or attribute concerned) and reads the value and the lists it names from its
/// text, whose form libxml2 2.9 fixes. What it does not recognise keeps libxml2's words.
/// The original text always travels with the diagnostic (``Diagnostic/technical``).
enum SchemaErrorTranslation {
    /// One schema error as libxml2 raised it.
    struct Raw {
        /// libxml2's error code (`xmlParserErrors`).
        var code: Int32
        /// libxml2's text, namespaces removed.
        var message: String
        /// The element concerned (for an attribute, the element that carries it).
        var element: String?
        /// The attribute concerned, if any (`xml:lang` for the XML namespace's).
        var attribute: String?
        /// The element's parent.
        var parent: String?
    }

    /// What a kind of value is, and an example of a right one.
    struct Kind {
        var what: String
        var example: String
    }

    // libxml2 2.9's codes (xmlerror.h).
    static let datatypeInvalid: Int32 = 1824
    static let listInvalid: Int32 = 1825
    static let lengthInvalid: Int32 = 1830
    static let minLengthInvalid: Int32 = 1831
    static let maxLengthInvalid: Int32 = 1832
    static let minInclusiveInvalid: Int32 = 1833
    static let totalDigitsInvalid: Int32 = 1837
    static let patternInvalid: Int32 = 1839
    static let enumerationInvalid: Int32 = 1840
    static let textNotAllowed: Int32 = 1843
    static let attributeNotAllowed: Int32 = 1866
    static let attributeNotAllowedHere: Int32 = 1867
    static let attributeMissing: Int32 = 1868
    static let elementContent: Int32 = 1871

    private static let date = Kind(what: "a date written year-month-day", example: "2025-07-28")
    private static let timestamp = Kind(
        what: "a date and time with its time zone", example: "2025-07-30T09:00:00Z (UTC), or 2025-07-30T16:00:00+07:00")
    private static let country = Kind(
        what: "a country's ISO 3166-1 alpha-3 code (three capital letters)",
        example: "IDN for Indonesia, BLR for Belarus, GHA for Ghana, GBR for the United Kingdom")
    private static let organisation = Kind(
        what: "an organisation identifier: letters and digits in parts joined by hyphens", example: "ID-MOD or BY-MOD")
    private static let recordId = Kind(
        what: "a record id: the reporting organisation's id, a hyphen, then letters, digits, '.', '_' or '-'",
        example: "ID-MOD-2025-BLR-001")
    private static let localRef = Kind(
        what: "a short reference of letters, digits, '_' or '-', starting with a letter", example: "IDN or party-1")
    private static let language = Kind(what: "a language tag", example: "en, id, ru or be")

    /// The kinds of value, by `element@attribute`, `@attribute` or `element`.
    static let kinds: [String: Kind] = [
        "@date": date,
        "lastUpdated": timestamp, "created": timestamp,
        "@country": country, "releasableTo": country,
        "@currency": Kind(what: "an ISO 4217 currency code (three capital letters)", example: "USD, EUR or IDR"),
        "recordId": recordId, "relatedRecord@ref": recordId,
        "reportingOrg@ref": organisation, "confidentiality@policy": organisation,
        "party@ref": localRef, "@party": localRef, "@supplier": localRef, "@recipient": localRef,
        "@xml:lang": language,
        "value": Kind(what: "an amount in digits, at least 0, with a dot before any decimals (at most 18 digits)", example: "1500000.00"),
        "quantity": Kind(what: "a whole number of at least 1", example: "12"),
        "@schemaVersion": Kind(what: "a version number major.minor", example: "1.0"),
        "@url": Kind(what: "a web address", example: "https://www.antaranews.com/"),
        // The envelope's.
        "bundleId": Kind(what: "a bundle id: letters, digits, '.', '_' and '-', starting with a letter or digit", example: "ID-MOD-20250730T000000Z"),
        "sender@ref": organisation, "recipient@ref": organisation, "recipient@state": country,
        "@attachment": Kind(what: "a file name of letters, digits, '.', '_' or '-' (folders separated by '/')", example: "agreement-text.pdf"),
    ]

    /// The clerk's sentence for `raw`, or nil to keep libxml2's.
    static func translate(_ raw: Raw) -> String? {
        var raw = raw
        // libxml2 reports most attribute errors on the element, naming the attribute in its text.
        if raw.attribute == nil { raw.attribute = quoted(after: ", attribute '", in: raw.message) }
        let element = raw.element ?? quoted(after: "Element '", in: raw.message) ?? "?"
        let subject = raw.attribute.map { "the \($0) of <\(element)>" } ?? "<\(element)>"
        let kind = kinds["\(element)@\(raw.attribute ?? "")"] ?? raw.attribute.flatMap { kinds["@\($0)"] } ?? (raw.attribute == nil ? kinds[element] : nil)
        let value = quoted(after: "The value '", in: raw.message) ?? leadingQuoted(raw.message)
        switch raw.code {
        case datatypeInvalid, listInvalid, patternInvalid:
            guard let value else { return nil }
            if value.isEmpty { return "\(subject) is empty" + (kind.map { "; write \($0.what), such as \($0.example)" } ?? "") }
            guard let kind else { return "\(subject) is '\(value)', which is not in the form this place takes" }
            var sentence = "\(subject) is '\(value)', which is not \(kind.what); write it like \(kind.example)"
            // A country written by its name: say its code.
            if kind.what == country.what, let code = CountryCodes.names.first(where: { $0.value.lowercased() == value.lowercased() })?.key {
                sentence += " (\(value) is \(code))"
            }
            return sentence
        case enumerationInvalid:
            guard let value, let allowed = set(in: raw.message) else { return nil }
            var sentence = "\(subject) is '\(value)', which is not one of the values it can take: \(allowed.joined(separator: ", "))"
            if let near = Spelling.closest(to: value, in: allowed) { sentence += "; did you mean '\(near)'?" }
            return sentence
        case lengthInvalid, minLengthInvalid, maxLengthInvalid:
            if raw.code == minLengthInvalid, let value, value.isEmpty { return "\(subject) is empty; write something in it" }
            let limit = numberQuoted(after: "allowed maximum length of '", in: raw.message) ?? numberQuoted(after: "allowed minimum length of '", in: raw.message)
            let length = numberQuoted(after: "has a length of '", in: raw.message)
            guard let limit, let length else { return nil }
            return raw.code == maxLengthInvalid
                ? "\(subject) is \(length) characters long; at most \(limit) are allowed"
                : "\(subject) is \(length) characters long; at least \(limit) are needed"
        case minInclusiveInvalid:
            guard let value else { return nil }
            return "\(subject) is '\(value)', which is below the smallest allowed (\(kind?.what ?? "see docs/rules.md"))"
        case totalDigitsInvalid:
            guard let value else { return nil }
            return "\(subject) is '\(value)', which has more than 18 digits; no partner could read it without losing precision"
        case textNotAllowed:
            return "<\(element)> holds text, but only other elements go in it (text goes in a <narrative xml:lang=\"…\"> inside it)"
        case attributeMissing:
            guard let missing = quoted(after: "The attribute '", in: raw.message) else { return nil }
            if missing == "xml:lang" {
                return "<\(element)> does not say its language: add xml:lang=\"en\" (or another language tag, such as id, ru or be)"
            }
            let example = (kinds["\(element)@\(missing)"] ?? kinds["@\(missing)"]).map { " (\($0.what), such as \($0.example))" } ?? ""
            return "<\(element)> needs the attribute \(missing)=\"…\"\(example)"
        case attributeNotAllowed, attributeNotAllowedHere:
            guard let extra = quoted(after: "The attribute '", in: raw.message) else { return nil }
            if extra != "xml:lang", extra == "lang" || Spelling.closest(to: extra, in: ["lang", "xml:lang"]) != nil {
                return "<\(element)> has an attribute \(extra)=, which Accord does not know: a language is written xml:lang=\"en\""
            }
            return "<\(element)> has an attribute \(extra)=, which it cannot have here"
        case elementContent:
            return content(raw, element: element)
        default:
            return nil
        }
    }

    /// An element where the schema expects another, or a parent that ends too early.
    private static func content(_ raw: Raw, element: String) -> String? {
        let expected = expectedNames(in: raw.message)
        if raw.message.contains("Missing child element") {
            guard let required = expected?.last else { return "<\(element)> is missing elements it needs" }
            let optional = expected!.dropLast()
            return "<\(element)> is missing <\(required)>, which it needs"
                + (optional.isEmpty ? "" : " (it may also have \(names(optional)) before it)")
        }
        guard raw.message.contains("not expected") else { return nil }
        let parent = raw.parent.map { "<\($0)>" } ?? "the record"
        guard let expected, !expected.isEmpty else {
            return "<\(element)> cannot be in \(parent) here"
        }
        if let near = Spelling.closest(to: element, in: expected) {
            return "<\(element)> is not an element of a record; did you mean <\(near)>?"
        }
        if expected.count == 1 {
            return "\(parent) needs <\(expected[0])> here, before <\(element)>: add it if it is missing, or move it here if it comes later"
        }
        return "<\(element)> cannot come here in \(parent); what comes next must be \(names(expected, joiner: "or")) (the last is required)"
    }

    /// `<a>, <b> and <c>`.
    private static func names(_ names: some Collection<String>, joiner: String = "and") -> String {
        let tagged = names.map { "<\($0)>" }
        guard tagged.count > 1 else { return tagged.first ?? "" }
        return tagged.dropLast().joined(separator: ", ") + " \(joiner) " + tagged.last!
    }

    // MARK: Reading libxml2's text

    /// The text between `prefix` and the next `'`.
    static func quoted(after prefix: String, in message: String) -> String? {
        guard let start = message.firstRange(of: prefix)?.upperBound else { return nil }
        let rest = message[start...]
        guard let end = rest.firstIndex(of: "'") else { return nil }
        return String(rest[..<end])
    }

    private static func numberQuoted(after prefix: String, in message: String) -> Int? {
        quoted(after: prefix, in: message).flatMap { Int($0) }
    }

    /// The value of `'VALUE' is not a valid value of ...` (the message starts with it once
    /// the element prefix is removed).
    private static func leadingQuoted(_ message: String) -> String? {
        guard let range = message.firstRange(of: "' is not a valid value") else { return nil }
        let before = message[..<range.lowerBound]
        guard let open = before.lastIndex(of: "'") else { return nil }
        return String(before[before.index(after: open)...])
    }

    /// The values of `the set {'a', 'b'}`.
    private static func set(in message: String) -> [String]? {
        guard let open = message.firstRange(of: "the set {")?.upperBound, let close = message[open...].firstIndex(of: "}") else { return nil }
        return message[open..<close].split(separator: ",").map { String($0.trimmingPrefix(" ").dropFirst().dropLast()) }
    }

    /// The names of `Expected is ( a )` or `Expected is one of ( a, b )`.
    private static func expectedNames(in message: String) -> [String]? {
        guard let start = message.firstRange(of: "Expected is")?.upperBound,
              let open = message[start...].firstIndex(of: "("), let close = message[open...].firstIndex(of: ")") else { return nil }
        let names = message[message.index(after: open)..<close].split(separator: ",").map { String($0.trimmingCharacters(in: " ")) }
        return names.filter { !$0.isEmpty && !$0.hasPrefix("##") }
    }
}

private extension Substring {
    func trimmingCharacters(in characters: String) -> Substring {
        var text = self
        while let first = text.first, characters.contains(first) { text = text.dropFirst() }
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return text
    }
}
