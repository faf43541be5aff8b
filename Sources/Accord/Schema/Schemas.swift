/// The compiled schemas, each compiled once per process on first use and then shared.
enum Schemas {
    /// The partnership-record schema, version 1.
    static let partnershipRecord = compile(
        EmbeddedSchemas.partnershipRecordV1, name: "partnership-record-v1.xsd", namespace: PartnershipRecord.namespace)

    /// The bundle-envelope schema, version 1.
    static let bundleEnvelope = compile(
        EmbeddedSchemas.bundleEnvelopeV1, name: "bundle-envelope-v1.xsd", namespace: BundleEnvelope.namespace)

    /// The bundle-signature schema, version 1.
    static let bundleSignature = compile(
        EmbeddedSchemas.bundleSignatureV1, name: "bundle-signature-v1.xsd", namespace: BundleSignatureFile.namespace)

    private static func compile(_ bytes: [UInt8], name: String, namespace: String) -> CompiledSchema {
        do {
            return try CompiledSchema(bytes, name: name, namespace: namespace)
        } catch {
            // The schemas are part of the build; the test suite compiles them on every run.
            preconditionFailure("\(error)")
        }
    }
}
