@testable import Accord
import AccordTestSupport
import Foundation
import Testing

/// Helpers shared by the archive tests.
enum ArchiveTestSupport {
    /// An entry read back, with its data.
    struct ReadEntry: Equatable {
        var entry: TarEntry
        var data: [UInt8]
    }

    /// Reads every entry of a tar archive and its data.
    static func readTar(_ tar: [UInt8], limits: ArchiveLimits = ArchiveLimits()) throws(ArchiveError) -> [ReadEntry] {
        try drain(TarReader(source: MemoryByteSource(tar), limits: limits))
    }

    /// Reads every entry of a gzip-compressed tar archive and its data.
    static func readTarGz(_ bytes: [UInt8], limits: ArchiveLimits = ArchiveLimits()) throws(ArchiveError) -> [ReadEntry] {
        let gzip = GzipReader(source: MemoryByteSource(bytes), limits: limits)
        return try drain(TarReader(source: gzip, limits: limits))
    }

    /// Reads every entry `reader` gives, and its data.
    static func drain(_ reader: TarReader) throws(ArchiveError) -> [ReadEntry] {
        var result: [ReadEntry] = []
        var buffer = [UInt8](repeating: 0, count: 1000)
        while let entry = try reader.next() {
            var data: [UInt8] = []
            while true {
                let count = try buffer.withMutableRawBytes { (raw) throws(ArchiveError) in try reader.read(into: raw) }
                if count == 0 { break }
                data += buffer[..<count]
            }
            result.append(ReadEntry(entry: entry, data: data))
        }
        return result
    }

    /// Everything `source` gives, read in chunks of `chunk` bytes.
    static func readAll(_ source: some ByteSource, chunk: Int = 1 << 20) throws(ArchiveError) -> [UInt8] {
        var source = source
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = try buffer.withMutableRawBytes { (raw) throws(ArchiveError) in try source.read(into: raw) }
            if count == 0 { return result }
            result += buffer[..<count]
        }
    }

    /// `bytes` compressed as one gzip member.
    static func gzip(_ bytes: [UInt8], level: Int = 6) throws(ArchiveError) -> [UInt8] {
        let sink = MemoryByteSink()
        let writer = try GzipWriter(sink: sink, level: level)
        try writer.write(bytes)
        try writer.finish()
        return sink.bytes
    }

    /// A gzip-compressed tar archive of what `build` adds.
    static func tarGz(level: Int = 6, _ build: (TarWriter) throws(ArchiveError) -> Void) throws(ArchiveError) -> [UInt8] {
        let sink = MemoryByteSink()
        let gzip = try GzipWriter(sink: sink, level: level)
        let tar = TarWriter(sink: gzip)
        try build(tar)
        try tar.finish()
        try gzip.finish()
        return sink.bytes
    }

    /// Checks that reading `tar` (uncompressed) fails with exactly `expected`, and that
    /// the message quotes `entry` when given.
    static func expectRefusal(
        _ tar: [UInt8], _ expected: ArchiveError, naming entry: String? = nil,
        limits: ArchiveLimits = ArchiveLimits(), sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let error = #expect(throws: ArchiveError.self, sourceLocation: sourceLocation) {
            _ = try readTar(tar, limits: limits)
        }
        #expect(error == expected, sourceLocation: sourceLocation)
        if let entry {
            #expect(error?.description.contains("'\(entry)'") == true, "\(String(describing: error))",
                    sourceLocation: sourceLocation)
        }
    }

    /// `count` bytes of XML-like records, compressing about as well as real ones.
    static func recordLikeData(_ count: Int) -> [UInt8] {
        let words = ["Jakarta", "Minsk", "agreement", "signed", "ministry", "cooperation", "education", "trade",
                     "health", "culture", "memorandum", "partnership", "delegation", "2025", "Belarus", "Indonesia"]
        var state: UInt64 = 7
        var result: [UInt8] = []
        result.reserveCapacity(count + 200)
        var index = 0
        while result.count < count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let a = words[Int(state >> 60)], b = words[Int((state >> 56) & 15)], amount = (state >> 20) % 1_000_000
            result += Array("<record id=\"\(index)\"><title>\(a) \(b)</title><amount currency=\"EUR\">\(amount)</amount></record>\n".utf8)
            index += 1
        }
        return Array(result.prefix(count))
    }

    /// `count` bytes of varied, moderately compressible data.
    static func sampleData(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
        var state = seed
        let words = Array("<record><agreement status=\"signed\">Jakarta Minsk 2025</agreement></record>\n".utf8)
        return (0..<count).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return index % 7 == 0 ? UInt8(truncatingIfNeeded: state >> 33) : words[index % words.count]
        }
    }
}

/// A source that gives at most one byte per read, to exercise every buffer boundary.
struct TrickleByteSource: ByteSource {
    var inner: MemoryByteSource

    init(_ bytes: [UInt8]) {
        inner = MemoryByteSource(bytes)
    }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        try inner.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer.prefix(1)))
    }
}

/// GNU tar and gzip, run as external programs (through the suite's shared `ExternalTool`).
enum ArchiveTools {
    /// Whether GNU tar (not bsdtar) and gzip are installed.
    static let gnuTarAvailable: Bool = {
        guard ExternalTool.available("tar"), ExternalTool.available("gzip"),
              let version = try? run("tar", ["--version"]) else { return false }
        return version.output.contains("GNU tar")
    }()

    /// Runs `tool` with a UTF-8 locale and returns its status and output (stdout, then stderr).
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ExternalTool.run(tool, arguments, environment: ["LC_ALL": "C.UTF-8"])
        return (result.status, result.standardOutput + result.standardError)
    }
}
