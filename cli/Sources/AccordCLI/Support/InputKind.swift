import Accord

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a path given on the command line holds.
enum InputKind {
    /// A record file, XML or JSON.
    case record
    /// A bundle: a gzip file (by content, not name) or a bag folder.
    case bundle

    /// Tells a bundle from a record: folders are bags; files named like archives, or that
    /// start like gzip or hold a tar header, are bundles (an uncompressed tar is then
    /// reported as "not gzip" rather than as malformed XML); everything else is a record.
    static func of(_ path: String) -> InputKind {
        var status = stat()
        if stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR { return .bundle }
        if [".tar.gz", ".tgz", ".tar"].contains(where: path.hasSuffix) { return .bundle }
        // Non-blocking, so that naming a FIFO does not hang here.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .record }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 512)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count >= 2 && head[0] == 0x1F && head[1] == 0x8B { return .bundle }
        if count == 512 && Array(head[257..<262]) == Array("ustar".utf8) { return .bundle }
        return .record
    }
}
