/// Converts a bundle to JSON: one document `{"envelope": ..., "records": [...]}`, or
/// NDJSON with one record per line.
///
/// The bundle is validated first, in full (the same checks as ``BundleValidator``); an
/// invalid bundle is not converted and nothing is written. A second streaming pass then
/// writes the records one at a time, so memory never holds more than one record. With
/// NDJSON, memory does not grow with the bundle at all (for a bundle in bundle order, see
/// ``BundleValidator``); one JSON document begins with the envelope's whole index, which is
/// therefore kept (a few kilobytes per record).
public struct BundleJSONConverter: Sendable {
    /// Checks the bundle before anything is converted.
    public var validator: BundleValidator

    /// Creates a converter.
    public init(validator: BundleValidator = BundleValidator()) {
        self.validator = validator
    }

    /// Validates `bundle`, then, when it is valid, passes its JSON to `output` in pieces.
    /// Returns the validation; `output` is called only for a valid bundle. Both passes read
    /// the same open file; if its bytes change in between, ``FileError`` is thrown at the
    /// end (a caller writing to a file then discards it; see ``BundleValidator``).
    public func convert(
        _ bundle: String, ndjson: Bool, progress: (@Sendable (ProgressReport) -> Void)? = nil,
        output: (_ bytes: [UInt8]) throws(FileError) -> Void
    ) throws(FileError) -> BundleValidation {
        try convert(.file(bundle), ndjson: ndjson, progress: progress, output: output)
    }

    /// Validates the bundle `source` gives (a file, bytes, or a recorded stream), then,
    /// when it is valid, passes its JSON to `output` in pieces, as
    /// ``convert(_:ndjson:progress:output:)-(String,_,_,_)`` does.
    public func convert(
        _ source: BundleSource, ndjson: Bool, progress: (@Sendable (ProgressReport) -> Void)? = nil,
        output: (_ bytes: [UInt8]) throws(FileError) -> Void
    ) throws(FileError) -> BundleValidation {
        try convert(validator.input(source, hashes: true), ndjson: ndjson, progress: progress, output: output)
    }

    /// Converts `input`; what every public form ends in.
    func convert(
        _ input: BundleInput, ndjson: Bool, progress: (@Sendable (ProgressReport) -> Void)?,
        output: (_ bytes: [UInt8]) throws(FileError) -> Void
    ) throws(FileError) -> BundleValidation {
        var validation: BundleValidation?
        var validator = validator
        // One JSON document holds the envelope's whole index; NDJSON does not need it.
        validator.keepsIndex = validator.keepsIndex || !ndjson
        _ = try validator.withTwoPasses(input, first: { input throws(FileError) -> BundleEnvelope? in
            let checked = try validator.check(input, extractor: nil, progress: progress)
            validation = checked
            return checked.isValid ? checked.envelope : nil
        }, second: { source, envelope throws(FileError) in
            try write(source, envelope: envelope, input: input, ndjson: ndjson, progress: progress, output: output)
        })
        return validation!
    }

    private func write(
        _ source: BundleEntrySource, envelope: BundleEnvelope, input: BundleInput, ndjson: Bool,
        progress: (@Sendable (ProgressReport) -> Void)?, output: (_ bytes: [UInt8]) throws(FileError) -> Void
    ) throws(FileError) {
        let bundle = input.path
        var converted = 0
        // The validator that passed the records in the first pass.
        let records = validator.recordValidator
        if !ndjson {
            try output(Array("{\n  \"envelope\": ".utf8) + JSONSerializer.pretty(EnvelopeJSON.value(envelope), indent: 1)
                + Array(",\n  \"records\": [".utf8))
        }
        var first = true
        do {
            while let entry = try source.next() {
                try input.checkCancellation()
                guard entry.kind == .file, let path = BundleValidator.relativePath(entry.path), BagChecker.isRecordPath(path) else { continue }
                let bytes = try source.readToEnd()
                // Validated in the first pass; validated again because a record is only ever
                // converted from a valid one.
                guard let record = records.validate(bytes, file: bundle).record else {
                    throw FileError(path: bundle, reason: .changedWhileReading)
                }
                converted += 1
                progress?(ProgressReport(phase: "converting", done: converted, total: nil, unit: .records))
                if ndjson {
                    try output(record.jsonBytes(compact: true) + [0x0A])
                } else {
                    try output(Array((first ? "\n    " : ",\n    ").utf8) + JSONSerializer.pretty(RecordJSON.value(record), indent: 2))
                }
                first = false
            }
        } catch let error as FileError {
            throw error
        } catch let error as ArchiveError where error.endsTheWork {
            throw FileError(path: bundle, reason: error.workEnded)
        } catch {
            throw FileError(path: bundle, reason: .changedWhileReading)
        }
        if !ndjson {
            try output(Array("\n  ]\n}\n".utf8))
        }
    }
}
