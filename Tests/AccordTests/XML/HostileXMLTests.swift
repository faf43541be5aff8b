@testable import Accord
import Foundation
import AccordTestSupport
import Testing

/// Hostile documents are refused quickly, clearly, and without touching files or the network.
@Suite("Hostile XML")
struct HostileXMLTests {
    private func validate(_ text: String, limits: XMLLimits = .default) -> (RecordValidation, Duration) {
        let clock = ContinuousClock()
        var result: RecordValidation!
        let elapsed = clock.measure {
            result = RecordValidator(limits: limits).validate(Array(text.utf8), file: "hostile.xml")
        }
        return (result, elapsed)
    }

    private func codes(_ result: RecordValidation) -> [DiagnosticCode] { result.diagnostics.map(\.code) }

    @Test("billion laughs")
    func billionLaughs() {
        var entities = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let (result, elapsed) = validate("""
            <?xml version="1.0"?>
            <!DOCTYPE partnershipRecord [
            \(entities)]>
            <partnershipRecord xmlns="urn:accord:partnership-record:1">&lol9;</partnershipRecord>
            """)
        #expect(codes(result) == [.doctypeRefused])
        #expect(result.diagnostics[0].location.line == 2)
        #expect(elapsed < .seconds(1))
    }

    @Test("an external entity naming a local file is never opened")
    func externalEntityToLocalFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A FIFO: any attempt to open it for reading would block, and a reader holding it
        // open would let the non-blocking open for writing below succeed.
        let fifo = folder.appendingPathComponent("secret").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let (result, elapsed) = validate("""
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file://\(fifo)">]>
            <r>&secret;</r>
            """)
        #expect(codes(result) == [.doctypeRefused])
        #expect(elapsed < .seconds(1))
        let writer = open(fifo, O_WRONLY | O_NONBLOCK)
        #expect(writer == -1 && errno == ENXIO, "nobody opened the file")
        if writer >= 0 { close(writer) }
    }

    @Test("an external DTD over http is never fetched")
    func externalDTDOverHTTP() throws {
        let listener = try LoopbackListener()
        let (result, elapsed) = validate("""
            <?xml version="1.0"?>
            <!DOCTYPE partnershipRecord SYSTEM "http://127.0.0.1:\(listener.port)/record.dtd">
            <partnershipRecord xmlns="urn:accord:partnership-record:1"/>
            """)
        #expect(codes(result) == [.doctypeRefused])
        #expect(elapsed < .seconds(1))
        #expect(!listener.receivedConnection, "no connection was attempted")
    }

    @Test("100,000 levels of nesting")
    func deepNesting() {
        let text = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let (result, elapsed) = validate(text)
        #expect(codes(result) == [.nestingTooDeep])
        #expect(elapsed < .seconds(1))
    }

    @Test("nesting is capped at the configured depth, not libxml2's")
    func configuredDepth() throws {
        let record = String(decoding: try Fixtures.bytes(Fixtures.motivatingExample), as: UTF8.self)
        // The example nests five levels deep (partnershipRecord/events/event/place/locality).
        #expect(validate(record, limits: XMLLimits(maxDepth: 4)).0.diagnostics.map(\.code) == [.nestingTooDeep])
        #expect(validate(record, limits: XMLLimits(maxDepth: 5)).0.isValid)
    }

    @Test("an oversize file is refused without being read")
    func oversizeFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(XMLLimits.default.maxBytes) + 1)
        try handle.close()
        let clock = ContinuousClock()
        var result: RecordValidation!
        let elapsed = try clock.measure { result = try RecordValidator().validateRecordFile(atPath: path) }
        #expect(result.diagnostics.map(\.code) == [.documentTooLarge])
        #expect(elapsed < .seconds(1))
        // In memory, the same limit applies before parsing.
        let small = RecordValidator(limits: XMLLimits(maxBytes: 100)).validate(Array(repeating: 0x20, count: 101), file: "m")
        #expect(small.diagnostics.map(\.code) == [.documentTooLarge])
    }

    @Test("a schema import of anything but xml.xsd is refused and reported")
    func schemaImportRefused() {
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
              <xs:include schemaLocation="/etc/passwd"/>
            </xs:schema>
            """
        #expect(throws: SchemaCompilationError.self) {
            try CompiledSchema(Array(schema.utf8), name: "t.xsd", namespace: "urn:t")
        }
        do {
            _ = try CompiledSchema(Array(schema.utf8), name: "t.xsd", namespace: "urn:t")
        } catch {
            #expect(error.messages.contains { $0.contains("refused to load '/etc/passwd'") }, "\(error)")
        }
    }

    @Test("malformed XML: every error with line and column")
    func malformed() {
        let (result, _) = validate("<?xml version=\"1.0\"?>\n<a>\n  <b>\n</a>\n")
        #expect(result.diagnostics.allSatisfy { $0.code == .malformedXML })
        let first = result.diagnostics.first
        #expect(first?.location.line == 4)
        #expect(first?.location.column != nil)
        #expect(first?.message.contains("mismatch") == true)
    }
}

/// A TCP listener on 127.0.0.1 that records whether anyone connected.
final class LoopbackListener {
    let socketDescriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(descriptor, pointer, length) == 0 && listen(descriptor, 4) == 0
                    && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { close(descriptor); throw POSIXError(.EADDRNOTAVAIL) }
        _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
        socketDescriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    var receivedConnection: Bool {
        let client = accept(socketDescriptor, nil, nil)
        if client >= 0 { close(client); return true }
        return false
    }

    deinit { close(socketDescriptor) }
}

@Suite("XML: attributes and namespace declarations per element")
struct AttributeLimitTests {
    static func record(attributes: Int, prefix: String = "a") -> [UInt8] {
        let example = String(decoding: try! Fixtures.bytes(Fixtures.motivatingExample), as: UTF8.self)
        let many = (0..<attributes).map { " \(prefix)\($0)=\"v\"" }.joined()
        // On the record id: the element, not the root, so the scan must find it inside.
        return Array(example.replacingOccurrences(of: "<recordId>", with: "<recordId\(many)>").utf8)
    }

    @Test("100,000 attributes on one element (1 MB) are refused as X007 in well under a second")
    func manyAttributes() {
        let bytes = Self.record(attributes: 100_000)
        let started = ContinuousClock.now
        let result = RecordValidator().validate(bytes, file: "many.xml")
        let took = ContinuousClock.now - started
        #expect(result.diagnostics.map(\.code) == [.tooManyAttributes])
        #expect(result.diagnostics.first?.location.line != nil)
        #expect(took < .seconds(1), "took \(took)")
    }

    @Test("100,000 namespace declarations are refused as X007; 32 pass the scan")
    func manyNamespaces() {
        let bytes = Array(String(decoding: Self.record(attributes: 0), as: UTF8.self)
            .replacingOccurrences(of: "<recordId>", with: "<recordId" + (0..<100_000).map { " xmlns:n\($0)=\"urn:x:\($0)\"" }.joined() + ">").utf8)
        let result = RecordValidator().validate(bytes, file: "ns.xml")
        #expect(result.diagnostics.map(\.code) == [.tooManyAttributes])
        #expect(result.diagnostics.first?.message.contains("namespaces") == true)
        let fine = Array(String(decoding: Self.record(attributes: 0), as: UTF8.self)
            .replacingOccurrences(of: "<recordId>", with: "<recordId" + (0..<32).map { " xmlns:n\($0)=\"urn:x:\($0)\"" }.joined() + ">").utf8)
        #expect(!RecordValidator().validate(fine, file: "ns.xml").diagnostics.contains { $0.code == .tooManyAttributes })
    }

    @Test("the limit is exact: 256 attributes pass the scan, 257 do not; quoted '=', comments and CDATA are not counted")
    func boundary() {
        #expect(AttributeScan.excess(in: Self.record(attributes: 256), limits: .default) == nil)
        #expect(AttributeScan.excess(in: Self.record(attributes: 257), limits: .default) != nil)
        let tricky = Array(("<r a=\"x=y=z\" b='1=2'><!-- <e " + String(repeating: "c=1 ", count: 300) + "> --><![CDATA[<e "
            + String(repeating: "d=1 ", count: 300) + ">]]><?pi " + String(repeating: "e=1 ", count: 300) + "?></r>").utf8)
        #expect(AttributeScan.excess(in: tricky, limits: .default) == nil)
        var small = XMLLimits.default
        small.maxAttributesPerElement = 1
        #expect(AttributeScan.excess(in: Array("<r a='1' b='2'/>".utf8), limits: small)?.line == 1)
    }
}
