import Accord
import Foundation
import AccordTestSupport
import Testing

@Suite("Validation: concurrency")
struct ConcurrentValidationTests {
    @Test("validating from many tasks at once gives the same answers as one at a time")
    func concurrentEqualsSerial() async throws {
        let files = Fixtures.validExampleFiles + Fixtures.invalidExampleFiles
        let inputs = try files.map { (name: $0.lastPathComponent, bytes: try Fixtures.bytes($0)) }
        let validator = RecordValidator()
        let serial = inputs.map { validator.validate($0.bytes, file: $0.name) }
        let rounds = 40
        let concurrent = await withTaskGroup(of: (Int, RecordValidation).self) { group in
            for _ in 0..<rounds {
                for (index, input) in inputs.enumerated() {
                    group.addTask { (index, validator.validate(input.bytes, file: input.name)) }
                }
            }
            var results: [(Int, RecordValidation)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(concurrent.count == rounds * inputs.count)
        for (index, result) in concurrent {
            #expect(result == serial[index], "\(inputs[index].name)")
        }
    }
}
