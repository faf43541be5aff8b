extension Array where Element == UInt8 {
    /// Whether `needle` occurs in these bytes (an empty needle does not).
    func contains(bytes needle: [UInt8]) -> Bool {
        guard let first = needle.first, count >= needle.count else { return false }
        var index = 0
        while let start = self[index...].firstIndex(of: first), start + needle.count <= count {
            if self[start..<start + needle.count].elementsEqual(needle) { return true }
            index = start + 1
        }
        return false
    }
}
