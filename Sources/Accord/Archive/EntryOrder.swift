/// The order in which Accord writes the paths of a bag: its archive entries, its manifest
/// lines and its envelope's index.
///
/// Paths are compared component by component; components first by their lowercased
/// form, then as they are, both under Swift's string ordering, for which canonically
/// equivalent spellings (`é` and `e` + U+0301) are equal, as they are for `==`; a path
/// comes before the paths inside it. So everything inside a folder
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
        let (foldedX, foldedY) = (folded(x), folded(y))
        if foldedX != foldedY { return foldedX < foldedY ? -1 : 1 }
        let (plainX, plainY) = (Substring(x), Substring(y))
        return plainX == plainY ? 0 : plainX < plainY ? -1 : 1
    }

    /// Whether two components name the same file on a case-insensitive, normalising file system.
    static func collide(_ x: Substring.UTF8View, _ y: Substring.UTF8View) -> Bool {
        x.elementsEqual(y) || folded(x) == folded(y)
    }

    /// The form in which names are compared: lowercased (canonical equivalence is what
    /// Swift's `==` and `<` on strings already use).
    private static func folded(_ component: Substring.UTF8View) -> String {
        String(Substring(component)).lowercased()
    }

    private static let slash = UInt8(ascii: "/")
}
