import Accord

/// What the service is started with.
public struct ServiceOptions: Sendable {
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The port to listen on; 0 for any free port.
    public var port = 8080
    /// A folder of partners' public keys (`*.pub`): signatures are checked against it.
    public var trustFolder: String?
    /// Whether a bundle must carry a valid signature by a trusted key.
    public var requireSignature = false
    /// The largest request body accepted, in bytes: a larger `Content-Length` is answered
    /// 413 before anything is read, and a body without one is cut off there.
    public var maxBodyBytes = 256 << 20
    /// The limits applied to each bundle (see `BundleLimits`); a bundle over one is
    /// answered 413.
    public var limits = BundleLimits.default
    /// How long a request may take, its body arriving included: past it the validation is
    /// cancelled and the answer is 408, so that a client that stalls holds nothing for long.
    public var requestTimeout: Duration = .seconds(300)
    /// How long a connection may stay idle (no byte in either direction) before it is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// The most uploads validated at once; one more is answered 503 at once. Each takes a
    /// thread of its own and the memory of one validation.
    public var maxConcurrentUploads = 8

    /// The defaults.
    public init() {}

    /// The validator these options describe.
    public func validator() throws -> BundleValidator {
        var validator = BundleValidator(limits: limits)
        if let trustFolder {
            validator.signatures = SignaturePolicy(trust: try TrustStore(folder: trustFolder), required: requireSignature)
        }
        return validator
    }
}
