#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small file (a key) whole; at most 64 KiB.
func readSmallFile(_ path: String) throws -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw SmallFileError(message: "cannot open: \(String(cString: strerror(errno)))") }
    defer { close(descriptor) }
    var bytes = [UInt8](repeating: 0, count: 64 << 10)
    let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    guard count >= 0 else { throw SmallFileError(message: "cannot read: \(String(cString: strerror(errno)))") }
    return Array(bytes[..<count])
}

struct SmallFileError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
