/// Release control: whether each record of a bundle may go to each of its recipients,
/// judged by the confidentiality labels (after STANAG 4774) and the recipients' states.
///
/// A label is the sender's promise to its partners, not access control: these rules make
/// that promise mechanical, so that `pack` refuses to break it and `validate` reports a
/// partner's tool that did. `docs/rules.md` (codes L001 to L005) and `docs/security.md`
/// say what is checked and what is not.
///
/// - A record whose label lists states it may be released to goes only to recipients of
///   those states (L001); to a recipient whose state is not known, a record above
///   unclassified or with such a list gets a warning (L004).
/// - The bundle's own label is at least as high as every record's (B017) and releases the
///   bundle to no state that a record may not go to (L002), nor to a recipient outside it
///   (L001).
/// - Every state named, in the bundle's label or a recipient, is an ISO 3166-1 alpha-3
///   code (L003; a record's own codes are checked by R006).
/// - On receipt, a state the envelope gives a recipient must not contradict the receiver's
///   partners file (L005, checked when one is given: ``BundleValidator/partners``).
public enum ReleaseRules {
    /// What a bundle check knows of the bundle a record travels in.
    public struct Bundle: Sendable, Hashable {
        /// The bundle's label.
        public var label: ConfidentialityLabel
        /// Who receives the bundle.
        public var recipients: [BundleEnvelope.Recipient]
        /// Whether the label was written before release control (envelope 1.0), when
        /// `accord pack` gave a bundle no releasable-to list unless asked: that lack is then
        /// a warning, not an error.
        public var predatesReleaseControl = false

        /// The bundle an envelope describes.
        public init(_ envelope: BundleEnvelope) {
            self.init(label: envelope.confidentiality, recipients: envelope.recipients)
            predatesReleaseControl = envelope.schemaVersion == "1.0"
        }

        /// Describes a bundle.
        public init(label: ConfidentialityLabel, recipients: [BundleEnvelope.Recipient]) {
            self.label = label
            self.recipients = recipients
        }
    }

    /// The problems of the bundle's own label and recipients, before any record. Without
    /// `labelAgainstRecipients`, the label's states are not checked against the recipients'
    /// (for a label made from the records' own lists, whose checks already say it).
    public static func check(_ bundle: Bundle, at location: SourceLocation, labelAgainstRecipients: Bool = true) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for code in bundle.label.releasableTo where !isStateCode(code) {
            found.append(Diagnostic(.unknownStateCode, "the bundle's label names '\(code)' among the states it may be released to, \(notAState)", at: location))
        }
        for recipient in bundle.recipients {
            guard let state = recipient.state else { continue }
            guard isStateCode(state) else {
                found.append(Diagnostic(.unknownStateCode, "the recipient \(recipient.organisation) is said to belong to '\(state)', \(notAState)", at: location))
                continue
            }
            if labelAgainstRecipients, !bundle.label.releasableTo.isEmpty, !bundle.label.releasableTo.contains(state) {
                found.append(Diagnostic(
                    .notReleasableToRecipient,
                    "the bundle's label releases it only to \(list(bundle.label.releasableTo)); the recipient \(recipient.organisation) belongs to \(name(state)), which is not among them",
                    at: location))
            }
        }
        return found
    }

    /// The problems of one record travelling in `bundle`: its label against each
    /// recipient's state and against the bundle's label. `location` is where the record is.
    public static func check(
        record id: String, label: ConfidentialityLabel, in bundle: Bundle, at location: SourceLocation
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ code: DiagnosticCode, _ message: String) {
            found.append(Diagnostic(code, message, at: location))
        }
        let restricts = !label.releasableTo.isEmpty
        let described = describe(id: id, label)
        for recipient in bundle.recipients {
            guard let state = recipient.state, isStateCode(state) else {
                if recipient.state == nil, restricts || label.classification > .unclassified {
                    report(.recipientStateUnknown, "\(described); the state of the recipient \(recipient.organisation) is not known, so Accord cannot check that the record may go there: give the recipient its state (an ISO 3166-1 alpha-3 code), or list it in the partners file")
                }
                continue
            }
            if restricts, !label.releasableTo.contains(state) {
                report(.notReleasableToRecipient, "\(described), but the recipient \(recipient.organisation) belongs to \(name(state)): take the record out of this bundle, or send the bundle only to recipients of those states")
            }
        }
        if restricts {
            if bundle.label.releasableTo.isEmpty {
                report(.bundleLabelWiderThanRecord, "\(described), but the bundle's label sets no such limit: the bundle's label must release it to no more states than its records")
                if bundle.predatesReleaseControl { found[found.count - 1].severity = .warning }
            } else {
                let wider = bundle.label.releasableTo.filter { !label.releasableTo.contains($0) }
                if !wider.isEmpty {
                    report(.bundleLabelWiderThanRecord, "\(described), but the bundle's label also releases it to \(list(wider))")
                }
            }
        }
        return found
    }

    /// The states every record in `labels` may go to, in the order the first restricting
    /// label lists them; nil when no label restricts release. Empty when they share none.
    public static func commonStates(_ labels: some Sequence<ConfidentialityLabel>) -> [String]? {
        var common: [String]?
        for label in labels where !label.releasableTo.isEmpty {
            common = common.map { $0.filter(label.releasableTo.contains) } ?? label.releasableTo
        }
        return common
    }

    /// Whether `code` is an assigned ISO 3166-1 alpha-3 code.
    public static func isStateCode(_ code: String) -> Bool {
        CountryCodes.names[code] != nil
    }

    /// `record 'ID' is restricted and releasable only to EST, FIN and SWE`.
    private static func describe(id: String, _ label: ConfidentialityLabel) -> String {
        let releasable = label.releasableTo.isEmpty ? "" : " and releasable only to \(list(label.releasableTo))"
        return "record '\(id)' is \(label.classification.rawValue)\(releasable)"
    }

    private static let notAState = "which is not an ISO 3166-1 alpha-3 country code (three capital letters, such as BLR for Belarus)"

    /// `BLR (Belarus)`.
    static func name(_ code: String) -> String {
        CountryCodes.names[code].map { "\(code) (\($0))" } ?? code
    }

    /// `EST, FIN and SWE`.
    private static func list(_ codes: [String]) -> String {
        guard codes.count > 1 else { return codes.first ?? "" }
        return codes.dropLast().joined(separator: ", ") + " and " + codes.last!
    }
}
