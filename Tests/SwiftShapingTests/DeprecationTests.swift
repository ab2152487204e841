import Diagnostics
import Foundation
import OpenAPIReader
import SallaGenKit
import SpecIR
import SwiftShaping
import XCTest
import YAMLLoader
import TestSupport

/// Deprecation reaches callers as compiler warnings, never the generated code itself.
final class DeprecationTests: XCTestCase {
    private let paths = """
        /groups/{id}:
          put:
            operationId: update-group
            deprecated: true
            parameters:
              - {name: id, in: path, required: true, schema: {type: integer}}
              - {name: legacy, in: query, deprecated: true, description: Old filter., schema: {type: string}}
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      name: {type: string, maxLength: 10}
                      old_name: {type: string, maxLength: 10, deprecated: true}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Group'}
        """
    private let schemas = """
        Group:
          type: object
          properties:
            id: {type: integer}
            features: {$ref: '#/components/schemas/Features'}
        Features:
          type: object
          deprecated: true
          properties:
            vip: {type: boolean}
        """

    func testDeprecatedOperationPropertyAndTypeCompileWithoutWarnings() throws {
        let rendered = try Snippet.generate(schemas: schemas, paths: paths)
        assertContains(rendered.client, """
                    ///   - legacy: Old filter. (Deprecated by the API.)
            """, """
                    @available(*, deprecated, message: "Deprecated by the API.")
                    public func updateGroup(id: Int, body: UpdateGroupBody? = nil, legacy: String? = nil) async throws -> Group {
            """)
        assertContains(rendered.models, """
                /// - Warning: Deprecated by the API.
                @available(*, deprecated, message: "Deprecated by the API.")
                public var oldName: String? { get { _oldName } set { _oldName = newValue } }
                /// Where `oldName` is kept: the generated code uses it, so only callers see the deprecation.
                var _oldName: String?
            """, """
                @available(*, deprecated, message: "Deprecated by the API.")
                public var features: Features? { _features }
            """, """
            /// The `Features` schema of the API.
            ///
            /// - Warning: Deprecated by the API.
            public struct Features: SallaModel {
            """)
        assertContains(rendered.validation, #"validator.maxLength(_oldName, 10, at: path.appending("old_name"))"#)
        try assertTypeChecks(rendered)
    }

    func testCallersOfDeprecatedDeclarationsAreWarned() throws {
        let rendered = try Snippet.generate(schemas: schemas, paths: paths)
        let caller = """
            import SallaRuntime
            func use(_ client: SallaClient, _ group: Group) async throws {
                _ = group.features
                _ = UpdateGroupBody(name: "a", oldName: "b").oldName
                _ = try await client.groups.updateGroup(id: 1)
            }
            """
        let messages = try XCTUnwrap(try Snippet.typeCheck(rendered, with: [("Caller.swift", caller)]), "the caller compiled without warnings")
        // Each finding's first line: `path:line:col: error: message` (warnings count as errors here).
        let findings = messages.split(separator: "\n").filter { $0.hasPrefix("/") && $0.contains(": error: ") }
        XCTAssertEqual(findings.count, 3, messages)
        XCTAssertTrue(findings.allSatisfy { $0.contains("/Caller.swift:") && $0.contains("is deprecated: Deprecated by the API.") }, messages)
    }
}
