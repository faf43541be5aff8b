@testable import Accord
import Testing

@Suite("Bundle: pack errors")
struct PackErrorTests {
    static func error(_ number: Int) -> Diagnostic {
        Diagnostic(.datesOutOfOrder, "mistake \(number)", at: SourceLocation(file: "r\(number).xml", line: number))
    }

    @Test("invalid input lists its first three errors, then how many more")
    func invalidInputListsErrors() {
        let warning = Diagnostic(.statusWithoutEvent, "a warning", at: SourceLocation(file: "w.xml"))
        let error = PackError.invalidInput([warning] + (1...5).map(Self.error))
        #expect(error.description == """
            nothing was written: 5 errors in the input:
              r1.xml:1: error[R003]: mistake 1
              r2.xml:2: error[R003]: mistake 2
              r3.xml:3: error[R003]: mistake 3
              and 2 more
            """)
        #expect(PackError.invalidInput([Self.error(7)]).description == "nothing was written: 1 error in the input:\n  r7.xml:7: error[R003]: mistake 7")
    }

    @Test("library messages name no command-line option")
    func noCommandLineWords() {
        #expect(!DiagnosticCode.allCases.contains { $0.summary.contains("--") })
        let messages = [PackError.noRecords, .archive("x"), .inputChanged(path: "a.xml")].map(\.description)
            + [FileError.Reason.alreadyExists, .cannotOpenFolder(errno: 2), .isSymbolicLink].map { FileError(path: "f", reason: $0).description }
        for message in messages {
            #expect(!message.contains("--") && !message.contains("mkdir"), "\(message)")
        }
    }
}
