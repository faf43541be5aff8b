internal import Crypto

/// The digest algorithms of BagIt manifests that Accord verifies (the names bagit.py knows,
/// as in `manifest-ALGORITHM.txt`).
enum DigestAlgorithm: String, CaseIterable, Hashable, Comparable, Sendable {
    case md5, sha1, sha224, sha256, sha384, sha512

    static func < (lhs: DigestAlgorithm, rhs: DigestAlgorithm) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The name as clerks read it: MD5, SHA-1, SHA-256...
    var displayName: String {
        switch self {
        case .md5: return "MD5"
        case .sha1: return "SHA-1"
        case .sha224: return "SHA-224"
        case .sha256: return "SHA-256"
        case .sha384: return "SHA-384"
        case .sha512: return "SHA-512"
        }
    }

    /// The number of hex digits of a digest.
    var hexLength: Int {
        switch self {
        case .md5: return 32
        case .sha1: return 40
        case .sha224: return 56
        case .sha256: return 64
        case .sha384: return 96
        case .sha512: return 128
        }
    }

    /// The algorithm of a manifest named `PREFIXalgorithm.txt`, if Accord knows it.
    static func of(manifest path: String, prefix: String) -> DigestAlgorithm? {
        DigestAlgorithm(rawValue: String(path.dropFirst(prefix.count).dropLast(4)))
    }
}

/// Running digests of several algorithms over the same bytes.
struct MultiHasher {
    private enum Running {
        case md5(Insecure.MD5), sha1(Insecure.SHA1), sha224(SHA224Hasher), sha256(SHA256), sha384(SHA384), sha512(SHA512)
    }

    private var running: [(DigestAlgorithm, Running)]

    init(_ algorithms: some Sequence<DigestAlgorithm>) {
        running = Set(algorithms).sorted().map { algorithm in
            switch algorithm {
            case .md5: return (algorithm, .md5(Insecure.MD5()))
            case .sha1: return (algorithm, .sha1(Insecure.SHA1()))
            case .sha224: return (algorithm, .sha224(SHA224Hasher()))
            case .sha256: return (algorithm, .sha256(SHA256()))
            case .sha384: return (algorithm, .sha384(SHA384()))
            case .sha512: return (algorithm, .sha512(SHA512()))
            }
        }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        for index in running.indices {
            switch running[index].1 {
            case .md5(var h): h.update(bufferPointer: bytes); running[index].1 = .md5(h)
            case .sha1(var h): h.update(bufferPointer: bytes); running[index].1 = .sha1(h)
            case .sha224(var h): h.update(bytes); running[index].1 = .sha224(h)
            case .sha256(var h): h.update(bufferPointer: bytes); running[index].1 = .sha256(h)
            case .sha384(var h): h.update(bufferPointer: bytes); running[index].1 = .sha384(h)
            case .sha512(var h): h.update(bufferPointer: bytes); running[index].1 = .sha512(h)
            }
        }
    }

    /// Each algorithm's digest in lowercase hex.
    func finalize() -> [DigestAlgorithm: String] {
        var out: [DigestAlgorithm: String] = [:]
        for (algorithm, hasher) in running {
            switch hasher {
            case .md5(let h): out[algorithm] = hexString(h.finalize())
            case .sha1(let h): out[algorithm] = hexString(h.finalize())
            case .sha224(let h): out[algorithm] = hexString(h.finalize())
            case .sha256(let h): out[algorithm] = hexString(h.finalize())
            case .sha384(let h): out[algorithm] = hexString(h.finalize())
            case .sha512(let h): out[algorithm] = hexString(h.finalize())
            }
        }
        return out
    }

    /// The digests of `bytes`.
    static func digests(_ bytes: [UInt8], _ algorithms: some Sequence<DigestAlgorithm>) -> [DigestAlgorithm: String] {
        var hasher = MultiHasher(algorithms)
        bytes.withUnsafeBytes { hasher.update($0) }
        return hasher.finalize()
    }
}

/// SHA-224 (FIPS 180-4: SHA-256 with other initial values, cut to 28 bytes), which
/// swift-crypto does not offer.
struct SHA224Hasher {
    private var state: [UInt32] = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4]
    private var block: [UInt8] = []
    private var length: UInt64 = 0

    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        length &+= UInt64(bytes.count)
        var rest = bytes[...]
        if !block.isEmpty {
            let take = min(64 - block.count, rest.count)
            block += rest.prefix(take)
            rest = rest.dropFirst(take)
            if block.count == 64 { compress(block[...]); block.removeAll(keepingCapacity: true) }
        }
        while rest.count >= 64 {
            compress(Array(rest.prefix(64))[...])
            rest = rest.dropFirst(64)
        }
        block += rest
    }

    private mutating func compress(_ chunk: ArraySlice<UInt8>) {
        var w = [UInt32](repeating: 0, count: 64)
        let base = chunk.startIndex
        for i in 0..<16 {
            w[i] = UInt32(chunk[base + 4 * i]) << 24 | UInt32(chunk[base + 4 * i + 1]) << 16 | UInt32(chunk[base + 4 * i + 2]) << 8 | UInt32(chunk[base + 4 * i + 3])
        }
        func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { x >> n | x << (32 - n) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        for i in 0..<64 {
            let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ Self.k[i] &+ w[i]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            (h, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        for (i, v) in [a, b, c, d, e, f, g, h].enumerated() { state[i] &+= v }
    }

    func finalize() -> [UInt8] {
        var copy = self
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (Int(length % 64) + tail.count) % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
        tail.withUnsafeBytes { copy.update($0) }
        return copy.state.prefix(7).flatMap { v in [UInt8(v >> 24), UInt8(truncatingIfNeeded: v >> 16), UInt8(truncatingIfNeeded: v >> 8), UInt8(truncatingIfNeeded: v)] }
    }
}
