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
