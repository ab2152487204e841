import Foundation
import SallaGenKit
import TestSupport
import XCTest

/// The build plugin cannot import the generator, so it declares the output files itself; they
/// must be the generator's, or SwiftPM would compile stale or missing files.
final class PluginTests: XCTestCase {
    func testPluginDeclaresTheGeneratorsOutputFiles() throws {
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Plugins/SallaGenPlugin/plugin.swift"), encoding: .utf8)
        let line = try XCTUnwrap(source.split(separator: "\n").first { $0.contains("static let outputFiles = [") })
        let names = line.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
        XCTAssertEqual(names, Generator.outputFiles)
    }
}
