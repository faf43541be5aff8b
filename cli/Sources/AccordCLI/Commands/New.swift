import Accord
import ArgumentParser

extension AccordCommand {
    /// `accord new record`: writes a skeleton record for a clerk to fill in.
    struct New: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a skeleton to fill in: a partnership record.",
            subcommands: [Record.self]
        )

        /// `accord new record`.
        struct Record: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write a commented skeleton record to fill in; valid once every FILL-IN is replaced.",
                discussion: """
                    The skeleton has every element a record needs, each with a comment that says what \
                    goes there, and FILL-IN where a value is to be written. Until every FILL-IN is \
                    replaced, accord validate says what each one should hold. docs/ and \
                    schemas/README.md describe the optional elements (officials, events, areas, \
                    equipment, objectives, values, sources).

                    EXAMPLES
                      accord new record -o drafts/id-mod-2025-blr-002.xml
                      accord validate drafts/id-mod-2025-blr-002.xml

                    EXIT STATUS
                      0 written; 2 usage or I/O error (nothing written)
                    """
            )

            @Option(name: .shortAndLong, help: "The file to write (not replaced if it exists).", completion: .file(extensions: ["xml"]))
            var output: String

            func validate() throws {
                if output == "-" { throw ValidationError("-o names the file to write; - (standard output) is not one here.") }
            }

            func run() async throws {
                Interrupts.noteLeftovers(beside: output)
                do throws(FileError) {
                    let file = try AtomicFile(destination: output, overwrite: false)
                    try file.write(Array(Self.skeleton.utf8))
                    try file.commit()
                } catch {
                    Terminal.printError(error.commandLineDescription)
                    throw ExitStatus.failure.exitCode
                }
                print("\(output): written; replace every FILL-IN, then run accord validate \(output)")
            }

            /// The skeleton: the elements every record needs, in schema order.
            static let skeleton = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- A partnership record (schemas/partnership-record-v1.xsd). Replace every placeholder
                     (in capitals, below); accord validate says what each one should hold. -->
                <partnershipRecord xmlns="urn:accord:partnership-record:1" schemaVersion="1.0" xml:lang="en">
                  <!-- Your organisation's id, a hyphen, then your own reference: ID-MOD-2025-BLR-002 -->
                  <recordId>FILL-IN</recordId>
                  <!-- Your organisation: its id (ID-MOD) and its country's three-letter code (IDN) -->
                  <reportingOrg ref="FILL-IN" country="FILL-IN">
                    <name>
                      <narrative>FILL-IN the organisation's name</narrative>
                    </name>
                  </reportingOrg>
                  <!-- When you last changed this record, with its time zone: 2025-07-30T09:00:00Z -->
                  <lastUpdated>FILL-IN</lastUpdated>
                  <title>
                    <!-- Add a narrative per language: <narrative xml:lang="id">...</narrative> -->
                    <narrative>FILL-IN a title</narrative>
                  </title>
                  <!-- kind: memorandum-of-understanding, agreement, protocol, exchange-of-notes, ...;
                       category: bilateral (two parties) or multilateral -->
                  <agreement kind="FILL-IN" category="FILL-IN"/>
                  <!-- announced, under-negotiation, signed, ratified, in-force, suspended, terminated or expired -->
                  <status>FILL-IN</status>
                  <parties>
                    <!-- At least two parties, of two states: ref is a short name used inside this
                         record (IDN), country the state's three-letter code (IDN) -->
                    <party ref="FILL-IN" country="FILL-IN" role="party">
                      <organisation>
                        <narrative>FILL-IN the first party's organisation</narrative>
                      </organisation>
                    </party>
                    <party ref="FILL-IN" country="FILL-IN" role="party">
                      <organisation>
                        <narrative>FILL-IN the second party's organisation</narrative>
                      </organisation>
                    </party>
                  </parties>
                  <!-- Who may see the record: policy is your organisation's id; classification is
                       unclassified, restricted, confidential, secret or top-secret; for a labelled record,
                       add <releasableTo>IDN</releasableTo> per state it may be released to -->
                  <confidentiality policy="FILL-IN" classification="FILL-IN"/>
                </partnershipRecord>

                """
        }
    }
}
