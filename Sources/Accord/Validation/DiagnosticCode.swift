/// Every diagnostic Accord can report, with a stable code.
///
/// Codes never change meaning once released. `X` codes concern the XML itself and its
/// safety, `J` codes records given as JSON, `S` codes the schemas, `R` codes the rules XSD
/// 1.0 cannot express, `B` codes bundles: the archive, the BagIt bag and the envelope,
/// `L` codes release control: whether each record's label lets it go to each recipient.
/// `docs/rules.md` explains each one; a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: XML and safety
    case malformedXML = "X001"
    case doctypeRefused = "X002"
    case nestingTooDeep = "X003"
    case documentTooLarge = "X004"
    case externalResourceRefused = "X005"
    case notAPartnershipRecord = "X006"

    // MARK: JSON
    case malformedJSON = "J001"
    case invalidJSONStructure = "J002"

    // MARK: Schema
    case schemaViolation = "S001"
    case envelopeSchemaViolation = "S002"

    // MARK: Rules
    case unsupportedSchemaVersion = "R001"
    case recordIdPrefix = "R002"
    case datesOutOfOrder = "R003"
    case tooFewDistinctParties = "R004"
    case unknownPartyReference = "R005"
    case unknownCountryCode = "R006"
    case unknownCurrencyCode = "R007"
    case duplicatePartyReference = "R008"
    case duplicateNarrativeLanguage = "R009"
    case categoryPartyCountMismatch = "R010"
    case statusWithoutEvent = "R011"
    case duplicateQuantityKind = "R012"
    case malformedLanguageTag = "R013"
    case placeholderLeft = "R014"

    // MARK: Bundles
    case unsafeArchiveEntry = "B001"
    case damagedArchive = "B002"
    case archiveLimitExceeded = "B003"
    case notABag = "B004"
    case missingTagFile = "B005"
    case malformedBagInfo = "B006"
    case incompleteBagInfo = "B007"
    case payloadOxumMismatch = "B008"
    case malformedManifest = "B009"
    case missingPayloadFile = "B010"
    case unlistedPayloadFile = "B011"
    case payloadDigestMismatch = "B012"
    case tagFileMismatch = "B013"
    case unverifiedManifest = "B014"
    case envelopeIndexMismatch = "B015"
    case duplicateRecordId = "B016"
    case bundleLabelTooLow = "B017"
    case missingAttachment = "B018"
    case unexpectedPayloadFile = "B019"
    case fetchNotAllowed = "B020"
    case bundleExceedsLimits = "B021"
    case unsignedBundle = "B022"
    case untrustedSigner = "B023"
    case badSignature = "B024"
    case duplicateSignature = "B025"
    case moreProblemsNotShown = "B026"
    case streamNotInBundleOrder = "B027"

    // MARK: Release control
    case notReleasableToRecipient = "L001"
    case bundleLabelWiderThanRecord = "L002"
    case unknownStateCode = "L003"
    case recipientStateUnknown = "L004"
    case recipientStateContradicted = "L005"

    /// The severity a diagnostic with this code has.
    public var severity: Severity {
        switch self {
        case .duplicateNarrativeLanguage, .categoryPartyCountMismatch, .statusWithoutEvent,
             .incompleteBagInfo, .unverifiedManifest, .unsignedBundle, .untrustedSigner, .recipientStateUnknown:
            return .warning
        default:
            return .error
        }
    }

    /// A one-line explanation of the check.
    public var summary: String {
        switch self {
        case .malformedXML: return "The file is not well-formed XML."
        case .doctypeRefused: return "A document type declaration (DOCTYPE) is refused: it could load files or expand entities."
        case .nestingTooDeep: return "Elements are nested deeper than the limit."
        case .documentTooLarge: return "The file is larger than the limit."
        case .externalResourceRefused: return "The document asked for an external resource; nothing outside the document is ever loaded."
        case .notAPartnershipRecord: return "The root element is not a partnership record."
        case .schemaViolation: return "The record does not conform to the partnership-record schema."
        case .malformedJSON: return "The file is not well-formed JSON."
        case .invalidJSONStructure: return "The JSON does not have the shape of a partnership record (a property missing, unknown or of the wrong type, or a value outside its code list)."
        case .unsupportedSchemaVersion: return "The record is written for a schema version this tool does not support."
        case .recordIdPrefix: return "The record id must start with the reporting organisation's id and a hyphen."
        case .datesOutOfOrder: return "Signature, ratification, entry into force and the end of the agreement must be dated in that order."
        case .tooFewDistinctParties: return "A partnership needs parties from at least two distinct states."
        case .unknownPartyReference: return "Officials, equipment and objectives must name a party declared in the record."
        case .unknownCountryCode: return "Country codes must be assigned ISO 3166-1 alpha-3 codes."
        case .unknownCurrencyCode: return "Currency codes must be ISO 4217 currency codes."
        case .duplicatePartyReference: return "Each party's ref must be unique within the record."
        case .duplicateNarrativeLanguage: return "The same text is given twice in one language."
        case .categoryPartyCountMismatch: return "A bilateral agreement has two parties; a multilateral one has more."
        case .statusWithoutEvent: return "The status implies an event (signature, ratification, ...) that the record does not list."
        case .duplicateQuantityKind: return "An equipment item gives the same kind of quantity twice."
        case .placeholderLeft: return "A value or text still holds FILL-IN, the placeholder of a skeleton record."
        case .malformedLanguageTag: return "Language tags must be BCP 47 tags such as 'en', 'id', 'ru' or 'be'."
        case .envelopeSchemaViolation: return "The bundle envelope does not conform to the bundle-envelope schema."
        case .unsafeArchiveEntry: return "An archive entry is unsafe or of a kind bundles never contain (link, device, escaping path, duplicate name)."
        case .damagedArchive: return "The archive is damaged: bad gzip or tar checksum, truncated, or followed by extra data."
        case .archiveLimitExceeded: return "The archive exceeds a limit on entries, bytes or compression ratio."
        case .notABag: return "The bundle is not a BagIt bag: bagit.txt is missing or wrong."
        case .missingTagFile: return "A tag file every Accord bundle needs is missing."
        case .malformedBagInfo: return "bag-info.txt has a line that is not 'Label: value'."
        case .incompleteBagInfo: return "bag-info.txt lacks a field the Accord BagIt profile asks for."
        case .payloadOxumMismatch: return "Payload-Oxum does not match the payload's size and number of files."
        case .malformedManifest: return "A manifest line is not 'digest path' with a SHA-512 digest and a safe path."
        case .missingPayloadFile: return "A file listed in the manifest is not in the bundle."
        case .unlistedPayloadFile: return "A payload file is not listed in the manifest."
        case .payloadDigestMismatch: return "A payload file's SHA-512 digest differs from the manifest: it was changed or damaged."
        case .tagFileMismatch: return "A tag file is missing from, or differs from, the tag manifest."
        case .unverifiedManifest: return "A manifest for another algorithm is present; Accord verifies SHA-512 only."
        case .envelopeIndexMismatch: return "The envelope's record index does not match the records in the bundle."
        case .duplicateRecordId: return "Two records in the bundle have the same id."
        case .bundleLabelTooLow: return "The bundle's classification is lower than one of its records'."
        case .missingAttachment: return "A record names an attachment the bundle does not carry."
        case .unexpectedPayloadFile: return "A payload file is neither a record (data/records/*.xml) nor an attachment (data/attachments/)."
        case .fetchNotAllowed: return "The bag has a fetch.txt: an exchanged bundle must carry every file itself."
        case .bundleExceedsLimits: return "The bundle being packed would exceed a limit that receivers enforce."
        case .unsignedBundle: return "The bundle carries no signature (an error when a signature is required)."
        case .untrustedSigner: return "A signature was made with a key that is not in the trust folder (an error when a signature is required)."
        case .badSignature: return "A signature does not verify, does not cover this bag, or is damaged."
        case .duplicateSignature: return "The same key signed the bundle twice."
        case .moreProblemsNotShown: return "More problems were found than are reported; the first ones are shown."
        case .streamNotInBundleOrder: return "A bundle read once from a stream that is not recorded lists its files out of bundle order, so it cannot be checked."
        case .notReleasableToRecipient: return "A record (or the bundle) is labelled releasable only to states that do not include a recipient's state."
        case .bundleLabelWiderThanRecord: return "The bundle's label would release it to a state that one of its records may not be released to."
        case .unknownStateCode: return "A state in the bundle's label or in a recipient is not an ISO 3166-1 alpha-3 country code."
        case .recipientStateUnknown: return "A labelled record goes to a recipient whose state is not known, so its release cannot be checked (an error where warnings are refused)."
        case .recipientStateContradicted: return "The envelope gives a recipient a state that the receiver's partners file contradicts."
        }
    }
}
