/// A piece of human-readable text in one language.
///
/// Titles, descriptions, names of organisations and positions are lists of narratives,
/// so that the same text can be given in Indonesian, English, Russian, Belarusian or any
/// other language side by side. Its `Codable` form is the JSON form, `{lang?, text}`.
public struct Narrative: Sendable, Hashable {
    /// The BCP 47 language tag (`xml:lang`), or `nil` when the text is in the record's
    /// default language.
    public var language: String?
    /// The text itself.
    public var text: String

    /// Creates a narrative.
    public init(_ text: String, language: String? = nil) {
        self.text = text
        self.language = language
    }
}
