import Diagnostics
import Foundation
import OpenAPIReader
import SallaGenKit
import SpecIR
import SwiftShaping
import XCTest
import YAMLLoader
import TestSupport

/// One small OpenAPI fragment per construct, checked against the exact IR it reads into.
final class ReadingTests: XCTestCase {
    func testReferenceToComponent() throws {
        let result = try Snippet.read(schemas: """
            Customer:
              type: object
              properties:
                id: {type: integer}
            Order:
              type: object
              properties:
                customer:
                  $ref: '#/components/schemas/Customer'
            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.spec.types.map(\.name), ["Customer", "Order"])
        XCTAssertEqual(Snippet.property("customer", of: "Order", in: result.spec)?.schema.kind, .reference("Customer"))
    }
    func testTildeEscapesInReference() throws {
        let result = try Snippet.read(schemas: """
            pets/dog~x:
              type: object
              properties:
                name: {type: string}
            a~1b:
              type: object
              properties:
                name: {type: string}
            Owner:
              type: object
              properties:
                pet:
                  $ref: '#/components/schemas/pets~1dog~0x'
                other:
                  $ref: '#/components/schemas/a~01b'
            """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(Snippet.property("pet", of: "Owner", in: result.spec)?.schema.kind, .reference("pets/dog~x"))
        // `~01` is an escaped `~` followed by `1`, not an escaped `/`.
        XCTAssertEqual(Snippet.property("other", of: "Owner", in: result.spec)?.schema.kind, .reference("a~1b"))
    }
    func testMissingReferenceTargetIsErrorAtTheReference() throws {
        let schemas = """
            Order:
              type: object
              properties:
                customer:
                  $ref: '#/components/schemas/Missing'
            """
        let text = Snippet.document(schemas: schemas)
        let result = try Snippet.read([("snippet.yaml", text)])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 1, "\(result.diagnostics)")
        XCTAssertTrue(errors.first?.message.contains("does not exist") == true, errors.first?.message ?? "")
        XCTAssertTrue(errors.first?.message.contains("#/components/schemas/Missing") == true, errors.first?.message ?? "")
        XCTAssertEqual(errors.first?.location, Snippet.location("snippet.yaml", Snippet.position(of: "'#/components/schemas/Missing'", in: text)))
    }
    func testNullableFlag() throws {
        let result = try Snippet.read(schemas: """
            Profile:
              type: object
              properties:
                nickname: {type: string, nullable: true}
                city: {type: string}
            """)
        XCTAssertEqual(Snippet.property("nickname", of: "Profile", in: result.spec)?.schema, Schema(.string(nil), nullable: true))
        XCTAssertEqual(Snippet.property("city", of: "Profile", in: result.spec)?.schema, Schema(.string(nil)))
    }
    func testNullInTypeListIsNullable() throws {
        let result = try Snippet.read(schemas: """
            Profile:
              type: object
              properties:
                age:
                  type: [integer, "null"]
            """, version: "3.1.0")
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(Snippet.property("age", of: "Profile", in: result.spec)?.schema, Schema(.integer, nullable: true))
    }
    func testExclusiveMinimumAsNumber31() throws {
        let result = try Snippet.read(schemas: """
            Form:
              type: object
              properties:
                rating: {type: integer, exclusiveMinimum: 0}
            """, version: "3.1.0")
        XCTAssertEqual(Snippet.property("rating", of: "Form", in: result.spec)?.schema.constraints, Constraints(minimum: 0, exclusiveMinimum: true))
    }
    func testUnknownHTTPMethodIsLocatedError() throws {
        let text = Snippet.document(paths: """
            /things:
              fetch:
                operationId: fetchThings
                responses:
                  '204': {description: Fetched}
            """)
        let result = try Snippet.read([("snippet.yaml", text)])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 1, "\(result.diagnostics)")
        XCTAssertTrue(errors.first?.message.contains("unknown HTTP method 'fetch'") == true, errors.first?.message ?? "")
        XCTAssertEqual(errors.first?.location, Snippet.location("snippet.yaml", Snippet.position(of: "fetch:", in: text)))
    }
    func testWrongTypeForMaxLengthIsLocatedError() throws {
        let text = Snippet.document(schemas: """
            Form:
              type: object
              properties:
                name: {type: string, maxLength: "ten"}
            """)
        let result = try Snippet.read([("snippet.yaml", text)])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 1, "\(result.diagnostics)")
        XCTAssertTrue(errors.first?.message.contains("maxLength") == true, errors.first?.message ?? "")
        XCTAssertEqual(errors.first?.location, Snippet.location("snippet.yaml", Snippet.position(of: "\"ten\"", in: text)))
    }
    func testWrongTypeForPropertiesIsLocatedError() throws {
        let text = Snippet.document(schemas: """
            Form:
              type: object
              properties: 5
            """)
        let result = try Snippet.read([("snippet.yaml", text)])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 1, "\(result.diagnostics)")
        XCTAssertTrue(errors.first?.message.contains("properties") == true, errors.first?.message ?? "")
        let key = Snippet.position(of: "properties: 5", in: text)
        XCTAssertEqual(errors.first?.location, Snippet.location("snippet.yaml", key.map { ($0.line, $0.column + "properties: ".count) }))
    }
    func testWrongTypeForRequiredIsLocatedError() throws {
        let text = Snippet.document(schemas: """
            Form:
              type: object
              required: yes
              properties:
                name: {type: string}
            """, paths: """
            /forms:
              get:
                operationId: listForms
                parameters:
                  - name: page
                    in: query
                    required: yes
                    schema: {type: integer}
                responses:
                  '204': {description: Listed}
            """)
        let result = try Snippet.read([("snippet.yaml", text)])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 2, "\(result.diagnostics)")
        let schemaYes = Snippet.position(of: "required: yes", in: text, occurrence: 2).map { ($0.line, $0.column + "required: ".count) }
        let parameterYes = Snippet.position(of: "required: yes", in: text, occurrence: 1).map { ($0.line, $0.column + "required: ".count) }
        XCTAssertEqual(Set(errors.compactMap(\.location)), Set([Snippet.location("snippet.yaml", schemaYes), Snippet.location("snippet.yaml", parameterYes)].compactMap { $0 }))
        XCTAssertTrue(errors.allSatisfy { $0.message.contains("required") }, "\(errors)")
    }
    func testMergingIdenticalComponentGivesOneType() throws {
        let customers = Snippet.customerDocument("id: {type: integer}\nname: {type: string}", path: "/customers", operationId: "listCustomers")
        let orders = Snippet.customerDocument("id: {type: integer}\nname: {type: string}", path: "/orders", operationId: "listOrders")
        let result = try Snippet.read([(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.spec.types.map(\.name), ["Customer"])
        XCTAssertEqual(result.spec.operations.map { $0.successResponse?.schema?.kind }, [.reference("Customer"), .reference("Customer")])

        let rendered = try Snippet.generate(files: [(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        XCTAssertEqual(rendered.diagnostics, [])
        XCTAssertEqual(rendered.models.components(separatedBy: "public struct Customer").count - 1, 1, rendered.models)
        assertContains(rendered.client, "public func listCustomers() async throws -> Customer {", "public func listOrders() async throws -> Customer {")
    }
    func testMergingSupersetKeepsOneTypeWithTheUnion() throws {
        let customers = Snippet.customerDocument("id: {type: integer}\nname: {type: string}", path: "/customers", operationId: "listCustomers")
        let orders = Snippet.customerDocument("id: {type: integer}\nname: {type: string}\nemail: {type: string}", path: "/orders", operationId: "listOrders")
        for documents in [[(Snippet.customersFile, customers), (Snippet.ordersFile, orders)], [(Snippet.customersFile, orders), (Snippet.ordersFile, customers)]] {
            let result = try Snippet.read(documents.map { (file: $0.0, text: $0.1) })
            XCTAssertEqual(result.diagnostics, [])
            XCTAssertEqual(result.spec.types.map(\.name), ["Customer"])
            guard case .object(let object)? = result.spec.type(named: "Customer")?.schema.kind else {
                XCTFail("Customer is not an object")
                continue
            }
            XCTAssertEqual(object.properties.map(\.name), ["id", "name", "email"])
        }
        let rendered = try Snippet.generate(files: [(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        assertContains(rendered.models, "    public let email: String?\n", "        try container.encodeIfPresent(self.email, forKey: \"email\")")
        XCTAssertEqual(rendered.models.components(separatedBy: "public struct Customer").count - 1, 1, rendered.models)
    }
    /// Beyond the brief: two copies of `Order` that read alike but refer to different copies
    /// of `Customer` describe different data, so each document's `Order` must lead to its own
    /// `Customer`.
    func testMergingFollowsConflictsThroughReferences() throws {
        let order = """

            Order:
              type: object
              properties:
                customer:
                  $ref: '#/components/schemas/Customer'
            """
        let customers = Snippet.customerDocument("id: {type: integer}", path: "/customers", operationId: "listCustomers", extraSchemas: order, returning: "Order")
        let orders = Snippet.customerDocument("id: {type: string}", path: "/orders", operationId: "listOrders", extraSchemas: order, returning: "Order")
        let result = try Snippet.read([(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        XCTAssertEqual(Snippet.errors(result), [])
        for operation in result.spec.operations {
            guard case .reference(let orderName)? = operation.successResponse?.schema?.kind,
                  let customerProperty = Snippet.property("customer", of: orderName, in: result.spec),
                  case .reference(let customerName) = customerProperty.schema.kind,
                  let customer = result.spec.type(named: customerName),
                  case .object(let object) = customer.schema.kind else {
                XCTFail("cannot follow \(operation.path) to its customer")
                continue
            }
            let expected: Schema.Kind = operation.path == "/customers" ? .integer : .string(nil)
            XCTAssertEqual(object.properties.first?.schema.kind, expected, "\(operation.path) reaches \(orderName) -> \(customerName)")
        }
    }
    func testSameOperationDescribedDifferentlyIsErrorNamingBothPlaces() throws {
        func document(_ summary: String) -> String {
            Snippet.document(paths: """
                /things:
                  get:
                    operationId: listThings
                    summary: \(summary)
                    responses:
                      '204': {description: Listed}
                """)
        }
        let result = try Snippet.read([(Snippet.customersFile, document("List things")), (Snippet.ordersFile, document("Fetch things"))])
        let errors = Snippet.errors(result)
        XCTAssertEqual(errors.count, 1, "\(result.diagnostics)")
        let error = try XCTUnwrap(errors.first)
        XCTAssertTrue(error.message.contains("GET /things"), error.message)
        XCTAssertEqual(Set([error.location?.file, error.notes.first?.location.file].compactMap { $0 }), [Snippet.customersFile, Snippet.ordersFile])
        let line = Snippet.position(of: "get:", in: document(""))?.line
        XCTAssertNotNil(line)
        XCTAssertTrue([line, (line ?? 0) + 1].contains(error.location?.line), "\(error)")

        // The same operation described identically twice is one operation and no error.
        let same = try Snippet.read([(Snippet.customersFile, document("List things")), (Snippet.ordersFile, document("List things"))])
        XCTAssertEqual(same.diagnostics, [])
        XCTAssertEqual(same.spec.operations.count, 1)
    }
    func testMergeResultDoesNotDependOnInputOrder() throws {
        let customers = Snippet.customerDocument("id: {type: integer}\nname: {type: string}", path: "/customers", operationId: "listCustomers")
        let orders = Snippet.customerDocument("id: {type: string}\nemail: {type: string, format: email}", path: "/orders", operationId: "listOrders")
        let files = [(path: Snippet.customersFile, text: customers), (path: Snippet.ordersFile, text: orders)]

        let forward = try Snippet.generate(files: files)
        let backward = try Snippet.generate(files: files, reversed: true)
        XCTAssertFalse(forward.output.files.isEmpty)
        XCTAssertEqual(forward.output.files.map(\.name), backward.output.files.map(\.name))
        for (a, b) in zip(forward.output.files, backward.output.files) {
            XCTAssertEqual(a.contents, b.contents, a.name)
        }

        let readForward = try Snippet.read(files.map { ($0.path, $0.text) })
        let readBackward = try Snippet.read(files.reversed().map { ($0.path, $0.text) })
        XCTAssertEqual(readForward.spec.types, readBackward.spec.types)
        XCTAssertEqual(readForward.spec.operations, readBackward.spec.operations)
        XCTAssertEqual(readForward.diagnostics, readBackward.diagnostics)
    }
}
