/// A record of a received bundle, handed over by ``BundleReader`` once the whole bundle
/// has passed validation.
public struct ReceivedRecord: Sendable, Hashable {
    /// Its path in the bag: `data/records/ID.xml`.
    public var path: String
    /// The SHA-512 (hex) of its bytes, as the bundle's manifest lists it.
    public var sha512: String
    /// The record.
    public var record: PartnershipRecord
}

/// An attachment of a received bundle, handed over by ``BundleReader`` once the whole
/// bundle has passed validation.
public struct ReceivedAttachment: Sendable, Hashable {
    /// Its path in the bag: `data/attachments/NAME`.
    public var path: String
    /// The SHA-512 (hex) of its bytes, as the bundle's manifest lists it.
    public var sha512: String
    /// Its bytes.
    public var bytes: [UInt8]
}

/// What ``BundleReader`` hands over, in bundle order: the attachments, then the records.
public enum ReceivedEntry: Sendable, Hashable {
    /// An attachment.
    case attachment(ReceivedAttachment)
    /// A record.
    case record(ReceivedRecord)
}
