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
        // Native strings are contiguous UTF-8: walk them without splitting (pack sorts
        // hundreds of thousands of paths with this).
        let contiguous = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in compare(x, y) }
        }
        if let order = contiguous ?? nil { return order }
        let left = a.utf8.split(separator: slash, omittingEmptySubsequences: false)
        let right = b.utf8.split(separator: slash, omittingEmptySubsequences: false)
        for (x, y) in zip(left, right) {
            let order = compareComponents(x, y)
            if order != 0 { return order }
        }
        return left.count - right.count
    }

    private static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        var (startX, startY) = (0, 0)
        while true {
            let endX = x[startX...].firstIndex(of: slash) ?? x.count
            let endY = y[startY...].firstIndex(of: slash) ?? y.count
            let order = compareComponents(x[startX..<endX], y[startY..<endY])
            if order != 0 { return order }
            let (doneX, doneY) = (endX == x.count, endY == y.count)
            if doneX || doneY { return doneX == doneY ? 0 : doneX ? -1 : 1 }
            (startX, startY) = (endX + 1, endY + 1)
        }
    }

    /// Compares two components: by folded form, then as they are.
    static func compareComponents<Component: Collection<UInt8>>(_ x: Component, _ y: Component) -> Int {
        if x.elementsEqual(y) { return 0 }
        if isASCII(x) && isASCII(y) {
            // Lowercasing ASCII is ASCII's own, and ASCII is already in NFC.
            for (p, q) in zip(x, y) where lower(p) != lower(q) { return lower(p) < lower(q) ? -1 : 1 }
            if x.count != y.count { return x.count < y.count ? -1 : 1 }
            return x.lexicographicallyPrecedes(y) ? -1 : 1
        }
        let order = compareBytes(folded(x), folded(y))
        return order != 0 ? order : compareBytes(normalized(string(x)), normalized(string(y)))
    }

    /// Whether two components name the same file on a case-insensitive, normalising file system.
    static func collide<Component: Collection<UInt8>>(_ x: Component, _ y: Component) -> Bool {
        if x.elementsEqual(y) { return true }
        if isASCII(x) && isASCII(y) { return x.count == y.count && zip(x, y).allSatisfy { lower($0) == lower($1) } }
        return folded(x) == folded(y)
    }

    /// The form in which names are compared first: lowercased, in NFC.
    private static func folded<Component: Collection<UInt8>>(_ component: Component) -> [UInt8] {
        normalized(string(component).lowercased())
    }

    /// `text` in Unicode Normalization Form C, as UTF-8. Swift's `<` on strings is not used:
    /// on Swift 6.3 it is not a strict order when one string is a canonical prefix of the
    /// other in another normalisation (`"\u{E9}s"` and `"e\u{301}"` are neither `<` nor
    /// `==`), which would let equivalent names part. The standard library's NFC is public
    /// only under this underscored name (swift-foundation uses it too).
    private static func normalized(_ text: String) -> [UInt8] {
        Array(text._nfcCodeUnits)
    }

    private static func string<Component: Collection<UInt8>>(_ component: Component) -> String {
        String(decoding: component, as: UTF8.self)
    }

    private static func isASCII<Component: Collection<UInt8>>(_ component: Component) -> Bool {
        component.allSatisfy { $0 < 0x80 }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    private static func compareBytes(_ x: [UInt8], _ y: [UInt8]) -> Int {
        x == y ? 0 : x.lexicographicallyPrecedes(y) ? -1 : 1
    }

    private static let slash = UInt8(ascii: "/")
}
