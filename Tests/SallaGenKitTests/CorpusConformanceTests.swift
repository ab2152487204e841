import Diagnostics
import Foundation
import SallaGenKit
import TestSupport
import XCTest

/// The real Salla corpus (../shared/salla-openapi beside the package): generate one SDK from all
/// documents, compile it with warnings as errors in Swift 6 mode, and decode every example.
/// Run alone with `swift test --filter CorpusConformanceTests`.
final class CorpusConformanceTests: XCTestCase {
    private var corpus: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/salla-openapi") }

    func testEveryCorpusExampleDecodesWithTheGeneratedSDK() throws {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("Corpus conformance check skipped: \(corpus.path) does not exist (it sits beside the package only on the project's machines).")
            throw XCTSkip("corpus not present at \(corpus.path)")
        }
        let output = Generator.generate(.init(inputs: [corpus.path]))
        XCTAssertFalse(output.hasErrors, output.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n"))
        guard let spec = output.spec, let model = output.model else { return XCTFail("no spec generated") }
        let warnings = output.diagnostics.filter { $0.severity == .warning }
        print("corpus: \(spec.operations.count) operations, \(output.modelCount) models, \(warnings.count) warnings")
        for warning in warnings { print("  \(warning)") }

        // A small package: the runtime's sources, the generated SDK, and the checking program.
        let package = packageRoot.appendingPathComponent(".build-conformance/package")
        let manager = FileManager.default
        for folder in ["Sources/SallaSDK", "Sources/Conformance"] {
            try manager.createDirectory(at: package.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let runtimeLink = package.appendingPathComponent("Sources/SallaRuntime")
        try? manager.removeItem(at: runtimeLink)
        try manager.createSymbolicLink(at: runtimeLink, withDestinationURL: packageRoot.appendingPathComponent("Sources/SallaRuntime"))
        try writeIfChanged(package.appendingPathComponent("Package.swift"), """
            // swift-tools-version: 6.0
            import PackageDescription
            let package = Package(name: "conformance", dependencies: [
                .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
                .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
            ], targets: [
                .target(name: "SallaRuntime", dependencies: [
                    .product(name: "HTTPTypes", package: "swift-http-types"),
                    .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                    .product(name: "Logging", package: "swift-log"),
                ]),
                .target(name: "SallaSDK", dependencies: ["SallaRuntime"], swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]),
                .executableTarget(name: "Conformance", dependencies: ["SallaSDK", "SallaRuntime"]),
            ])

            """)
        let sdk = package.appendingPathComponent("Sources/SallaSDK")
        for stale in try manager.contentsOfDirectory(atPath: sdk.path) where !output.files.contains(where: { $0.name == stale }) {
            try manager.removeItem(at: sdk.appendingPathComponent(stale))
        }
        for file in output.files {
            try writeIfChanged(sdk.appendingPathComponent(file.name), file.contents)
        }
        let program = ConformanceProgram.source(spec: spec, model: model, sdkModule: "SallaSDK")
        try writeIfChanged(package.appendingPathComponent("Sources/Conformance/main.swift"), program.source)

        let started = Date()
        let build = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--package-path", package.path])
        XCTAssertEqual(build.status, 0, "the generated SDK does not compile:\n\(build.standardOutput)\n\(build.standardError)")
        guard build.status == 0 else { return }
        print("generated SDK and checker compiled (debug) in \(Int(Date().timeIntervalSince(started))) s")

        let binary = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["swift", "build", "--package-path", package.path, "--show-bin-path"])
        let checker = URL(fileURLWithPath: binary.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)).appendingPathComponent("Conformance")
        let result = try runProcess(checker, [])
        print(result.standardOutput)
        // The counts the program kept, against the number of checks this test wrote into it.
        let counts = result.standardOutput.split(separator: "\n").last { $0.hasPrefix("checked: ") }
            .map { $0.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) } } ?? []
        XCTAssertEqual(counts.count, 2, "the checker printed no counts:\n\(result.standardOutput)")
        XCTAssertEqual(counts.first.map { $0 + (counts.last ?? 0) }, program.summary.examples, "every check ran once")
        XCTAssertEqual(counts.last, 0, "corpus examples failed to decode:\n\(result.standardOutput)")
        XCTAssertEqual(result.status, 0)
        print("corpus conformance: \(program.summary.operations) operations, \(program.summary.examples) examples, \(counts.first ?? 0) passed")
    }

    /// Leaves unchanged files alone so a second local run rebuilds only what changed.
    private func writeIfChanged(_ url: URL, _ text: String) throws {
        if let existing = try? String(contentsOf: url, encoding: .utf8), existing == text { return }
        try Data(text.utf8).write(to: url)
    }
}
