// The standard library's `withUnsafeBytes` is `rethrows`, which turns a typed error
// into `any Error`; these variants keep the type.

extension Array where Element == UInt8 {
    /// `withUnsafeBytes`, keeping the closure's error type.
    func withRawBytes<Result, Failure: Error>(
        _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeBytes { buffer in
            Swift.Result { () throws(Failure) -> Result in try body(buffer) }
        }.get()
    }

    /// `withUnsafeMutableBytes`, keeping the closure's error type.
    mutating func withMutableRawBytes<Result, Failure: Error>(
        _ body: (UnsafeMutableRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try withUnsafeMutableBytes { buffer in
            Swift.Result { () throws(Failure) -> Result in try body(buffer) }
        }.get()
    }
}
