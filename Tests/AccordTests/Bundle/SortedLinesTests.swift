@testable import Accord
import AccordTestSupport
import Testing

@Suite("Bundles: sorted lines on disk")
struct SortedLinesTests {
    @Test("finds every line added and nothing else, across many probes", arguments: [0, 1, 2, 50, 3000])
    func lookups(count: Int) throws {
        var random = SplitMix64(seed: UInt64(count))
        // Names of varied length, some prefixes of others, some differing only in case.
        var names = Set<String>()
        while names.count < count {
            let length = 1 + Int(random.next() % 40)
            var name = "data/attachments/"
            for _ in 0..<length { name.append(Character(UnicodeScalar(UInt8(97 + random.next() % 6)))) }
            names.insert(name)
            if random.next() % 5 == 0 { names.insert(name.uppercased()) }
        }
        let sorted = names.sorted(by: EntryOrder.precedes)
        let lines = try SortedLines(folder: SpoolFile.temporaryFolder)
        for name in sorted { try lines.append(name) }
        for name in sorted { #expect(lines.contains(name), "\(name)") }
        #expect(!lines.hasFailed)
        for name in sorted.prefix(300) {
            for absent in [name + "a", String(name.dropLast()), name + "/x", name.replacingOccurrences(of: "data", with: "dat")]
            where !names.contains(absent) {
                #expect(!lines.contains(absent), "\(absent)")
            }
        }
    }

    @Test("a canonically equivalent spelling is found, as String's == would find it")
    func canonicalEquivalence() throws {
        let names = ((0..<2000).map { "data/attachments/f\($0).txt" } + ["data/attachments/K.txt", "data/attachments/caf\u{E9}.txt"])
            .sorted(by: EntryOrder.precedes)
        let lines = try SortedLines(folder: SpoolFile.temporaryFolder)
        for name in names { try lines.append(name) }
        #expect(lines.contains("data/attachments/\u{212A}.txt"))
        #expect(lines.contains("data/attachments/cafe\u{301}.txt"))
        #expect(!lines.contains("data/attachments/k.txt"))
    }
}
