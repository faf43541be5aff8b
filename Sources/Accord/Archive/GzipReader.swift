internal import CZlib

/// Decompresses gzip data as it is read, strictly and within limits.
///
/// zlib checks each member's CRC-32 and length. Several members one after another (as
/// `cat a.gz b.gz` makes) are read as one stream. Anything after the last member is
/// refused, even zero bytes: some tape tools pad that way, but nothing Accord exchanges
/// does, and accepting it would leave bytes in a received file that nothing checked.
/// `maxTotalBytes` and `maxCompressionRatio` are enforced as data is inflated, counting
/// the bytes zlib actually produces rather than any size the data declares.
final class GzipReader: ByteSource {
    private var source: any ByteSource
    private let limits: ArchiveLimits
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private let input = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 << 10, alignment: 1)
    private var state = State.betweenMembers
    private var totalIn = 0
    private var totalOut = 0

    /// Where the reader is in the gzip stream.
    private enum State {
        /// At the start of the data, or just after a member's trailer.
        case betweenMembers
        case inMember
        case ended
        case failed(ArchiveError)
    }

    /// The most bytes one `inflate` call may produce, so that a bomb is caught after at
    /// most this much output beyond the ratio limit.
    private static let maxOutputPerCall = 1 << 20

    /// Reads gzip data from `source`, within `limits`.
    init<S: ByteSource>(source: S, limits: ArchiveLimits = ArchiveLimits()) {
        self.source = source
        self.limits = limits
        stream.initialize(to: z_stream())
        // windowBits 15 + 16 accepts only the gzip wrapper, and checks its trailer.
        let status = accord_inflate_init2(stream, 15 + 16)
        if status != Z_OK { state = .failed(.zlibFailure(code: status)) }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Inflates up to `buffer.count` bytes into `buffer`; returns 0 at the end of the
    /// last member.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        do throws(ArchiveError) {
            return try inflateSome(into: buffer)
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private func inflateSome(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        guard !buffer.isEmpty else { return 0 }
        while true {
            switch state {
            case .failed(let error): throw error
            case .ended: return 0
            case .betweenMembers:
                guard try startMember() else {
                    state = .ended
                    return 0
                }
                state = .inMember
            case .inMember:
                var inputEnded = false
                if stream.pointee.avail_in == 0 { inputEnded = try refill() == 0 }
                // Even with no input left, zlib may still have output to give.
                let produced = try inflateStep(into: buffer)
                if produced > 0 { return produced }
                if inputEnded, case .inMember = state { throw .gzipTruncated }
            }
        }
    }

    /// Checks that another member starts here; returns false at the end of the data.
    private func startMember() throws(ArchiveError) -> Bool {
        let isFirst = totalIn == 0
        // The two magic bytes may arrive in separate reads.
        while stream.pointee.avail_in < 2 {
            if try refill() == 0 { break }
        }
        let available = Int(stream.pointee.avail_in)
        if available == 0 {
            if isFirst { throw .notGzip }
            return false
        }
        let next = stream.pointee.next_in!
        guard available >= 2, next[0] == 0x1F, next[1] == 0x8B else {
            throw isFirst ? .notGzip : .gzipTrailingData
        }
        if !isFirst, inflateReset(stream) != Z_OK { throw .zlibFailure(code: Z_STREAM_ERROR) }
        return true
    }

    /// Runs inflate once into `buffer`; returns how many bytes it produced.
    private func inflateStep(into buffer: UnsafeMutableRawBufferPointer) throws(ArchiveError) -> Int {
        // One byte more than the limit allows is enough to notice the limit is exceeded.
        let remaining = max(limits.maxTotalBytes - totalOut, 0)
        let allowance = remaining < Self.maxOutputPerCall ? remaining + 1 : Self.maxOutputPerCall
        let capacity = min(buffer.count, allowance)
        let availableBefore = Int(stream.pointee.avail_in)
        stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(capacity)

        let status = inflate(stream, Z_NO_FLUSH)

        totalIn += availableBefore - Int(stream.pointee.avail_in)
        let produced = capacity - Int(stream.pointee.avail_out)
        totalOut += produced
        switch status {
        case Z_OK, Z_BUF_ERROR: break
        case Z_STREAM_END: state = .betweenMembers
        case Z_DATA_ERROR: throw Self.dataError(stream.pointee.msg.map { String(cString: $0) } ?? "")
        case Z_NEED_DICT: throw .gzipCorrupt(detail: "a preset dictionary is required")
        default: throw .zlibFailure(code: status)
        }
        try checkLimits()
        return produced
    }

    /// Throws once the output exceeds `maxTotalBytes`, or, past the first MiB, exceeds
    /// `maxCompressionRatio` times the input consumed, or, past the first MiB of input, is
    /// less than half of it.
    private func checkLimits() throws(ArchiveError) {
        if totalOut > limits.maxTotalBytes { throw .tooMuchData(limit: limits.maxTotalBytes) }
        let (allowed, overflow) = totalIn.multipliedReportingOverflow(by: limits.maxCompressionRatio)
        if totalOut > ArchiveLimits.compressionRatioGrace, !overflow, totalOut > allowed {
            throw .compressionRatioTooHigh(limit: limits.maxCompressionRatio)
        }
        if totalIn > ArchiveLimits.compressionRatioGrace && totalOut < totalIn / 2 {
            throw .tooMuchCompressedData(compressed: totalIn, inflated: totalOut)
        }
    }

    /// Reads more compressed data after what is left unconsumed; returns how much.
    private func refill() throws(ArchiveError) -> Int {
        let left = Int(stream.pointee.avail_in)
        if left > 0, let next = stream.pointee.next_in {
            input.baseAddress!.copyMemory(from: next, byteCount: left)
        }
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: input[left...]))
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = uInt(left + count)
        return count
    }

    /// The error for zlib's `Z_DATA_ERROR`, told apart by zlib's message.
    private static func dataError(_ message: String) -> ArchiveError {
        switch message {
        case "incorrect data check", "incorrect length check": return .gzipChecksumMismatch
        default: return .gzipCorrupt(detail: message.isEmpty ? "invalid compressed data" : message)
        }
    }
}
