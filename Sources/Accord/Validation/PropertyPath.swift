/// Translates element paths of a record's XML form into paths of Swift properties of
/// ``PartnershipRecord``, so that a problem found in a record built in code is reported
/// where the program set it: `/partnershipRecord/officials/official[2]/name` becomes
/// `officials[1].name`.
///
/// The element names are the JSON form's keys (``JSONPath``), which are the properties'
/// names but for the three in ``renamed``.
enum PropertyPath {
    /// JSON keys whose Swift property has another name.
    static let renamed = ["recordId": "id", "reportingOrg": "reportingOrganisation", "lang": "language"]

    /// The property path of the element at `xpath`, or `nil` for the record as a whole.
    static func fromXPath(_ xpath: String) -> String? {
        let json = JSONPath.fromXPath(xpath)
        guard json.hasPrefix("$."), json.count > 2 else { return nil }
        return json.dropFirst(2).split(separator: ".", omittingEmptySubsequences: false).map { segment in
            let name = segment.prefix { $0 != "[" }
            return (renamed[String(name)] ?? String(name)) + segment.dropFirst(name.count)
        }.joined(separator: ".")
    }
}
