/// The order in which Accord writes the paths of a bag: its archive entries, its manifest
/// lines and its envelope's index.
///
/// Paths are compared component by component; components first by their lowercased
/// form, then as they are, both in Unicode Normalization Form C and by UTF-8 bytes, so
/// that canonically equivalent spellings (`é` and `e` + U+0301) are equal, as they are for
/// Swift's `==`; a path comes before the paths inside it. So everything inside a folder
/// is contiguous and follows the folder, and two names that would be the same file on a
/// case-insensitive or normalising file system (`A.xml`, `a.xml`) sit next to each other.
///
/// This is what lets a receiver check a bag in bundle order with memory that does not
/// grow with it: collisions show against the previous name alone, and the manifest and
/// the envelope's index can be merged with the payload as it streams.
enum EntryOrder {
    /// Whether `a` comes before `b`.
    static func precedes(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Negative, zero or positive as `a` comes before, equals, or comes after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        let left = a.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let right = b.utf8.split(separator: slash, omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) {
            let order = compareComponents(x, y)
            if order != 0 { return order }
        }
        return left.count - right.count
    }

    /// Compares two components: by folded form, then as they are.
    static func compareComponents(_ x: Substring.UTF8View, _ y: Substring.UTF8View) -> Int {
        if x.elementsEqual(y) { return 0 }
        let order = compareBytes(folded(x), folded(y))
        return order != 0 ? order : compareBytes(normalized(String(Substring(x))), normalized(String(Substring(y))))
    }

    /// Whether two components name the same file on a case-insensitive, normalising file system.
    static func collide(_ x: Substring.UTF8View, _ y: Substring.UTF8View) -> Bool {
        x.elementsEqual(y) || folded(x) == folded(y)
    }

    /// The form in which names are compared first: lowercased, in NFC.
    private static func folded(_ component: Substring.UTF8View) -> [UInt8] {
        normalized(String(Substring(component)).lowercased())
    }

    /// `text` in Unicode Normalization Form C, as UTF-8. Swift's `<` on strings is not used:
    /// on Swift 6.3 it is not a strict order when one string is a canonical prefix of the
    /// other in another normalisation (`"\u{E9}s"` and `"e\u{301}"` are neither `<` nor
    /// `==`), which would let equivalent names part. The standard library's NFC is public
    /// only under this underscored name (swift-foundation uses it too).
    private static func normalized(_ text: String) -> [UInt8] {
        Array(text._nfcCodeUnits)
    }

    private static func compareBytes(_ x: [UInt8], _ y: [UInt8]) -> Int {
        x == y ? 0 : x.lexicographicallyPrecedes(y) ? -1 : 1
    }

    private static let slash = UInt8(ascii: "/")
}
