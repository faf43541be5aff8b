/// The calendar part of an `xs:date` (`YYYY-MM-DD`, optional time zone), comparable.
///
/// Dates are compared by their calendar day; a time zone, if any, is ignored (it can move
/// a date by less than a day, which no rule here depends on).
struct CalendarDate: Comparable, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int

    init?(_ text: String) {
        var rest = Substring(text)
        let negative = rest.hasPrefix("-")
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: "-", maxSplits: 2)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
              let day = Int(parts[2].prefix(2)) else { return nil }
        self.year = negative ? -year : year
        self.month = month
        self.day = day
    }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    var description: String {
        let pad = { (value: Int, width: Int) in
            String(repeating: "0", count: max(0, width - String(value).count)) + String(value)
        }
        return "\(year < 0 ? "-" : "")\(pad(abs(year), 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
