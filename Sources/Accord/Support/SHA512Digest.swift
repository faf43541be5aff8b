internal import Crypto

/// A running SHA-512 over bytes fed in pieces, and the lowercase hex digest BagIt uses.
struct SHA512Hasher {
    private var hasher = SHA512()

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The digest as 128 lowercase hexadecimal digits.
    func finalizeHex() -> String {
        hexString(hasher.finalize())
    }

    /// The digest of `bytes`, in hex.
    static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA512Hasher()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}

/// Lowercase hexadecimal digits of `bytes`.
func hexString<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for byte in bytes {
        out.append(digits[Int(byte >> 4)])
        out.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
