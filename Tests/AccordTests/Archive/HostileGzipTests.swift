@testable import Accord
import Foundation
import Testing

/// Damaged, padded and explosive gzip data.
@Suite struct HostileGzipTests {
    private let sample = ArchiveTestSupport.sampleData(100_000)

    private func inflate(_ bytes: [UInt8], limits: ArchiveLimits = ArchiveLimits()) throws(ArchiveError) -> [UInt8] {
        try ArchiveTestSupport.readAll(GzipReader(source: MemoryByteSource(bytes), limits: limits))
    }

    @Test func readsWhatItWrote() throws {
        #expect(try inflate(ArchiveTestSupport.gzip(sample)) == sample)
        #expect(try inflate(ArchiveTestSupport.gzip([])) == [])
    }

    @Test func readsConcatenatedMembers() throws {
        let joined = try ArchiveTestSupport.gzip(Array(sample[..<500])) + ArchiveTestSupport.gzip(Array(sample[500...]))
        #expect(try inflate(joined) == sample)
        let trickled = try ArchiveTestSupport.readAll(GzipReader(source: TrickleByteSource(joined)), chunk: 7)
        #expect(trickled == sample)
    }

    @Test func refusesDataThatIsNotGzip() {
        #expect(throws: ArchiveError.notGzip) { try inflate(RawTar.bundle { $0.entry("bundle/a") }) }
        #expect(throws: ArchiveError.notGzip) { try inflate([]) }
        #expect(throws: ArchiveError.notGzip) { try inflate([0x1F]) }
        #expect(throws: ArchiveError.notGzip) { try inflate(Array("PK\u{3}\u{4}zip".utf8)) }
    }

    @Test func refusesABadCRCOrLength() throws {
        let good = try ArchiveTestSupport.gzip(sample)
        for offset in [good.count - 8, good.count - 1] {  // CRC-32, then the length
            var bad = good
            bad[offset] ^= 0x01
            #expect(throws: ArchiveError.gzipChecksumMismatch) { try inflate(bad) }
        }
    }

    @Test func refusesDamagedCompressedData() throws {
        var bad = try ArchiveTestSupport.gzip(sample)
        for offset in stride(from: 20, to: 60, by: 3) { bad[offset] ^= 0x5A }
        let error = #expect(throws: ArchiveError.self) { try inflate(bad) }
        switch error {
        case .gzipCorrupt?, .gzipChecksumMismatch?: break
        default: Issue.record("unexpected \(String(describing: error))")
        }
    }

    @Test func refusesTruncatedData() throws {
        let good = try ArchiveTestSupport.gzip(sample)
        for length in [10, good.count / 2, good.count - 4, good.count - 1] {
            #expect(throws: ArchiveError.gzipTruncated) { try inflate(Array(good.prefix(length))) }
        }
    }

    @Test(arguments: [[0], [0, 0, 0, 0], Array("garbage".utf8), [0x1F], [0x1F, 0x8C]])
    func refusesBytesAfterTheLastMember(trailer: [UInt8]) throws {
        let padded = try ArchiveTestSupport.gzip(sample) + trailer
        #expect(throws: ArchiveError.gzipTrailingData) { try inflate(padded) }
    }

    @Test func refusesATruncatedTarInsideGzip() throws {
        var tar = RawTar()
        tar.folder("bundle/")
        tar.append(RawTar.header(name: Array("bundle/a".utf8), size: 100_000))
        tar.append([UInt8](repeating: 1, count: 1000))
        let gz = try ArchiveTestSupport.gzip(tar.bytes)
        #expect(throws: ArchiveError.truncated(entry: "bundle/a")) { try ArchiveTestSupport.readTarGz(gz) }
    }

    /// 200 MiB of zeros compress to about 200 KiB.
    private static let bomb: [UInt8] = {
        let sink = MemoryByteSink()
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        do {
            let writer = try GzipWriter(sink: sink, level: 9)
            for _ in 0..<200 { try writer.write(zeros) }
            try writer.finish()
        } catch {
            Issue.record("cannot build the bomb: \(error)")
        }
        return sink.bytes
    }()

    @Test func stopsABombAtTheTotalLimit() {
        let limits = ArchiveLimits(maxTotalBytes: 64 << 20, maxCompressionRatio: 1_000_000)
        let clock = ContinuousClock()
        let bomb = Self.bomb
        let elapsed = clock.measure {
            #expect(throws: ArchiveError.tooMuchData(limit: 64 << 20)) { try inflate(bomb, limits: limits) }
        }
        print("gzip bomb (\(bomb.count) bytes → 200 MiB) refused at the 64 MiB total limit in \(elapsed)")
    }

    @Test func stopsABombAtTheRatioLimit() {
        let clock = ContinuousClock()
        let bomb = Self.bomb
        let elapsed = clock.measure {
            let error = #expect(throws: ArchiveError.compressionRatioTooHigh(limit: 200)) { try inflate(bomb) }
            #expect(error?.description.contains("200 times") == true)
        }
        print("gzip bomb refused by the ratio check in \(elapsed)")
    }

    @Test func acceptsOrdinaryRatios() throws {
        // Repetitive XML compresses well, but far less than a bomb.
        let text = ArchiveTestSupport.sampleData(4 << 20)
        #expect(try inflate(ArchiveTestSupport.gzip(text, level: 9)).count == text.count)
    }

    @Test func stopsAnArchiveOfManyTinyEntries() throws {
        let archive = try ArchiveTestSupport.tarGz { (tar) throws(ArchiveError) in
            try tar.addDirectory("bundle", modificationTime: 0)
            for index in 0..<100_000 {
                try tar.addFile("bundle/\(index)", size: 0, modificationTime: 0) { _ throws(ArchiveError) in }
            }
        }
        let limits = ArchiveLimits(maxEntries: 1000)
        #expect(throws: ArchiveError.tooManyEntries(limit: 1000)) { try ArchiveTestSupport.readTarGz(archive, limits: limits) }
        #expect(try ArchiveTestSupport.readTarGz(archive).count == 100_001)
    }

    @Test func refusesAnInvalidLevel() {
        #expect(throws: ArchiveError.misuse(detail: "compression level 10 is not between 0 and 9")) {
            try GzipWriter(sink: MemoryByteSink(), level: 10)
        }
    }
}
