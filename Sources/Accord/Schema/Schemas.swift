/// The compiled schemas, each compiled once per process on first use and then shared.
enum Schemas {
    /// The partnership-record schema, version 1.
    static let partnershipRecord: CompiledSchema = {
        do {
            return try CompiledSchema(
                EmbeddedSchemas.partnershipRecordV1, name: "partnership-record-v1.xsd",
                namespace: PartnershipRecord.namespace)
        } catch {
            // The schema is part of the build; the test suite compiles it on every run.
            preconditionFailure("\(error)")
        }
    }()
}
