extension BundlePacker {
    /// Packs records built in code into the file `destination`, as
    /// ``pack(_:attachments:toFile:options:progress:)-1x0s8`` does, on a thread of its own.
    /// Cancelling the calling task stops the work within one record or buffer, leaves
    /// nothing at `destination` (nor any temporary file), and throws `CancellationError`.
    public func pack(
        _ records: [PartnershipRecord], attachments: [PackAttachment] = [], toFile destination: String, options: PackOptions,
        progress: ProgressReports? = nil
    ) async throws -> PackSummary {
        defer { progress?.finish() }
        return try await WorkerThread.run { flag throws(FileError) in
            try Self.unwrapping { () throws(PackError) -> PackSummary in
                try pack({ () throws(FileError) in Self.values(records) }, attachments: attachments, toFile: destination, options: options, progress: progress?.callback, cancellation: flag)
            }
        }.get()
    }

    /// Packs records built in code into a bundle in memory, as
    /// ``pack(_:attachments:options:progress:)-8cf3y`` does, on a thread of its own. Cancelling
    /// the calling task stops the work within one record or buffer and throws
    /// `CancellationError`.
    public func pack(
        _ records: [PartnershipRecord], attachments: [PackAttachment] = [], options: PackOptions, progress: ProgressReports? = nil
    ) async throws -> PackedBundle {
        defer { progress?.finish() }
        return try await WorkerThread.run { flag throws(FileError) in
            try Self.unwrapping { () throws(PackError) -> PackedBundle in
                let memory = MemoryByteSink()
                let summary = try pack(
                    Self.values(records), attachments: attachments, into: .sink(memory, name: "bundle"), options: options,
                    progress: progress?.callback, cancellation: flag)
                return PackedBundle(bytes: memory.bytes, summary: summary)
            }
        }.get()
    }

    /// Runs `body`, passing a cancellation out as the ``FileError`` the worker thread turns
    /// into `CancellationError`, and every other ``PackError`` as the result's failure.
    private static func unwrapping<T>(_ body: () throws(PackError) -> T) throws(FileError) -> Result<T, PackError> {
        do {
            return .success(try body())
        } catch PackError.file(let error) where error.reason == .cancelled {
            throw error
        } catch {
            return .failure(error)
        }
    }
}
