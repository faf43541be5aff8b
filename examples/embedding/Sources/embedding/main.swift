// The README's "Using the library" section, whole. Keep the two in step: the README
// quotes this file between the markers.
import Accord

// MARK: README begin
// Build two records in code.
func record(_ number: Int, with partner: String) -> PartnershipRecord {
    PartnershipRecord(
        language: "en",
        id: "ID-MOD-2026-\(partner)-\(number)",
        reportingOrganisation: ReportingOrganisation(ref: "ID-MOD", country: "IDN", name: [Narrative("Ministry of Defence")]),
        lastUpdated: "2026-11-30T09:00:00Z",
        title: [Narrative("Maritime patrol cooperation \(number)")],
        agreement: Agreement(kind: .memorandumOfUnderstanding, category: .bilateral),
        status: .inForce,
        parties: [
            Party(ref: "IDN", country: "IDN", role: .party, organisation: [Narrative("Ministry of Defence of Indonesia")]),
            Party(ref: partner, country: partner, role: .party, organisation: [Narrative("Ministry of Defence")]),
        ],
        events: [Event(type: .signature, date: "2026-11-\(10 + number)"), Event(type: .entryIntoForce, date: "2026-11-30")],
        confidentiality: ConfidentialityLabel(policy: "ID-MOD", classification: .unclassified))
}
let records = [record(1, with: "MYS"), record(2, with: "MYS")]

// Validate them: diagnostics name the element (there is no XML line to point at).
let validator = RecordValidator()
for record in records {
    let result = validator.validate(record)
    precondition(result.isValid, result.diagnostics.map(\.formatted).joined(separator: "\n"))
}

// Pack the two into a bundle in memory, addressed to a Malaysian recipient.
let options = PackOptions(
    sender: "ID-MOD", recipients: [BundleEnvelope.Recipient("MY-MOD", state: "MYS")],
    created: Timestamp(xsdDateTime: "2026-12-01T00:00:00Z")!)
let packed = try BundlePacker().pack(records, options: options)
print("packed \(packed.summary.records) records into \(packed.bytes.count) bytes")

// The receiver validates it from bytes...
let bundles = BundleValidator()
let fromBytes = try bundles.validate(.bytes(packed.bytes, name: "received.tar.gz"))
print("from bytes: \(fromBytes.isValid ? "valid" : "invalid")")

// ...or as it arrives, in chunks (an HTTP request body, say), in one pass.
let body = AsyncStream<[UInt8]> { continuation in
    for start in stride(from: 0, to: packed.bytes.count, by: 4096) {
        continuation.yield(Array(packed.bytes[start..<min(start + 4096, packed.bytes.count)]))
    }
    continuation.finish()
}
let fromStream = try await bundles.validate(chunks: body, name: "upload")
for diagnostic in fromStream.diagnostics { print(diagnostic.formatted) }
print("from a stream: \(fromStream.isValid ? "valid" : "invalid")")

// Iterate its records: nothing is handed over unless the whole bundle passed.
for try await entry in BundleReader().entries(.bytes(packed.bytes)) {
    if case .record(let received) = entry {
        print(received.path, received.record.parties.map(\.country))
    }
}

// Convert it to JSON (one record per line).
var json: [UInt8] = []
_ = try BundleJSONConverter().convert(.bytes(packed.bytes), ndjson: true) { json += $0 }
print(String(decoding: json, as: UTF8.self), terminator: "")

// Cancel a long validation: the task stops within one buffer.
let long = Task { try await bundles.validate(.bytes(packed.bytes)) }
long.cancel()
do {
    _ = try await long.value
    print("finished before the cancellation arrived")
} catch is CancellationError {
    print("cancelled")
}
// MARK: README end
