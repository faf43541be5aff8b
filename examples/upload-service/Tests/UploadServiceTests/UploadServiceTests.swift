import Accord
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import UploadService

#if canImport(Glibc)
import Glibc
#endif

/// Bundles made with the library from the repository's examples.
enum Bundles {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let options = PackOptions(
        sender: "ID-MOD", recipients: [.init("FI-MOD", state: "FIN")], created: Timestamp(xsdDateTime: "2025-07-30T00:00:00Z")!)

    /// The valid examples, packed into memory.
    static let valid: [UInt8] = {
        let folder = examples
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".xml") }.sorted() ?? []
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("upload-service-\(getpid()).tar.gz").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        _ = try! BundlePacker().pack(files.map { folder.appendingPathComponent($0).path }, to: scratch, options: options)
        return [UInt8](FileManager.default.contents(atPath: scratch)!)
    }()

    /// A tar.gz built by Python's tarfile from `script` (which writes to the path `out`).
    static func python(_ script: String) throws -> [UInt8] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("upload-service-py-\(UUID().uuidString).tar.gz")
        defer { try? FileManager.default.removeItem(at: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import io, tarfile, sys\nout = sys.argv[1]\n" + script, out.path]
        try process.run()
        process.waitUntilExit()
        return [UInt8](try Data(contentsOf: out))
    }
}

/// Runs `body` against the service on a loopback port, through async-http-client.
func withService(_ options: ServiceOptions = ServiceOptions(), _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    var options = options
    options.port = 0
    try await UploadService.application(options).test(.ahc(.http)) { client in try await body(client) }
}

/// The report of a response.
func report(_ response: TestResponse) throws -> ValidationReport {
    try JSONDecoder().decode(ValidationReport.self, from: Data(String(buffer: response.body).utf8))
}

/// A TCP connection to the service on loopback, for clients that misbehave.
func connectLoopback(_ port: Int) throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    try #require(connected == 0)
    return socket
}

