/// Who may see a record (after NATO STANAG 4774 confidentiality labels). Its `Codable`
/// form is the JSON form, `{policy, classification, releasableTo?}`.
public struct ConfidentialityLabel: Sendable, Hashable {
    /// The identifier of the security policy the classification belongs to (for example `ID-MOD`).
    public var policy: String
    /// The classification.
    public var classification: Classification
    /// ISO 3166-1 alpha-3 codes of the states the record may be released to; empty when
    /// the label sets no releasability restriction.
    public var releasableTo: [String]

    /// Creates a label.
    public init(policy: String, classification: Classification, releasableTo: [String] = []) {
        self.policy = policy
        self.classification = classification
        self.releasableTo = releasableTo
    }

    /// Classifications, ordered from lowest to highest.
    public enum Classification: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Unclassified: the lowest. `unclassified` in XML and JSON.
        case unclassified
        /// Restricted. `restricted` in XML and JSON.
        case restricted
        /// Confidential. `confidential` in XML and JSON.
        case confidential
        /// Secret. `secret` in XML and JSON.
        case secret
        /// Top secret: the highest. `top-secret` in XML and JSON.
        case topSecret = "top-secret"

        /// The position of the classification from lowest (0) to highest.
        public var rank: Int { Self.allCases.firstIndex(of: self)! }

        /// Whether `lhs` is a lower classification than `rhs`.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }

        /// The classification's English name, as a form shows it: `Unclassified`,
        /// `Restricted`, `Confidential`, `Secret`, `Top secret`.
        public var englishName: String {
            switch self {
            case .unclassified: return "Unclassified"
            case .restricted: return "Restricted"
            case .confidential: return "Confidential"
            case .secret: return "Secret"
            case .topSecret: return "Top secret"
            }
        }
    }
}
