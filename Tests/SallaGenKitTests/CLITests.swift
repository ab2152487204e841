import Foundation
import OutputWriter
import TestSupport
import XCTest

/// The `sallagen` command as users run it: exit codes, located messages, and what it writes.
final class CLITests: CommandTestCase {
    /// Every models file of an output folder, joined.
    private func allModels(in folder: URL) throws -> String {
        try (1...4).map { try String(contentsOf: folder.appendingPathComponent("Models\($0).swift"), encoding: .utf8) }.joined()
    }

    private let validDocument = """
        openapi: 3.0.1
        info: {title: T, version: '1'}
        paths:
          /things/{thing}:
            get:
              operationId: Get-Thing
              parameters:
                - {name: thing, in: path, required: true, schema: {type: integer}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: {type: integer}

        """

    // MARK: Bad input: one located error, exit 1, nothing written

    func testMalformedYAMLIsALocatedErrorAndWritesNothing() throws {
        try write("bad.yaml", "openapi: 3.0.1\npaths:\n  /a: [1, 2\n")
        let result = try sallagen(["bad.yaml", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.hasPrefix("bad.yaml:4:1: error: "), result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    func testMissingReferenceTarget() throws {
        try write("spec.yaml", validDocument.replacingOccurrences(of: "schemas/Thing'}", with: "schemas/Nothing'}"))
        let result = try sallagen(["spec.yaml", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.standardError.contains("spec.yaml:14:30: error: $ref target '#/components/schemas/Nothing' does not exist"),
            result.standardError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    func testWrongTypeForAKnownKey() throws {
        try write("spec.yaml", validDocument.replacingOccurrences(of: "id: {type: integer}", with: "id: {type: string, maxLength: ten}"))
        let result = try sallagen(["spec.yaml", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("spec.yaml:20:39: error: 'maxLength' must be a non-negative integer, found string"), result.standardError)
    }

    func testUnknownHTTPMethod() throws {
        try write("spec.yaml", validDocument.replacingOccurrences(of: "    get:", with: "    fetch:"))
        let result = try sallagen(["spec.yaml", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("spec.yaml:5:5: error: unknown HTTP method 'fetch'"), result.standardError)
    }

    func testMissingInputFile() throws {
        let result = try sallagen(["nowhere.yaml", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("error: no such file or folder: nowhere.yaml"), result.standardError)
    }

    // MARK: Usage errors exit 2

    func testBadArgumentsAreUsageErrors() throws {
        XCTAssertEqual(try sallagen([customersSpec]).status, 2, "missing -o")
        let noSpec = try sallagen(["-o", "Out"])
        XCTAssertEqual(noSpec.status, 2, "no spec")
        XCTAssertTrue(noSpec.standardError.hasPrefix("sallagen: error: give at least one OpenAPI document or folder, or --config\nUsage: "), noSpec.standardError)
        let badLevel = try sallagen([customersSpec, "-o", "Out", "--access-level", "private"])
        XCTAssertEqual(badLevel.status, 2)
        XCTAssertTrue(badLevel.standardError.contains("private"), badLevel.standardError)
        XCTAssertEqual(try sallagen([customersSpec, "-o", "Out", "--frobnicate"]).status, 2)
    }

    func testOutputBelowAFileSaysWhichPartIsAFile() throws {
        try write("afile", "x")
        let result = try sallagen([customersSpec, "-o", "afile/sub"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError, "sallagen: error: cannot create output folder afile/sub: afile is a file\n")
    }

    // MARK: Finding the specs

    /// A folder named through a symbolic link, relative or absolute, with or without a trailing `/`.
    func testFoldersNamedThroughSymbolicLinksAreSearched() throws {
        let real = folder.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: customersSpec, toPath: real.appendingPathComponent("customers.yaml").path)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("relative").path, withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("absolute").path, withDestinationPath: real.path)
        for input in ["relative", "relative/", "absolute", "absolute/"] {
            let result = try sallagen([input, "-o", "Out-\(input.count)"])
            XCTAssertEqual(result.status, 0, input + ": " + result.standardError)
            XCTAssertTrue(result.standardOutput.hasPrefix("sallagen: 8 operations"), input + ": " + result.standardOutput)
        }
    }

    func testDanglingLinkInASearchedFolderIsALocatedError() throws {
        try write("specs/customers.yaml", try String(contentsOfFile: customersSpec, encoding: .utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("specs/gone.yaml").path, withDestinationPath: "nowhere.yaml")
        let result = try sallagen(["specs", "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.standardError, "specs/gone.yaml:1:1: error: cannot read specs/gone.yaml: it is a symbolic link to nowhere.yaml, which does not exist\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }

    func testHelpShowsExamples() throws {
        let result = try sallagen(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.standardOutput.contains("sallagen specs/customers.yaml -o Generated"), result.standardOutput)
    }

    // MARK: Writing

    func testGeneratesThenRewritesOnlyWhatChanged() throws {
        let first = try sallagen([customersSpec, "-o", "Out"])
        XCTAssertEqual(first.status, 0, first.standardError)
        XCTAssertEqual(first.standardOutput, "sallagen: 8 operations, 13 models, 0 warnings; 6 files written, 0 unchanged\n")

        let models = folder.appendingPathComponent("Out/Models1.swift")
        let stamp = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: models.path)
        let client = folder.appendingPathComponent("Out/Client.swift")
        try Data((OutputWriter.marker + " but edited by hand\n").utf8).write(to: client)

        let second = try sallagen([customersSpec, "-o", "Out"])
        XCTAssertEqual(second.status, 0, second.standardError)
        XCTAssertTrue(second.standardOutput.hasSuffix("1 files written, 5 unchanged\n"), second.standardOutput)
        let modified = try FileManager.default.attributesOfItem(atPath: models.path)[.modificationDate] as? Date
        XCTAssertEqual(modified, stamp, "an unchanged file is not rewritten")
    }

    func testCheckWritesNothingAndReportsDifferences() throws {
        XCTAssertEqual(try sallagen([customersSpec, "-o", "Out", "--check"]).status, 1, "nothing generated yet")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))

        XCTAssertEqual(try sallagen([customersSpec, "-o", "Out"]).status, 0)
        XCTAssertEqual(try sallagen([customersSpec, "-o", "Out", "--check"]).status, 0)

        let validation = folder.appendingPathComponent("Out/Validation.swift")
        let edited = OutputWriter.marker + " edited\n"
        try Data(edited.utf8).write(to: validation)
        let check = try sallagen([customersSpec, "-o", "Out", "--check"])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.standardError.contains("Out/Validation.swift: would change"), check.standardError)
        XCTAssertEqual(try String(contentsOf: validation, encoding: .utf8), edited, "--check writes nothing")
    }

    func testNeverOverwritesAFileItDidNotGenerate() throws {
        let out = folder.appendingPathComponent("Out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let mine = "// My own models, not generated.\nstruct Mine {}\n"
        try Data(mine.utf8).write(to: out.appendingPathComponent("Models1.swift"))
        try Data("keep me\n".utf8).write(to: out.appendingPathComponent("Notes.txt"))

        let result = try sallagen([customersSpec, "-o", "Out"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("Models1.swift was not generated by sallagen"), result.standardError)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("Models1.swift"), encoding: .utf8), mine)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("Client.swift").path), "nothing half-written")
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("Notes.txt"), encoding: .utf8), "keep me\n")
    }

    func testUserTemplatesReplaceBuiltInOnesOneFileAtATime() throws {
        let templates = folder.appendingPathComponent("MyTemplates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let custom = "{{%CONTENT_TYPE: TEXT}}\n{{#headerLines}}\n{{.}}\n{{/headerLines}}\n// custom validation layout\n"
        try Data(custom.utf8).write(to: templates.appendingPathComponent("validation.mustache"))

        let result = try sallagen([customersSpec, "-o", "Out", "--templates", "MyTemplates"])
        XCTAssertEqual(result.status, 0, result.standardError)
        let validation = try String(contentsOf: folder.appendingPathComponent("Out/Validation.swift"), encoding: .utf8)
        XCTAssertTrue(validation.hasSuffix("// custom validation layout\n"), validation)
        let models = try allModels(in: folder.appendingPathComponent("Out"))
        XCTAssertTrue(models.contains("public struct Customer: SallaModel {"), "built-in template still used")
    }

    func testBrokenUserTemplateIsALocatedError() throws {
        let templates = folder.appendingPathComponent("T")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("line one\n{{#types}}\n".utf8).write(to: templates.appendingPathComponent("models.mustache"))
        let result = try sallagen([customersSpec, "-o", "Out", "--templates", "T"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.standardError.contains("T/models.mustache:"), result.standardError)
        XCTAssertTrue(result.standardError.contains("error: template does not parse"), result.standardError)
    }

    func testInternalAccessLevel() throws {
        XCTAssertEqual(try sallagen([customersSpec, "-o", "Out", "--access-level", "internal"]).status, 0)
        let models = try allModels(in: folder.appendingPathComponent("Out"))
        XCTAssertTrue(models.contains("\nstruct Customer: SallaModel {"), models)
        XCTAssertFalse(models.contains("public "))
    }
}