@Suite("Upload service: bundles streamed over HTTP")
struct UploadServiceTests {
    @Test("GET /health answers 200")
    func health() async throws {
        try await withService { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"ok"}"#)
            }
        }
    }

    @Test("a valid bundle: 200 and the report says valid, as the library does on the same bytes")
    func valid() async throws {
        let expected = try await BundleValidator().validate(.bytes(Bundles.valid, name: UploadService.uploadName))
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: Bundles.valid)) { response in
                #expect(response.status == .ok)
                let report = try report(response)
                #expect(report.valid)
                #expect(report.files.first?.bundleId == expected.envelope?.bundleId)
                #expect(report.files.first?.diagnostics == expected.diagnostics)
            }
        }
    }

    @Test("a bundle damaged on the way (a compressed byte flipped): 422, the damage named")
    func damaged() async throws {
        var flipped = Bundles.valid
        flipped[flipped.count - 30] ^= 0x01
        let bytes = flipped
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .unprocessableContent)
                let report = try report(response)
                #expect(!report.valid)
                #expect(report.files.first?.diagnostics.contains { $0.code == .damagedArchive } == true)
            }
        }
    }

    @Test("a tampered bundle (a record changed, the archive rebuilt in the same order): 422, B012, the record named")
    func tampered() async throws {
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("upload-service-in-\(getpid()).tar.gz")
        try Data(Bundles.valid).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let bytes = try Bundles.python("""
            src = tarfile.open('\(input.path)', 'r:gz')
            with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT) as tar:
                for member in src.getmembers():
                    data = src.extractfile(member).read() if member.isfile() else None
                    if member.name.endswith('.xml') and '/data/records/' in member.name and data is not None:
                        data = data.replace(b'</narrative>', b' (amended)</narrative>', 1)
                        member.size = len(data)
                    tar.addfile(member, io.BytesIO(data) if data is not None else None)
            """)
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .unprocessableContent)
                let diagnostics = try report(response).files.first?.diagnostics ?? []
                #expect(diagnostics.contains { $0.code == .payloadDigestMismatch && $0.location.entry?.hasPrefix("data/records/") == true })
            }
        }
    }

    @Test("a hostile archive (an entry leaving the folder): 422, B001, the entry named")
    func hostile() async throws {
        let bytes = try Bundles.python("""
            data = b'hello'
            with tarfile.open(out, 'w:gz', format=tarfile.PAX_FORMAT) as tar:
                info = tarfile.TarInfo('bundle/../../etc/evil'); info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            """)
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .unprocessableContent)
                let diagnostics = try report(response).files.first?.diagnostics ?? []
                #expect(diagnostics.contains { $0.code == .unsafeArchiveEntry && $0.message.contains("etc/evil") })
            }
        }
    }

    @Test("not a bundle: 400")
    func notABundle() async throws {
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(string: "<partnershipRecord/>")) { response in
                #expect(response.status == .badRequest)
                let diagnostics = try report(response).files.first?.diagnostics ?? []
                #expect(diagnostics.first?.message.contains("not gzip") == true)
            }
        }
    }

    @Test("over a limit: 413, by Content-Length before reading, and by a bundle's own limits as it streams")
    func overLimit() async throws {
        var small = ServiceOptions()
        small.maxBodyBytes = 1000
        try await withService(small) { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: Bundles.valid)) { response in
                #expect(response.status == .contentTooLarge)
                let entry = try report(response).files.first
                #expect(entry?.failure?.contains("1000") == true)
            }
        }
        var few = ServiceOptions()
        few.limits.maxTotalBytes = 20_000
        try await withService(few) { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: Bundles.valid)) { response in
                #expect(response.status == .contentTooLarge)
                let diagnostics = try report(response).files.first?.diagnostics ?? []
                #expect(diagnostics.contains { $0.code == .archiveLimitExceeded })
            }
        }
    }

    @Test("a bag tarred by hand (out of bundle order) is refused, B027: the service writes nothing to disk to read it twice")
    func outOfOrder() async throws {
        let bytes = try Bundles.python("""
            def add(name, data=None):
                info = tarfile.TarInfo(name)
                if data is None:
                    info.type = tarfile.DIRTYPE; info.mode = 0o755; tar.addfile(info)
                else:
                    info.size = len(data); tar.addfile(info, io.BytesIO(data))
            with tarfile.open(out, 'w:gz', format=tarfile.GNU_FORMAT) as tar:
                add('bundle'); add('bundle/data'); add('bundle/data/x.txt', b'x')
                add('bundle/bagit.txt', b'BagIt-Version: 1.0\\nTag-File-Character-Encoding: UTF-8\\n')
            """)
        try await withService { client in
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: bytes)) { response in
                #expect(response.status == .unprocessableContent)
                let codes = try report(response).files.first?.diagnostics.map(\.code)
                #expect(codes == [.streamNotInBundleOrder])
            }
        }
    }

    @Test("a client that stalls half-way past the request's deadline: 408, and the service goes on serving")
    func stalledClientTimesOut() async throws {
        var options = ServiceOptions()
        options.port = 0
        options.requestTimeout = .seconds(1)
        try await UploadService.application(options).test(.live) { client in
            let port = try #require(client.port)
            let socket = try connectLoopback(port)
            defer { close(socket) }
            let head = "POST /bundles HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(Bundles.valid.count)\r\n\r\n"
            let half = Array(head.utf8) + Bundles.valid.prefix(Bundles.valid.count / 2)
            #expect(half.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) } == half.count)
            // The answer comes without the rest of the body.
            var answer = [UInt8](repeating: 0, count: 4096)
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let got = answer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            #expect(got > 0)
            #expect(String(decoding: answer.prefix(max(0, got)), as: UTF8.self).hasPrefix("HTTP/1.1 408"))
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("a client that stops half-way: the service drops it and goes on serving")
    func clientStopsHalfWay() async throws {
        var options = ServiceOptions()
        options.port = 0
        try await UploadService.application(options).test(.live) { client in
            let port = try #require(client.port)
            // Headers promising the whole bundle, half of it, then the connection closed.
            let socket = try connectLoopback(port)
            let head = "POST /bundles HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(Bundles.valid.count)\r\n\r\n"
            let half = Array(head.utf8) + Bundles.valid.prefix(Bundles.valid.count / 2)
            #expect(half.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) } == half.count)
            try await Task.sleep(for: .milliseconds(100))
            close(socket)
            try await Task.sleep(for: .milliseconds(100))
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/bundles", method: .post, body: ByteBuffer(bytes: Bundles.valid)) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
