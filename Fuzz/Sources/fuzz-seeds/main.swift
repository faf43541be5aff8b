// Writes the seed corpora of every fuzz target from the repository's examples, at run time,
// so that the seeds follow the formats as they change: ACCORD_FUZZ_EXAMPLES names the
// examples folder, ACCORD_FUZZ_SEEDS the folder that receives one subfolder per target.
//
// This build links libFuzzer, which owns `main`, so the work is done in LLVMFuzzerInitialize
// and the process exits before any fuzzing (scripts/fuzz.sh runs it with -runs=0).
import Accord
@_spi(Fuzzing) import Accord
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt { 0 }

@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    let environment = ProcessInfo.processInfo.environment
    guard let examples = environment["ACCORD_FUZZ_EXAMPLES"], let out = environment["ACCORD_FUZZ_SEEDS"] else {
        FileHandle.standardError.write(Data("fuzz-seeds: set ACCORD_FUZZ_EXAMPLES and ACCORD_FUZZ_SEEDS\n".utf8))
        exit(2)
    }
    do {
        var seeds = Seeds(examples: examples, out: out)
        let count = try seeds.writeAll()
        print("fuzz-seeds: wrote \(count) seeds into \(out)")
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("fuzz-seeds: \(error)\n".utf8))
        exit(1)
    }
}

struct SeedError: Error, CustomStringConvertible {
    var description: String
}

struct Seeds {
    let examples: String
    let out: String
    var written = 0

    init(examples: String, out: String) {
        self.examples = examples
        self.out = out
    }

