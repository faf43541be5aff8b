/// The schema files of `schemas/`, embedded in the binary at build time.
///
/// `schemas/` is the single source of truth: SwiftPM copies the files into the code, so
/// the binary validates exactly what partners validate with `xmllint --schema`, wherever
/// it is copied.
enum EmbeddedSchemas {
    /// `schemas/partnership-record-v1.xsd`.
    static let partnershipRecordV1: [UInt8] = PackageResources.partnership_record_v1_xsd
    /// `schemas/bundle-envelope-v1.xsd`.
    static let bundleEnvelopeV1: [UInt8] = PackageResources.bundle_envelope_v1_xsd
    /// `schemas/bundle-signature-v1.xsd`.
    static let bundleSignatureV1: [UInt8] = PackageResources.bundle_signature_v1_xsd
    /// `schemas/xml.xsd`: the attributes of the `xml:` namespace, imported by the schemas.
    static let xmlNamespaceSchema: [UInt8] = PackageResources.xml_xsd
}
