import Accord
import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// The service's routes:
///
/// - `POST /bundles`: the request body is streamed through the validator as it arrives,
///   without a copy of it being kept anywhere (the stream is not recorded: a bag out of bundle
///   order is refused, `B027`), and the answer is the JSON report of `accord validate
///   --format json` for it: 200 valid, 422 invalid, 413 over a limit, 400 not a bundle.
/// - `GET /health`: 200 `{"status":"ok"}`.
public enum UploadService {
    /// The name diagnostics give an uploaded bundle.
    public static let uploadName = "upload"

    /// The application, ready to run (`try await application.runService()`).
    public static func application(_ options: ServiceOptions) throws -> some ApplicationProtocol {
        let validator = try options.validator()
        let router = Router()
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        let running = NIOLockedValueBox(0)
        router.post("/bundles") { request, _ in
            let admitted = running.withLockedValue { count -> Bool in
                guard count < options.maxConcurrentUploads else { return false }
                count += 1
                return true
            }
            guard admitted else {
                return report(failure: "\(options.maxConcurrentUploads) uploads are being checked; try again shortly", status: .serviceUnavailable)
            }
            defer { running.withLockedValue { $0 -= 1 } }
            return try await answer(request, validator: validator, options: options)
        }
        let idle = TimeAmount.nanoseconds(Int64(options.idleTimeout.components.seconds) * 1_000_000_000)
        return Application(
            router: router, server: .http1(configuration: .init(idleTimeout: idle)),
            configuration: .init(address: .hostname(options.host, port: options.port)))
    }

    /// Validates the body of `request` as it streams in and answers with the report.
    static func answer(_ request: Request, validator: BundleValidator, options: ServiceOptions) async throws -> Response {
        let maxBodyBytes = options.maxBodyBytes
        let declared = request.headers[.contentLength].flatMap { Int($0) }
        if let declared, declared > maxBodyBytes {
            return report(failure: "the body is \(declared) bytes; this service accepts \(maxBodyBytes)", status: .contentTooLarge)
        }
        let body = LimitedBody(body: request.body, limit: maxBodyBytes)
        let validation: BundleValidation
        do {
            // The validation races the request's deadline; the loser is cancelled.
            let outcome = try await withThrowingTaskGroup(of: BundleValidation?.self) { group in
                group.addTask {
                    try await validator.validate(chunks: body, name: uploadName, expectedSize: declared, recorded: false)
                }
                group.addTask {
                    try await Task.sleep(for: options.requestTimeout)
                    return nil
                }
                defer { group.cancelAll() }
                return try await group.next() ?? nil
            }
            guard let outcome else {
                return report(failure: "the request did not complete within \(options.requestTimeout); nothing was kept", status: .requestTimeout)
            }
            validation = outcome
        } catch let error as FileError {
            if case .readerFailed(let message) = error.reason, message == LimitedBody.TooLarge.message(maxBodyBytes) {
                return report(failure: "the body is larger than \(maxBodyBytes) bytes, which this service accepts", status: .contentTooLarge)
            }
            return report(failure: error.problem, status: .badRequest)
        }
        return Response(
            status: status(of: validation), headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: encode(ValidationReport(files: [ValidationReport.Entry(validation)])))))
    }

    /// 200 valid; 413 when a limit was exceeded; 400 when nothing of it could be read as a
    /// bundle (not gzip, not tar, damaged from the start); 422 otherwise.
    public static func status(of validation: BundleValidation) -> HTTPResponse.Status {
        if validation.isValid { return .ok }
        let codes = Set(validation.diagnostics.map(\.code))
        if codes.contains(.archiveLimitExceeded) || codes.contains(.bundleExceedsLimits) { return .contentTooLarge }
        if codes.contains(.damagedArchive) && validation.files.isEmpty && validation.envelope == nil { return .badRequest }
        return .unprocessableContent
    }

    /// A report for a body that could not be validated at all.
    static func report(failure: String, status: HTTPResponse.Status) -> Response {
        let entry = ValidationReport.Entry(file: uploadName, kind: .bundle, valid: false, diagnostics: [], failure: failure)
        return Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(bytes: encode(ValidationReport(files: [entry])))))
    }

    static func encode(_ report: ValidationReport) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(report)) ?? Data("{}".utf8)
    }
}

/// A request body as byte chunks, cut off with an error past `limit` bytes (for a body
/// without a `Content-Length`, or one longer than it said).
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBufferView

    struct TooLarge: Error, CustomStringConvertible {
        let limit: Int
        static func message(_ limit: Int) -> String { "the body is larger than \(limit) bytes" }
        var description: String { Self.message(limit) }
    }

    let body: RequestBody
    let limit: Int

    func makeAsyncIterator() -> Iterator {
        Iterator(inner: body.makeAsyncIterator(), limit: limit)
    }

    struct Iterator: AsyncIteratorProtocol {
        var inner: RequestBody.AsyncIterator
        let limit: Int
        var total = 0

        mutating func next() async throws -> ByteBufferView? {
            guard let buffer = try await inner.next() else { return nil }
            total += buffer.readableBytes
            if total > limit { throw TooLarge(limit: limit) }
            return buffer.readableBytesView
        }
    }
}
