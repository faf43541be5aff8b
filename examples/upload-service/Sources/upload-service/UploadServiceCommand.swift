import Accord
import ArgumentParser
import Hummingbird
import UploadService

/// `upload-service`: runs the service until interrupted.
@main
struct UploadServiceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upload-service",
        abstract: "Validate Accord bundles streamed over HTTP: POST /bundles answers the JSON report.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 for any free port).")
    var port = 8080
    @Option(name: .customLong("trust"), help: "A folder of partners' public keys (*.pub) to check signatures against.")
    var trustFolder: String?
    @Flag(help: "Refuse a bundle without a valid signature by a trusted key.")
    var requireSignature = false
    @Option(help: "The largest request body accepted, in bytes.")
    var maxBodyBytes = ServiceOptions().maxBodyBytes
    @Option(help: "The most bytes a bundle may unpack to.")
    var maxTotalBytes = BundleLimits.default.maxTotalBytes
    @Option(help: "The most entries a bundle may hold.")
    var maxEntries = BundleLimits.default.maxEntries
    @Option(help: "Seconds a request may take, its body arriving included (408 past it).")
    var requestTimeout = 300
    @Option(help: "Seconds a connection may stay idle before it is closed.")
    var idleTimeout = 30
    @Option(help: "The most uploads validated at once (503 past it).")
    var maxConcurrentUploads = ServiceOptions().maxConcurrentUploads

    func validate() throws {
        if requireSignature && trustFolder == nil { throw ValidationError("--require-signature needs --trust FOLDER.") }
    }

    func run() async throws {
        var options = ServiceOptions()
        options.host = host
        options.port = port
        options.trustFolder = trustFolder
        options.requireSignature = requireSignature
        options.maxBodyBytes = maxBodyBytes
        options.limits.maxTotalBytes = maxTotalBytes
        options.limits.maxEntries = maxEntries
        options.requestTimeout = .seconds(requestTimeout)
        options.idleTimeout = .seconds(idleTimeout)
        options.maxConcurrentUploads = maxConcurrentUploads
        try await UploadService.application(options).runService()
    }
}
