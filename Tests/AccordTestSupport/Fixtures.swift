import Accord
import Foundation

/// Paths and helpers shared by the tests.
public enum Fixtures {
    /// The repository's root folder.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }()

    public static let examples = root.appendingPathComponent("examples")
    public static let invalidExamples = examples.appendingPathComponent("invalid")
    public static let recordSchema = root.appendingPathComponent("schemas/partnership-record-v1.xsd")
    public static let motivatingExample = examples.appendingPathComponent("indonesia-belarus-2025.xml")

    /// The `accord` executable built beside the test bundle.
    public static let accordExecutable: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("accord").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        return root.appendingPathComponent("cli/.build/debug/accord").path
    }()

    /// The valid example records shipped in `examples/`.
    public static var validExampleFiles: [URL] { xmlFiles(in: examples) }

    /// The invalid example records in `examples/invalid/`.
    public static var invalidExampleFiles: [URL] { xmlFiles(in: invalidExamples) }

    public static func xmlFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    public static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// The motivating example, read and validated.
    public static func motivatingRecord() throws -> PartnershipRecord {
        try PartnershipRecord(validatingXML: bytes(motivatingExample), file: motivatingExample.path)
    }

    /// A fresh temporary folder, removed by the caller.
    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("accord-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Standard tools the suite compares against. Tests that need one are skipped on a machine
/// without it; `.ci/run` installs every one of them and checks they are there first.
public enum ExternalTool {
    public static func path(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the tool is installed.
    public static func available(_ name: String) -> Bool {
        path(name) != nil
    }

    public struct Output {
        public var status: Int32
        public var standardOutput: String
        public var standardError: String
    }

    /// Runs a tool to completion.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], input: Data? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : (path(executable) ?? executable))
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        // Read both pipes concurrently so that neither can fill up and block the tool.
        // The semaphore orders the reader's write before the read below (ThreadSanitizer
        // reported polling isFinished as a race).
        nonisolated(unsafe) var errData = Data()
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            finished.signal()
        }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        finished.wait()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self))
    }
}
