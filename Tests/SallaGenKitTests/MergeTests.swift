import Diagnostics
import Foundation
import OpenAPIReader
import OpenAPIWriter
import OutputWriter
import SallaGenKit
import SpecIR
import TestSupport
import XCTest
import YAMLLoader

/// The merged, normalised OpenAPI document: written from the IR, read back into the same IR.
final class MergeTests: XCTestCase {
    private var corpus: URL { packageRoot.deletingLastPathComponent().appendingPathComponent("shared/salla-openapi") }
    private var customersSpec: String { packageRoot.appendingPathComponent("specs/customers.yaml").path }

    // MARK: Helpers

    /// The merged spec of files on disk, failing the test on errors.
    private func merged(_ inputs: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Spec {
        let result = Generator.mergedSpec(inputs: inputs)
        XCTAssertFalse(result.hasErrors, result.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        return try XCTUnwrap(result.spec, file: file, line: line)
    }

    /// The merged spec of documents given as text.
    private func merged(_ documents: [(path: String, text: String)], file: StaticString = #filePath, line: UInt = #line) throws -> Spec {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try merged(try Snippet.write(documents, in: folder), file: file, line: line)
    }

    /// Writes `spec`, reads the YAML back, and checks that operations and types came back equal.
    @discardableResult
    private func assertRoundTrips(_ spec: Spec, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let yaml = OpenAPIWriter.yaml(spec)
        let root: YAMLNode
        do {
            root = try YAMLLoader.load(text: yaml, file: "merged.yaml")
        } catch {
            XCTFail("the written YAML does not load: \(error.diagnostic)\n\(yaml)", file: file, line: line)
            return yaml
        }
        let read = OpenAPIReader.read([OpenAPIReader.Document(file: "merged.yaml", root: root)])
        let errors = read.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors, [], "the written document has errors", file: file, line: line)
        XCTAssertEqual(read.spec.title, spec.title, file: file, line: line)
        XCTAssertEqual(read.spec.serverURL, spec.serverURL, file: file, line: line)

        XCTAssertEqual(read.spec.operations.map(\.id), spec.operations.map(\.id), "operations and their order", file: file, line: line)
        for (back, original) in zip(read.spec.operations, spec.operations) {
            XCTAssertEqual(withoutLocation(back), withoutLocation(original), "operation \(original.id)", file: file, line: line)
        }
        XCTAssertEqual(read.spec.types.map(\.name), spec.types.map(\.name), "type names", file: file, line: line)
        for (back, original) in zip(read.spec.types, spec.types) {
            XCTAssertEqual(back.schema, original.schema, "type \(original.name)", file: file, line: line)
        }
        XCTAssertEqual(OpenAPIWriter.yaml(read.spec), yaml, "writing the read-back spec gives the same text", file: file, line: line)
        return yaml
    }

    private func withoutLocation(_ operation: SpecIR.Operation) -> SpecIR.Operation {
        var copy = operation
        copy.location = nil
        return copy
    }

    // MARK: Round trips

    func testCustomersRoundTrip() throws {
        let spec = try merged([customersSpec])
        XCTAssertEqual(spec.operations.count, 8)
        let yaml = try assertRoundTrips(spec)
        XCTAssertTrue(yaml.hasPrefix("openapi: \"3.0.3\"\ninfo:\n  title: \"Salla Merchant API — Customers\"\n  version: \"1.0.0\"\n"), yaml)
        XCTAssertTrue(yaml.contains("$ref: \"#/components/schemas/Object%20Not%20Found(404)\""), "percent-encoded reference")
        XCTAssertTrue(yaml.contains("\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n"), yaml)
        XCTAssertTrue(yaml.contains("x-salla-php-method-name: "), "vendor method names kept")
    }

    func testTrickyNamesAndStringsRoundTrip() throws {
        let document = #"""
            openapi: 3.1.0
            info: {title: "متجر: Salla # API", version: '2'}
            servers:
              - url: https://api.example.com/v2
            paths:
              /things/{thing id}:
                get:
                  summary: "yes"
                  description: "Line one\nline two: with colon # and hash\n  indented\ttab \"quoted\" 'single'\u2028sep\u0085nel \u0007bell"
                  tags: ['Stores / منتجات']
                  deprecated: true
                  x-salla-php-method-name: 'on'
                  x-salla-php-return-type: "null"
                  parameters:
                    - name: thing id
                      in: path
                      schema: {type: integer, minimum: 0.5, maximum: 1e20, exclusiveMaximum: true}
                    - name: "fields[]"
                      in: query
                      required: true
                      description: ''
                      schema:
                        type: array
                        items: {type: string, enum: ['yes', 'no', '1', '', 'null', 'true', ' padded ']}
                        minItems: 1
                        uniqueItems: true
                    - name: X-Token
                      in: header
                      deprecated: true
                  responses:
                    '200':
                      description: 'OK: "fine"'
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Object%20Not%20Found(404)'}
                          example:
                            '200': 'yes'
                            '': [[], {}, [1, [2.5, "3"]], null, true, -0.5, 35.0, 1e20, 12345678901234567890]
                            'a: b': "- dash"
                            "#hash": "~"
                            عربي: "نص عربي\nسطر"
                          examples:
                            'first one': {value: {data: 'on'}}
                            '404': {value: []}
                    default:
                      description: anything
                      content:
                        application/json:
                          examples:
                            - {a: 1}
                            - "plain text"
                    '204': {}
                post:
                  operationId: "Create: thing"
                  security:
                    - bearer: [things.read_write, 'yes']
                  requestBody:
                    required: true
                    description: "upload"
                    content:
                      multipart/form-data:
                        schema:
                          type: object
                          required: [file]
                          properties:
                            file: {type: string, format: binary}
                            note: {type: string, maxLength: 10, minLength: 2, pattern: '^[\d]+: #$'}
                  responses:
                    '201':
                      description: created
              /other:
                put:
                  operationId: put-other
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: '#/components/schemas/a~1b~0c'}
                        example: {id: 1}
                  responses:
                    '422':
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/%D8%B9%D9%85%D9%8A%D9%84'}
            components:
              schemas:
                Object Not Found(404):
                  type: object
                  description: "Not found: \"404\""
                  properties:
                    'yes': {type: boolean, readOnly: true}
                    '200': {type: string, format: date-time, nullable: true}
                    "null": {}
                    'key: value': {type: number, deprecated: true}
                    "line\nbreak": {type: ['integer', 'null']}
                    nested:
                      $ref: '#/components/schemas/عميل'
                      description: 'sibling of $ref'
                      nullable: true
                  additionalProperties: {type: string}
                a/b~c:
                  type: object
                  properties:
                    id: {type: integer}
                    status:
                      type: string
                      enum: [active, 'yes', 'null']
                      x-apidog-enum:
                        - {value: active, description: "فعال"}
                        - {value: 'yes', description: "a \"yes\""}
                        - {value: gone, description: "listed only here"}
                    level: {type: integer, enum: [1, '05', 3], nullable: true}
                    tags: {type: object, additionalProperties: true}
                    scores: {type: object, additionalProperties: {type: integer}}
                    email: {type: string, format: email}
                    empty: {type: object}
                    anything: {nullable: true, description: ""}
                عميل:
                  type: array
                  items: {type: string, format: uuid}
                  maxItems: 3
            """#
        let spec = try merged([("tricky.yaml", document)])
        XCTAssertEqual(spec.types.map(\.name).sorted(), ["Object Not Found(404)", "a/b~c", "عميل"])
        let yaml = try assertRoundTrips(spec)
        XCTAssertTrue(yaml.contains("\"#/components/schemas/a~1b~0c\""), yaml)
        XCTAssertTrue(yaml.contains("\"#/components/schemas/%D8%B9%D9%85%D9%8A%D9%84\""), yaml)
        XCTAssertTrue(yaml.contains("\\u2028sep\\u0085nel \\u0007bell"), "separators and controls are escaped")
        XCTAssertTrue(yaml.contains("\n        \"yes\":\n"), "a key YAML 1.1 reads as a boolean is quoted")
        XCTAssertTrue(yaml.contains("\n        \"200\":\n"), "status keys are quoted")

        // Spot checks that the tricky values are really the ones read, not merely equal on both sides.
        let get = try XCTUnwrap(spec.operations.first { $0.method == .get })
        XCTAssertEqual(get.summary, "yes")
        XCTAssertEqual(get.sdkMethodName, "on")
        XCTAssertEqual(get.group, "منتجات")
        XCTAssertEqual(get.responses.map(\.status), [200, nil, 204])
        XCTAssertEqual(get.responses.first?.examples.map(\.name), [nil, "first one", "404"])
        XCTAssertEqual(get.responses.dropFirst().first?.examples.map(\.value), [.object([("a", .int(1))]), .string("plain text")])
    }

    func testNumbersInExamplesKeepTheirKind() throws {
        let spec = Spec(title: "T", operations: [
            SpecIR.Operation(id: "x", method: .get, path: "/x", group: "X", responses: [
                Response(status: 200, examples: [Example(name: nil, value: .array([
                    .double(35), .double(-0.0), .double(1e-7), .double(1e300), .int(Int.min), .int(0), .string("35.0"), .string(".inf"),
                ]), location: nil)]),
            ]),
        ], types: [])
        try assertRoundTrips(spec)
    }

    func testReferenceEncoding() {
        XCTAssertEqual(OpenAPIWriter.componentReference("Object Not Found(404)"), "#/components/schemas/Object%20Not%20Found(404)")
        XCTAssertEqual(OpenAPIWriter.componentReference("a/b~c 'x'%"), "#/components/schemas/a~1b~0c%20'x'%25")
        XCTAssertEqual(OpenAPIWriter.componentReference("é"), "#/components/schemas/%C3%A9")
    }

    // MARK: Determinism

    private let thingsDocument = """
        openapi: 3.0.3
        info: {title: Things, version: '1'}
        paths:
          /things:
            get:
              operationId: list-things
              tags: [Things]
              responses:
                '200':
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
          /stuff:
            get:
              operationId: list-stuff
              tags: [Things]
              responses:
                '200': {description: ok}
        components:
          schemas:
            Thing:
              type: object
              properties:
                id: {type: integer}

        """

    private let moreThingsDocument = """
        openapi: 3.0.3
        info: {title: More things, version: '1'}
        paths:
          /things:
            post:
              operationId: create-thing
              tags: [Things]
              requestBody:
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Thing'}
              responses:
                '201':
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Thing'}
        components:
          schemas:
            Thing:
              type: object
              properties:
                name: {type: string}

        """

    func testTwoDocumentsMergeDeterministicallyInAnyOrder() throws {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Snippet.write([("Things/things.yaml", thingsDocument), ("Stock/more.yaml", moreThingsDocument)], in: folder)
        let forward = try merged(paths)
        let backward = try merged(paths.reversed())
        let yaml = try assertRoundTrips(forward)
        XCTAssertEqual(OpenAPIWriter.yaml(backward), yaml, "input order does not matter")
        XCTAssertEqual(OpenAPIWriter.yaml(try merged(paths)), yaml, "the same inputs give the same text")

        // Operations of one path stand together, so the document lists each path once.
        XCTAssertEqual(forward.operations.map(\.id), ["create-thing", "list-things", "list-stuff"])
        XCTAssertEqual(yaml.components(separatedBy: "\n  \"/things\":\n").count, 2, yaml)
        // The differing copy of Thing keeps a name with a space and parentheses.
        XCTAssertEqual(forward.types.map(\.name), ["Thing", "Thing (Things)"])
        XCTAssertTrue(yaml.contains("\"#/components/schemas/Thing%20(Things)\""), yaml)
    }

    func testMergedHeaderCountsDocuments() {
        let spec = Spec(title: "T", operations: [], types: [])
        XCTAssertTrue(MergedDocument.text(spec, documentCount: 1).hasPrefix("# Generated by sallagen merge from 1 document. Do not edit.\nopenapi: "))
        XCTAssertTrue(MergedDocument.text(spec, documentCount: 3).hasPrefix("# Generated by sallagen merge from 3 documents. Do not edit.\n"))
        XCTAssertTrue(OpenAPIWriter.yaml(spec).contains("\npaths: {}\n"))
    }

    // MARK: The corpus

    func testCorpusMergeRoundTripsAndGeneratesTheSameSwift() throws {
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("Corpus merge check skipped: \(corpus.path) does not exist (it sits beside the package only on the project's machines).")
            throw XCTSkip("corpus not present at \(corpus.path)")
        }
        let result = Generator.mergedSpec(inputs: [corpus.path])
        XCTAssertFalse(result.hasErrors)
        let spec = try XCTUnwrap(result.spec)
        let yaml = try assertRoundTrips(spec)

        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mergedFile = folder.appendingPathComponent("salla.yaml")
        try Data(MergedDocument.text(spec, documentCount: result.files.count).utf8).write(to: mergedFile)
        let fromInputs = Generator.generate(.init(inputs: [corpus.path]))
        let fromMerged = Generator.generate(.init(inputs: [mergedFile.path]))
        XCTAssertFalse(fromMerged.hasErrors, fromMerged.diagnostics.map(\.description).joined(separator: "\n"))
        assertSameSwift(fromMerged.files, fromInputs.files)
        print("corpus merge: \(result.files.count) documents, \(spec.operations.count) operations, \(spec.types.count) schemas, \(yaml.count) characters of YAML")
    }
}

/// Two sets of generated files are equal apart from their first (header) line.
func assertSameSwift(_ actual: [OutputFile], _ expected: [OutputFile], file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.map(\.name), expected.map(\.name), file: file, line: line)
    XCTAssertEqual(expected.map(\.name), Generator.outputFiles, file: file, line: line)
    for (a, b) in zip(actual, expected) {
        let bodyA = a.contents.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        let bodyB = b.contents.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first
        if bodyA != bodyB {
            let linesA = a.contents.split(separator: "\n", omittingEmptySubsequences: false)
            let linesB = b.contents.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(linesA, linesB).dropFirst().enumerated().first { $0.element.0 != $0.element.1 }
            XCTFail("\(a.name) differs; first at line \((first?.offset ?? 0) + 2):\n  \(first?.element.0 ?? "")\n  \(first?.element.1 ?? "")", file: file, line: line)
        }
    }
}
