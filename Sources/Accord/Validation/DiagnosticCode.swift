/// Every diagnostic Accord can report, with a stable code.
///
/// Codes never change meaning once released. `X` codes concern the XML itself and its
/// safety, `J` codes records given as JSON, `S` codes the schemas, `R` codes the rules XSD
/// 1.0 cannot express, `B` codes bundles: the archive, the BagIt bag and the envelope,
/// `L` codes release control: whether each record's label lets it go to each recipient.
/// `docs/rules.md` explains each one; a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: XML and safety
    /// `X001`: The file is not well-formed XML.
    case malformedXML = "X001"
    /// `X002`: A document type declaration (DOCTYPE) is refused: it could load files or expand entities.
    case doctypeRefused = "X002"
    /// `X003`: Elements are nested deeper than the limit.
    case nestingTooDeep = "X003"
    /// `X004`: The file is larger than the limit.
    case documentTooLarge = "X004"
    /// `X005`: The document asked for an external resource; nothing outside the document is ever loaded.
    case externalResourceRefused = "X005"
    /// `X006`: The root element is not a partnership record.
    case notAPartnershipRecord = "X006"
    /// `X007`: An element carries more attributes, or declares more namespaces, than the limit.
    case tooManyAttributes = "X007"

    // MARK: JSON
    /// `J001`: The file is not well-formed JSON.
    case malformedJSON = "J001"
    /// `J002`: The JSON does not have the shape of a partnership record (a property missing, unknown or of the wrong type, or a value outside its code list).
    case invalidJSONStructure = "J002"

    // MARK: Schema
    /// `S001`: The record does not conform to the partnership-record schema.
    case schemaViolation = "S001"
    /// `S002`: The bundle envelope does not conform to the bundle-envelope schema.
    case envelopeSchemaViolation = "S002"

    // MARK: Rules
    /// `R001`: The record is written for a schema version this tool does not support.
    case unsupportedSchemaVersion = "R001"
    /// `R002`: The record id must start with the reporting organisation's id and a hyphen.
    case recordIdPrefix = "R002"
    /// `R003`: Signature, ratification, entry into force and the end of the agreement must be dated in that order.
    case datesOutOfOrder = "R003"
    /// `R004`: A partnership needs parties from at least two distinct states.
    case tooFewDistinctParties = "R004"
    /// `R005`: Officials, equipment and objectives must name a party declared in the record.
    case unknownPartyReference = "R005"
    /// `R006`: Country codes must be assigned ISO 3166-1 alpha-3 codes.
    case unknownCountryCode = "R006"
    /// `R007`: Currency codes must be ISO 4217 currency codes.
    case unknownCurrencyCode = "R007"
    /// `R008`: Each party's ref must be unique within the record.
    case duplicatePartyReference = "R008"
    /// `R009`: The same text is given twice in one language.
    case duplicateNarrativeLanguage = "R009"
    /// `R010`: A bilateral agreement has two parties; a multilateral one has more.
    case categoryPartyCountMismatch = "R010"
    /// `R011`: The status implies an event (signature, ratification, ...) that the record does not list.
    case statusWithoutEvent = "R011"
    /// `R012`: An equipment item gives the same kind of quantity twice.
    case duplicateQuantityKind = "R012"
    /// `R013`: Language tags must be BCP 47 tags such as 'en', 'id', 'ru' or 'be'.
    case malformedLanguageTag = "R013"
    /// `R014`: A value or text still holds FILL-IN, the placeholder of a skeleton record.
    case placeholderLeft = "R014"

    // MARK: Bundles
    /// `B001`: An archive entry is unsafe or of a kind bundles never contain (link, device, escaping path, duplicate name).
    case unsafeArchiveEntry = "B001"
    /// `B002`: The archive is damaged: bad gzip or tar checksum, truncated, or followed by extra data.
    case damagedArchive = "B002"
    /// `B003`: The archive exceeds a limit on entries, bytes or compression ratio.
    case archiveLimitExceeded = "B003"
    /// `B004`: The bundle is not a BagIt bag: bagit.txt is missing or wrong.
    case notABag = "B004"
    /// `B005`: A tag file every Accord bundle needs is missing.
    case missingTagFile = "B005"
    /// `B006`: bag-info.txt has a line that is not 'Label: value'.
    case malformedBagInfo = "B006"
    /// `B007`: bag-info.txt lacks a field the Accord BagIt profile asks for.
    case incompleteBagInfo = "B007"
    /// `B008`: Payload-Oxum does not match the payload's size and number of files.
    case payloadOxumMismatch = "B008"
    /// `B009`: A manifest line is not 'digest path' with a SHA-512 digest and a safe path.
    case malformedManifest = "B009"
    /// `B010`: A file listed in the manifest is not in the bundle.
    case missingPayloadFile = "B010"
    /// `B011`: A payload file is not listed in the manifest.
    case unlistedPayloadFile = "B011"
    /// `B012`: A payload file's SHA-512 digest differs from the manifest: it was changed or damaged.
    case payloadDigestMismatch = "B012"
    /// `B013`: A tag file is missing from, or differs from, the tag manifest.
    case tagFileMismatch = "B013"
    /// `B014`: A manifest or tag manifest uses an algorithm Accord cannot verify (not md5, sha1, sha224, sha256, sha384 or sha512).
    case unverifiedManifest = "B014"
    /// `B015`: The envelope's record index does not match the records in the bundle.
    case envelopeIndexMismatch = "B015"
    /// `B016`: Two records in the bundle have the same id.
    case duplicateRecordId = "B016"
    /// `B017`: The bundle's classification is lower than one of its records'.
    case bundleLabelTooLow = "B017"
    /// `B018`: A record names an attachment the bundle does not carry.
    case missingAttachment = "B018"
    /// `B019`: A payload file is neither a record (data/records/*.xml) nor an attachment (data/attachments/).
    case unexpectedPayloadFile = "B019"
    /// `B020`: The bag has a fetch.txt: an exchanged bundle must carry every file itself.
    case fetchNotAllowed = "B020"
    /// `B021`: The bundle being packed would exceed a limit that receivers enforce.
    case bundleExceedsLimits = "B021"
    /// `B022`: The bundle carries no signature (an error when a signature is required).
    case unsignedBundle = "B022"
    /// `B023`: A signature was made with a key that is not in the trust folder (an error when a signature is required).
    case untrustedSigner = "B023"
    /// `B024`: A signature does not verify, does not cover this bag, or is damaged.
    case badSignature = "B024"
    /// `B025`: The same key signed the bundle twice.
    case duplicateSignature = "B025"
    /// `B026`: More problems were found than are reported; the first ones are shown.
    case moreProblemsNotShown = "B026"
    /// `B027`: A bundle read once from a stream that is not recorded lists its files out of bundle order, so it cannot be checked.
    case streamNotInBundleOrder = "B027"
    /// `B028`: A tag file that the Accord BagIt profile does not allow is in the bag.
    case tagFileNotAllowed = "B028"
    /// `B029`: A line of fetch.txt is not 'URL LENGTH PATH' with a safe path in the payload (plain-BagIt profile).
    case malformedFetchFile = "B029"

    // MARK: Release control
    /// `L001`: A record (or the bundle) is labelled releasable only to states that do not include a recipient's state.
    case notReleasableToRecipient = "L001"
    /// `L002`: The bundle's label would release it to a state that one of its records may not be released to.
    case bundleLabelWiderThanRecord = "L002"
    /// `L003`: A state in the bundle's label or in a recipient is not an ISO 3166-1 alpha-3 country code.
    case unknownStateCode = "L003"
    /// `L004`: A labelled record goes to a recipient whose state is not known, so its release cannot be checked (an error where warnings are refused).
    case recipientStateUnknown = "L004"
    /// `L005`: The envelope gives a recipient a state that the receiver's partners file contradicts.
    case recipientStateContradicted = "L005"

    /// The severity a diagnostic with this code has.
    public var severity: Severity {
        switch self {
        case .duplicateNarrativeLanguage, .categoryPartyCountMismatch, .statusWithoutEvent,
             .incompleteBagInfo, .unsignedBundle, .untrustedSigner, .recipientStateUnknown:
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
        case .tooManyAttributes: return "An element carries more attributes, or declares more namespaces, than the limit."
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
        case .unverifiedManifest: return "A manifest or tag manifest uses an algorithm Accord cannot verify (not md5, sha1, sha224, sha256, sha384 or sha512)."
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
        case .malformedFetchFile: return "A line of fetch.txt is not 'URL LENGTH PATH' with a safe path in the payload (plain-BagIt profile)."
        case .tagFileNotAllowed: return "A tag file that the Accord BagIt profile does not allow is in the bag."
        case .streamNotInBundleOrder: return "A bundle read once from a stream that is not recorded lists its files out of bundle order, so it cannot be checked."
        case .notReleasableToRecipient: return "A record (or the bundle) is labelled releasable only to states that do not include a recipient's state."
        case .bundleLabelWiderThanRecord: return "The bundle's label would release it to a state that one of its records may not be released to."
        case .unknownStateCode: return "A state in the bundle's label or in a recipient is not an ISO 3166-1 alpha-3 country code."
        case .recipientStateUnknown: return "A labelled record goes to a recipient whose state is not known, so its release cannot be checked (an error where warnings are refused)."
        case .recipientStateContradicted: return "The envelope gives a recipient a state that the receiver's partners file contradicts."
        }
    }
}
