import Foundation
import SallaGenKit
import TestSupport
import XCTest

/// The generated client for specs/customers.yaml, compared byte for byte with Tests/Golden/CustomersClient.
/// Re-record with `SALLAGEN_RECORD_GOLDEN=1 swift test --filter GoldenTests`.
final class GoldenTests: XCTestCase {
    func testCustomersClientMatchesGoldenFiles() throws {
        let spec = packageRoot.appendingPathComponent("specs/customers.yaml").path
        let output = Generator.generate(.init(inputs: [spec]))
        XCTAssertFalse(output.hasErrors, output.diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(output.files.map(\.name), Generator.outputFiles)

        let golden = packageRoot.appendingPathComponent("Tests/Golden/CustomersClient")
        let recording = ProcessInfo.processInfo.environment["SALLAGEN_RECORD_GOLDEN"] == "1"
        for file in output.files {
            let url = golden.appendingPathComponent(file.name)
            if recording {
                try Data(file.contents.utf8).write(to: url)
                XCTFail("recorded \(file.name); run again without SALLAGEN_RECORD_GOLDEN to compare")
                continue
            }
            let expected = try String(contentsOf: url, encoding: .utf8)
            if expected != file.contents {
                XCTFail("\(file.name) differs from its golden file (re-record with SALLAGEN_RECORD_GOLDEN=1):\n\(try diff(expected: url, actual: file.contents))")
            }
        }
    }

    /// A unified diff from git, which every developer machine and CI here has.
    private func diff(expected: URL, actual: String) throws -> String {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let actualURL = folder.appendingPathComponent(expected.lastPathComponent)
        try Data(actual.utf8).write(to: actualURL)
        let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["git", "diff", "--no-index", "--no-color", expected.path, actualURL.path])
        return result.standardOutput.isEmpty ? "(no diff output: \(result.standardError))" : result.standardOutput
    }
}
