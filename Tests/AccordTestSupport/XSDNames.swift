import Foundation

/// The element and attribute names an XSD declares (by a plain reading of its
/// `name="..."` declarations, which is all the schema-sync tests need).
public enum XSDNames {
    public static func elements(in url: URL) -> [String] { names(in: url, kind: "element") }
    public static func attributes(in url: URL) -> [String] { names(in: url, kind: "attribute") }

    private static func names(in url: URL, kind: String) -> [String] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var names: Set<String> = []
        for piece in text.components(separatedBy: "<xs:\(kind) name=\"").dropFirst() {
            if let end = piece.firstIndex(of: "\"") { names.insert(String(piece[..<end])) }
        }
        return names.sorted()
    }
}
