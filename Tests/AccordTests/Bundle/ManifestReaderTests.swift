@testable import Accord
import AccordTestSupport
import Testing

@Suite("Bundles: reading a manifest in pieces")
struct ManifestReaderTests {
    private static let digest = String(repeating: "ab", count: 64)
    private static let text = Array((
        "\(digest)  data/records/A.xml\r\n"
        + "\(digest)  data/records/B%25.xml\r"
        + "\(digest) data/records/C.xml\n"
        + "\n"
        + "notaline\n"
        + "\(digest)  data/../x\n"
        + "\(digest)  data/records/D.xml"
    ).utf8)

    private func lines(chunks: [ArraySlice<UInt8>]) -> [String] {
        var remaining = chunks[...]
        var reader = ManifestReader { remaining.popFirst() }
        var found: [String] = []
        while let line = reader.next() {
            switch line {
            case .entry(let number, let path, _): found.append("\(number): \(path)")
            case .problem(let problem): found.append("\(problem.line): \(problem.message)")
            }
        }
        return found
    }

    @Test("the same lines whatever the chunks; LF, CR LF and CR all end a line; an empty line is reported")
    func chunking() {
        let whole = lines(chunks: [Self.text[...]])
        #expect(whole.count == 7)
        #expect(whole[0] == "1: data/records/A.xml")
        #expect(whole[1] == "2: data/records/B%.xml")
        #expect(whole[2] == "3: data/records/C.xml")
        #expect(whole[3] == "4: empty line")
        #expect(whole[4].hasPrefix("5: expected 'digest path'"))
        #expect(whole[5].hasPrefix("6: unsafe path"))
        #expect(whole[6] == "7: data/records/D.xml")
        for size in [1, 2, 3, 7, 128, 129, 130] {
            let chunks = stride(from: 0, to: Self.text.count, by: size).map { Self.text[$0..<min($0 + size, Self.text.count)] }
            #expect(lines(chunks: chunks) == whole, "chunks of \(size)")
        }
    }
}
