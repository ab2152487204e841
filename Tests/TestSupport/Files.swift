import Foundation
import XCTest

/// The package root, found from this file's place in Tests/TestSupport/.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh empty folder under the system temporary folder.
public func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sallagen-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Where SwiftPM put the products of this build (the `sallagen` executable among them).
public var productsDirectory: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
        return bundle.bundleURL.deletingLastPathComponent()
    }
    #endif
    return Bundle.main.bundleURL
}

public struct ProcessResult {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
}

/// Runs a program to completion and captures what it printed.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
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
open class CommandTestCase: XCTestCase {
    public var folder: URL!

    override open func setUpWithError() throws {
        folder = try makeTemporaryFolder()
    }

    override open func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `sallagen` in the test's folder; skips when the executable has not been built.
    public func sallagen(_ arguments: [String]) throws -> ProcessResult {
        let binary = productsDirectory.appendingPathComponent("sallagen")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw XCTSkip("the sallagen executable is not built at \(binary.path); run `swift build` first")
        }
        return try runProcess(binary, arguments, in: folder)
    }

    /// Writes `text` to `name` inside the test's folder, creating folders on the way.
    public func write(_ name: String, _ text: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    public var customersSpec: String { packageRoot.appendingPathComponent("specs/customers.yaml").path }
}

/// The Swift compiler of the running toolchain: `SWIFTC` when set, else `swiftc` on the PATH
/// (or beside `swift`), else `xcrun --find swiftc` on macOS. Nil when there is none.
public let swiftCompiler: URL? = {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["SWIFTC"], FileManager.default.isExecutableFile(atPath: explicit) { return URL(fileURLWithPath: explicit) }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    #if os(macOS)
    if let found = try? runProcess(URL(fileURLWithPath: "/usr/bin/xcrun"), ["--find", "swiftc"]), found.status == 0 {
        return URL(fileURLWithPath: found.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #endif
    return nil
}()

/// Whether this run is CI's, where a check that cannot run is a failure, not a skip.
public var isContinuousIntegration: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
