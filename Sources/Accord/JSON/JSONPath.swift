/// Translates element paths of the XML form into paths of the JSON form, so that a
/// problem found in a record that came as JSON is reported where the JSON user wrote it:
/// `/partnershipRecord/parties/party[2]/organisation/narrative[1]` becomes
/// `$.parties[1].organisation[0]`.
enum JSONPath {
    /// Container elements whose items become the container's array.
    private static let containers: [String: String] = [
        "parties": "party", "officials": "official", "events": "event", "cooperationAreas": "area",
        "equipment": "item", "objectives": "objective", "values": "value", "sources": "document",
        "relatedRecords": "relatedRecord",
    ]

    /// Repeated elements that stand alone (no container), with their JSON array's name.
    private static let repeated: [String: String] = ["quantity": "quantities", "releasableTo": "releasableTo"]

    static func fromXPath(_ xpath: String) -> String {
        var segments = xpath.split(separator: "/").map(String.init)
        if segments.first == "partnershipRecord" { segments.removeFirst() }
        var path = "$"
        var index = 0
        while index < segments.count {
            let (name, position) = split(segments[index])
            if let item = containers[name], index + 1 < segments.count, split(segments[index + 1]).name == item {
                path += ".\(name)[\((split(segments[index + 1]).position ?? 1) - 1)]"
                index += 2
                continue
            }
            if name == "extensions" {
                // Extension elements are one array whatever their names.
                path += ".extensions"
                if index + 1 < segments.count { path += "[\((split(segments[index + 1]).position ?? 1) - 1)]" }
                break
            }
            if name == "narrative" {
                path += "[\((position ?? 1) - 1)]"
            } else if let array = repeated[name] {
                path += ".\(array)[\((position ?? 1) - 1)]"
            } else {
                path += ".\(name)"
            }
            index += 1
        }
        return path
    }

    private static func split(_ segment: String) -> (name: String, position: Int?) {
        guard let open = segment.firstIndex(of: "["), segment.hasSuffix("]"),
              let position = Int(segment[segment.index(after: open)..<segment.index(before: segment.endIndex)]) else {
            return (segment, nil)
        }
        return (String(segment[..<open]), position)
    }
}
