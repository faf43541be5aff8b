/// Every diagnostic Accord can report, with a stable code.
///
/// Codes never change meaning once released. `X` codes concern the XML itself and its
/// safety, `S` codes the schema, `R` codes the rules XSD 1.0 cannot express.
/// `docs/rules.md` explains each one; a test keeps that page and this list in step.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // MARK: XML and safety
    case malformedXML = "X001"
    case doctypeRefused = "X002"
    case nestingTooDeep = "X003"
    case documentTooLarge = "X004"
    case externalResourceRefused = "X005"
    case notAPartnershipRecord = "X006"

    // MARK: Schema
    case schemaViolation = "S001"

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

    /// The severity a diagnostic with this code has.
    public var severity: Severity {
        switch self {
        case .duplicateNarrativeLanguage, .categoryPartyCountMismatch, .statusWithoutEvent:
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
        case .malformedLanguageTag: return "Language tags must be BCP 47 tags such as 'en', 'id', 'ru' or 'be'."
        }
    }
}
