/// A record to pack: a record file (XML or JSON), or a record built in code.
enum RecordInput {
    case file(String)
    case value(PartnershipRecord)

    /// What diagnostics call it: the file's path, or `record ID`.
    var name: String {
        switch self {
        case .file(let path): path
        case .value(let record): "record \(record.id)"
        }
    }

    /// Validates the record as `pack` must before packing it.
    func validate(with validator: RecordValidator) throws(FileError) -> RecordValidation {
        switch self {
        case .file(let path): try validator.validateRecordFile(atPath: path)
        case .value(let record): validator.validate(record, name: name)
        }
    }
}
