import Foundation
import XCTest

/// The package root, found from this file's place in Tests/SallaGenKitTests/.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh empty folder under the system temporary folder.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sallagen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Where SwiftPM put the products of this build (the `sallagen` executable among them).
var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    #endif
    return Bundle.main.bundleURL
}

struct ProcessResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

/// Runs a program to completion and captures what it printed.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outData, as: UTF8.self),
        standardError: String(decoding: errData, as: UTF8.self))
}

/// A test that runs the built `sallagen` command in a fresh folder of its own.
class CommandTestCase: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = try makeTemporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `sallagen` in the test's folder; skips when the executable has not been built.
    func sallagen(_ arguments: [String]) throws -> ProcessResult {
        let binary = productsDirectory.appendingPathComponent("sallagen")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the sallagen executable is not built at \(binary.path); run `swift build` first")
        }
        return try runProcess(binary, arguments, in: folder)
    }

    /// Writes `text` to `name` inside the test's folder, creating folders on the way.
    func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var customersSpec: String { packageRoot.appendingPathComponent("specs/customers.yaml").path }
}
