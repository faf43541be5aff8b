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

/// A part of an attachment of a received bundle, handed over by ``BundleReader`` once the
/// whole bundle has passed validation. An attachment comes as consecutive parts of at most
/// ``BundleReader/attachmentPartBytes`` bytes each (one, empty, for an empty file), so that
/// memory does not hold a large one whole; the last part says so and carries its digest.
public struct ReceivedAttachmentPart: Sendable, Hashable {
    /// The attachment's path in the bag: `data/attachments/NAME`.
    public var path: String
    /// Where in the attachment this part starts.
    public var offset: Int
    /// The part's bytes.
    public var bytes: [UInt8]
    /// Whether this is the attachment's last part.
    public var isLast: Bool
    /// On the last part, the SHA-512 (hex) of the whole attachment, as the bundle's
    /// manifest lists it; nil on the others.
    public var sha512: String?
}

/// What ``BundleReader`` hands over, in bundle order: the attachments (each in parts),
/// then the records.
public enum ReceivedEntry: Sendable, Hashable {
    /// A part of an attachment.
    case attachmentPart(ReceivedAttachmentPart)
    /// A record.
    case record(ReceivedRecord)
}
