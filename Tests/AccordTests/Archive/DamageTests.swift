@testable import Accord
import Testing

/// Randomly damaged archives are refused with an `ArchiveError` (or, where the damage
/// is harmless, read); never a crash or a hang.
@Suite struct DamageTests {
    @Test func survivesRandomDamage() throws {
        let tar = RawTar.bundle { tar in
            tar.pax([("path", "bundle/données/Беларусь.xml"), ("mtime", "1.5")])
            tar.entry("bundle/a", data: Array(repeating: 7, count: 700))
            tar.longName(Array(("bundle/" + String(repeating: "n", count: 120)).utf8))
            tar.entry("bundle/b", data: [1, 2, 3], magic: .gnu)
        }
        let gz = try ArchiveTestSupport.gzip(tar)
        var generator = SystemRandomNumberGenerator()
        var refusals = 0
        for round in 0..<3000 {
            var damaged = round.isMultiple(of: 2) ? tar : gz
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                _ = round.isMultiple(of: 2)
                    ? try ArchiveTestSupport.readTar(damaged)
                    : try ArchiveTestSupport.readTarGz(damaged)
            } catch {
                #expect(!error.description.isEmpty)
                refusals += 1
            }
        }
        #expect(refusals > 1000)
    }
}