    mutating func writeAll() throws -> Int {
        let files = FileManager.default
        func xmlFiles(_ folder: String) throws -> [String] {
            try files.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".xml") }.sorted().map { "\(folder)/\($0)" }
        }
        let valid = try xmlFiles(examples)
        let invalid = try xmlFiles("\(examples)/invalid")
        guard !valid.isEmpty else { throw SeedError(description: "no examples in \(examples)") }

        // Records: every example, valid or not, as XML; the valid ones as JSON too (and
        // any JSON example there is).
        var records: [PartnershipRecord] = []
        for path in valid + invalid {
            let bytes = try read(path)
            try write("record-xml", name(path), bytes)
            if let record = try? PartnershipRecord(validatingXML: bytes, file: path) {
                // Some files of invalid/ carry warnings only; they share ids, so they stay out of bundles.
                if valid.contains(path) { records.append(record) }
                try write("record-json", name(path) + ".json", record.jsonBytes())
                try write("record-json", name(path) + ".ndjson", record.jsonBytes(compact: true))
            }
        }
        for path in try files.contentsOfDirectory(atPath: examples).filter({ $0.hasSuffix(".json") }) {
            try write("record-json", path, try read("\(examples)/\(path)"))
        }
        guard !records.isEmpty else { throw SeedError(description: "no valid example record") }

        // Bundles packed with the library: one record alone (small seeds mutate faster), all
        // of them with the attachment they name, and all of them signed.
        let attachmentsFolder = "\(examples)/attachments"
        let attachments = try files.contentsOfDirectory(atPath: attachmentsFolder).sorted().map {
            PackAttachment.bytes(try read("\(attachmentsFolder)/\($0)"), name: $0)
        }
        let created = Timestamp(xsdDateTime: "2025-07-30T00:00:00Z")!
        let options = PackOptions(sender: "ID-MOD", recipients: [BundleEnvelope.Recipient("FI-MOD", state: "FIN")], created: created)
        var signed = options
        signed.signers = [Signer(key: SigningKey(), organisation: "ID-MOD", signedAt: created)]
        let unattached = records.filter { !String(decoding: $0.xmlBytes(), as: UTF8.self).contains("attachment=\"") }
        let bundles: [(String, [UInt8])] = [
            ("one-record", try BundlePacker().pack(Array(unattached.prefix(1)), options: options).bytes),
            ("all-records", try BundlePacker().pack(records, attachments: attachments, options: options).bytes),
            ("signed", try BundlePacker().pack(records, attachments: attachments, options: signed).bytes),
        ]
        for (name, bytes) in bundles {
            try write("bundle", "\(name).tar.gz", bytes)
            try write("gzip", "\(name).tar.gz", bytes)
            guard let tar = FuzzEntryPoints.inflated(bytes), let contents = FuzzEntryPoints.files(ofBundle: bytes) else {
                throw SeedError(description: "the packed bundle \(name) does not read back")
            }
            try write("tar", "\(name).tar", tar)
            for (path, data) in contents {
                let flat = path.replacingOccurrences(of: "/", with: "_")
                switch path {
                case "accord-envelope.xml": try write("envelope", "\(name)-\(flat)", data)
                case "bagit.txt", "bag-info.txt", "manifest-sha512.txt", "tagmanifest-sha512.txt":
                    try write("bagit", "\(name)-\(flat)", data)
                case _ where path.hasPrefix("accord-signatures/"): try write("signature", "\(name)-\(flat)", data)
                default: break
                }
            }
        }
        // Two gzip members one after the other, read as one stream.
        try write("gzip", "two-members.gz", bundles[0].1 + bundles[0].1)
        // Tar forms the packer does not write: a pax header and a GNU long name.
        try write("tar", "pax.tar", Tar.archive([
            Tar.header(name: "PaxHeaders/bag", type: "x", data: Tar.pax([("path", "bag/"), ("mtime", "1753833600.5")])),
            Tar.header(name: "bag/", type: "5"),
            Tar.header(name: "PaxHeaders/f", type: "x", data: Tar.pax([
                ("path", "bag/data/records/" + String(repeating: "long-name-", count: 12) + ".xml"), ("size", "5"), ("uid", "0"), ("uname", "root"),
            ])),
            Tar.header(name: "bag/data/records/short.xml", type: "0", data: Array("<a/>\n".utf8)),
        ]))
        try write("tar", "gnu-long-name.tar", Tar.archive([
            Tar.header(name: "././@LongLink", type: "L", gnu: true, data: Array(("bag/" + String(repeating: "x", count: 120) + "\0").utf8)),
            Tar.header(name: "bag/xxxx", type: "0", gnu: true, data: Array("abc".utf8)),
        ]))
        if let statement = try files.contentsOfDirectory(atPath: "\(out)/signature").first {
            // The statement text alone, as the signature target also reads its input.
            let xml = String(decoding: try read("\(out)/signature/\(statement)"), as: UTF8.self)
            if let start = xml.range(of: "<statement>"), let end = xml.range(of: "</statement>") {
                try write("signature", "statement.txt", Array(xml[start.upperBound..<end.lowerBound].utf8))
            }
        }
        return written
    }

    private func name(_ path: String) -> String {
        path.split(separator: "/").suffix(2).joined(separator: "_")
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw SeedError(description: "cannot read \(path)") }
        return [UInt8](data)
    }

    private mutating func write(_ target: String, _ name: String, _ bytes: [UInt8]) throws {
        let folder = "\(out)/\(target)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data(bytes)) else {
            throw SeedError(description: "cannot write \(folder)/\(name)")
        }
        written += 1
    }
}

/// Just enough of a tar writer for seeds in forms `TarWriter` does not produce.
enum Tar {
    static func header(name: String, type: Character, gnu: Bool = false, data: [UInt8] = []) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ value: [UInt8], at offset: Int) { block.replaceSubrange(offset..<offset + value.count, with: value) }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
        }
        put(Array(name.utf8.prefix(100)), at: 0)
        put(octal(type == "5" ? 0o755 : 0o644, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(data.count, width: 12), at: 124)
        put(octal(1_753_833_600, width: 12), at: 136)
        block[156] = type.asciiValue!
        put(gnu ? Array("ustar  \0".utf8) : Array("ustar\u{0}00".utf8), at: 257)
        put(Array(repeating: 0x20, count: 8), at: 148)
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [0x20], at: 148)
        let padding = (512 - data.count % 512) % 512
        return block + data + [UInt8](repeating: 0, count: padding)
    }

    /// Pax records, each `LENGTH key=value\n` with LENGTH counting itself.
    static func pax(_ records: [(String, String)]) -> [UInt8] {
        records.flatMap { key, value -> [UInt8] in
            let body = " \(key)=\(value)\n"
            var length = body.utf8.count + 1
            while String(length).count + body.utf8.count != length { length += 1 }
            return Array("\(length)\(body)".utf8)
        }
    }

    static func archive(_ headers: [[UInt8]]) -> [UInt8] {
        headers.flatMap { $0 } + [UInt8](repeating: 0, count: 1024)
    }
}
