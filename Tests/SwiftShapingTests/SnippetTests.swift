import Diagnostics
import Foundation
import OpenAPIReader
import SallaGenKit
import SpecIR
import SwiftShaping
import XCTest
import YAMLLoader
import TestSupport

/// One small OpenAPI fragment per construct, checked against the exact IR it reads into or the
/// exact Swift it renders to.
final class SnippetTests: XCTestCase {
    // MARK: - References

    func testPercentEncodedReferenceDecodesToComponentName() throws {
        let schemas = """
            Object Not Found(404):
              type: object
              properties:
                message: {type: string}
            """
        let paths = Snippet.responding(with: ["Object%20Not%20Found(404)"])
        let result = try Snippet.read(schemas: schemas, paths: paths)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.spec.types.map(\.name), ["Object Not Found(404)"])
        XCTAssertEqual(result.spec.operations.first?.successResponse?.schema?.kind, .reference("Object Not Found(404)"))

        let rendered = try Snippet.generate(schemas: schemas, paths: paths)
        assertDeclaration(#"""
            /// The `Object Not Found(404)` schema of the API.
            public struct ObjectNotFound404: SallaModel {
                /// The `message` field of `ObjectNotFound404`.
                public let message: String?

                public init(
                    message: String? = nil
                ) {
                    self.message = message
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.message = container.lenient(String.self, forKey: "message")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.message, forKey: "message")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
                    /// `GET /probe-0`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func probe0() async throws -> ObjectNotFound404 {
                        let request = Request(method: .get, path: "/probe-0")
                        return try await client.send(request, as: ObjectNotFound404.self)
                    }
            """#, in: rendered.client)
    }

    // MARK: - Recursion and nesting

    func testRecursiveModelIsIndirectOnlyWhereHeldByValue() throws {
        let schemas = """
            Category:
              type: object
              properties:
                id: {type: integer}
                children:
                  type: array
                  items:
                    $ref: '#/components/schemas/Category'
                parent:
                  $ref: '#/components/schemas/Category'
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("children", of: "Category", in: result.spec)?.schema.kind, .array(Schema(.reference("Category"))))
        XCTAssertEqual(Snippet.property("parent", of: "Category", in: result.spec)?.schema.kind, .reference("Category"))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.responding(with: ["Category"]))
        assertDeclaration(#"""
            /// The `Category` schema of the API.
            public struct Category: SallaModel {
                /// The `id` field of `Category`.
                public let id: Int?
                /// The `children` field of `Category`.
                public let children: [Category]?
                /// The `parent` field of `Category`.
                public let parent: Indirect<Category>?

                public init(
                    id: Int? = nil,
                    children: [Category]? = nil,
                    parent: Indirect<Category>? = nil
                ) {
                    self.id = id
                    self.children = children
                    self.parent = parent
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.id = container.lenient(Int.self, forKey: "id")
                    self.children = container.lenient([Category].self, forKey: "children")
                    self.parent = container.lenient(Indirect<Category>.self, forKey: "parent")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.id, forKey: "id")
                    try container.encodeIfPresent(self.children, forKey: "children")
                    try container.encodeIfPresent(self.parent, forKey: "parent")
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.models, "Indirect<[Category]>", "[Indirect<Category>]")
        try assertTypeChecks(rendered)
    }

    func testMutualAndNestedRecursionTypeCheck() throws {
        let rendered = try Snippet.generate(schemas: """
            Employee:
              type: object
              properties:
                team:
                  $ref: '#/components/schemas/Team'
            Team:
              type: object
              properties:
                lead:
                  $ref: '#/components/schemas/Employee'
            Node:
              type: object
              properties:
                meta:
                  type: object
                  properties:
                    parent:
                      $ref: '#/components/schemas/Node'
            """, paths: Snippet.responding(with: ["Employee", "Node"]))
        // One edge of the Employee/Team cycle is stored indirectly, the other stays plain.
        let indirect = [rendered.models.contains("public let team: Indirect<Team>?"), rendered.models.contains("public let lead: Indirect<Employee>?")]
        XCTAssertEqual(indirect.filter { $0 }.count, 1, rendered.models)
        let plain = [rendered.models.contains("public let team: Team?"), rendered.models.contains("public let lead: Employee?")]
        XCTAssertEqual(plain.filter { $0 }.count, 1, rendered.models)
        // The recursion through a nested struct is broken inside the nested struct.
        assertDeclaration(#"""
            /// The `Node` schema of the API.
            public struct Node: SallaModel {
                /// The `meta` field of `Node`.
                public let meta: Meta?

                public init(
                    meta: Meta? = nil
                ) {
                    self.meta = meta
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.meta = container.lenient(Meta.self, forKey: "meta")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.meta, forKey: "meta")
                }

                /// The type of `meta` in `Node`.
                public struct Meta: SallaModel {
                    /// The `parent` field of `Node.Meta`.
                    public let parent: Indirect<Node>?

                    public init(
                        parent: Indirect<Node>? = nil
                    ) {
                        self.parent = parent
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.parent = container.lenient(Indirect<Node>.self, forKey: "parent")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.parent, forKey: "parent")
                    }
                }
            }
            """#, in: rendered.models)
        try assertTypeChecks(rendered)
    }

    func testInlineObjectPropertyBecomesNestedStruct() throws {
        let schemas = """
            Customer:
              type: object
              properties:
                name: {type: string}
                birthday:
                  type: object
                  properties:
                    date: {type: string}
                    timezone: {type: string}
            """
        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Customer"]))
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The `name` field of `Customer`.
                public var name: String?
                /// The `birthday` field of `Customer`.
                public var birthday: Birthday?

                public init(
                    name: String? = nil,
                    birthday: Birthday? = nil
                ) {
                    self.name = name
                    self.birthday = birthday
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.name = container.lenient(String.self, forKey: "name")
                    self.birthday = container.lenient(Birthday.self, forKey: "birthday")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.name, forKey: "name")
                    try container.encodeIfPresent(self.birthday, forKey: "birthday")
                }

                /// The type of `birthday` in `Customer`.
                public struct Birthday: SallaModel {
                    /// The `date` field of `Customer.Birthday`.
                    public var date: String?
                    /// The `timezone` field of `Customer.Birthday`.
                    public var timezone: String?

                    public init(
                        date: String? = nil,
                        timezone: String? = nil
                    ) {
                        self.date = date
                        self.timezone = timezone
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.date = container.lenient(String.self, forKey: "date")
                        self.timezone = container.lenient(String.self, forKey: "timezone")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.date, forKey: "date")
                        try container.encodeIfPresent(self.timezone, forKey: "timezone")
                    }
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.models, "\npublic struct Birthday")
        assertDeclaration(#"""
            extension Customer: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.nested(birthday, at: path.appending("birthday"))
                }
            }
            """#, in: rendered.validation)
        assertDeclaration(#"""
            extension Customer.Birthday: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                }
            }
            """#, in: rendered.validation)
        try assertTypeChecks(rendered)
    }

    func testArrayOfInlineObjectsUsesSingularNestedName() throws {
        let rendered = try Snippet.generate(schemas: """
            Order:
              type: object
              properties:
                items:
                  type: array
                  items:
                    type: object
                    properties:
                      sku: {type: string}
                categories:
                  type: array
                  items:
                    type: object
                    properties:
                      label: {type: string}
            """, paths: Snippet.responding(with: ["Order"]))
        assertDeclaration(#"""
            /// The `Order` schema of the API.
            public struct Order: SallaModel {
                /// The `items` field of `Order`.
                public let items: [Item]?
                /// The `categories` field of `Order`.
                public let categories: [Category]?

                public init(
                    items: [Item]? = nil,
                    categories: [Category]? = nil
                ) {
                    self.items = items
                    self.categories = categories
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.items = container.lenient([Item].self, forKey: "items")
                    self.categories = container.lenient([Category].self, forKey: "categories")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.items, forKey: "items")
                    try container.encodeIfPresent(self.categories, forKey: "categories")
                }

                /// The type of `items` in `Order`.
                public struct Item: SallaModel {
                    /// The `sku` field of `Order.Item`.
                    public let sku: String?

                    public init(
                        sku: String? = nil
                    ) {
                        self.sku = sku
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.sku = container.lenient(String.self, forKey: "sku")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.sku, forKey: "sku")
                    }
                }

                /// The type of `categories` in `Order`.
                public struct Category: SallaModel {
                    /// The `label` field of `Order.Category`.
                    public let label: String?

                    public init(
                        label: String? = nil
                    ) {
                        self.label = label
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.label = container.lenient(String.self, forKey: "label")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.label, forKey: "label")
                    }
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.models, "\npublic struct Item", "\npublic struct Category")
    }

    /// Beyond the brief: a nested type must not take the name of a component the same struct
    /// refers to, or the property typed with the component would resolve to the nested type.
    func testNestedTypeDoesNotShadowReferencedComponent() throws {
        let rendered = try Snippet.generate(schemas: """
            Category:
              type: object
              properties:
                id: {type: integer}
            Product:
              type: object
              properties:
                category:
                  $ref: '#/components/schemas/Category'
                categories:
                  type: array
                  items:
                    type: object
                    properties:
                      label: {type: string}
            """, paths: Snippet.responding(with: ["Product"]))
        assertDeclaration(#"""
            /// The `Category` schema of the API.
            public struct Category: SallaModel {
                /// The `id` field of `Category`.
                public let id: Int?

                public init(
                    id: Int? = nil
                ) {
                    self.id = id
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.id = container.lenient(Int.self, forKey: "id")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.id, forKey: "id")
                }
            }
            """#, in: rendered.models)
        // No nested `Category` hides the component; the array's element type is still nested,
        // under its parent's name and its role, not a number.
        assertDeclaration(#"""
            /// The `Product` schema of the API.
            public struct Product: SallaModel {
                /// The `category` field of `Product`.
                public let category: Category?
                /// The `categories` field of `Product`.
                public let categories: [ProductCategory]?

                public init(
                    category: Category? = nil,
                    categories: [ProductCategory]? = nil
                ) {
                    self.category = category
                    self.categories = categories
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.category = container.lenient(Category.self, forKey: "category")
                    self.categories = container.lenient([ProductCategory].self, forKey: "categories")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.category, forKey: "category")
                    try container.encodeIfPresent(self.categories, forKey: "categories")
                }

                /// The type of `categories` in `Product`.
                public struct ProductCategory: SallaModel {
                    /// The `label` field of `Product.ProductCategory`.
                    public let label: String?

                    public init(
                        label: String? = nil
                    ) {
                        self.label = label
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.label = container.lenient(String.self, forKey: "label")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.label, forKey: "label")
                    }
                }
            }
            """#, in: rendered.models)
    }

    /// Nested types are named for their role inside their parent, whatever other top-level types
    /// exist, so no numbered names come from nesting; names Swift reserves get `Model`.
    func testNestedTypesAreNamedForTheirRole() throws {
        let rendered = try Snippet.generate(schemas: """
            Status:
              type: object
              properties:
                code: {type: integer}
            Order:
              type: object
              properties:
                status: {type: string, enum: [open, closed]}
                type: {type: object, properties: {name: {type: string}}}
                items:
                  type: array
                  items:
                    type: object
                    properties:
                      option: {type: object, properties: {label: {type: string}}}
            """, paths: Snippet.responding(with: ["Order", "Status"]))
        assertDeclaration(#"""
            /// The `Order` schema of the API.
            public struct Order: SallaModel {
                /// The `status` field of `Order`.
                public let status: Status?
                /// The `type` field of `Order`.
                public let type: TypeModel?
                /// The `items` field of `Order`.
                public let items: [Item]?

                public init(
                    status: Status? = nil,
                    type: TypeModel? = nil,
                    items: [Item]? = nil
                ) {
                    self.status = status
                    self.type = type
                    self.items = items
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.status = container.lenient(Status.self, forKey: "status")
                    self.type = container.lenient(TypeModel.self, forKey: "type")
                    self.items = container.lenient([Item].self, forKey: "items")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.status, forKey: "status")
                    try container.encodeIfPresent(self.type, forKey: "type")
                    try container.encodeIfPresent(self.items, forKey: "items")
                }

                /// The type of `status` in `Order`.
                public enum Status: OpenEnumeration, Codable, Hashable, Sendable {
                    case `open`
                    case closed
                    /// A value the spec does not list, kept as the API sent it.
                    case unknown(String)

                    public static let knownValues: [String] = ["open", "closed"]

                    public init(rawValue: String) {
                        switch rawValue {
                        case "open": self = .`open`
                        case "closed": self = .closed
                        default: self = .unknown(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .`open`: "open"
                        case .closed: "closed"
                        case .unknown(let value): value
                        }
                    }
                }

                /// The type of `type` in `Order`.
                public struct TypeModel: SallaModel {
                    /// The `name` field of `Order.TypeModel`.
                    public let name: String?

                    public init(
                        name: String? = nil
                    ) {
                        self.name = name
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.name = container.lenient(String.self, forKey: "name")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.name, forKey: "name")
                    }
                }

                /// The type of `items` in `Order`.
                public struct Item: SallaModel {
                    /// The `option` field of `Order.Item`.
                    public let option: Option?

                    public init(
                        option: Option? = nil
                    ) {
                        self.option = option
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.option = container.lenient(Option.self, forKey: "option")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.option, forKey: "option")
                    }

                    /// The type of `option` in `Order.Item`.
                    public struct Option: SallaModel {
                        /// The `label` field of `Order.Item.Option`.
                        public let label: String?

                        public init(
                            label: String? = nil
                        ) {
                            self.label = label
                        }

                        public init(from decoder: any Decoder) throws {
                            let container = try decoder.container(keyedBy: JSONKey.self)
                            self.label = container.lenient(String.self, forKey: "label")
                        }

                        public func encode(to encoder: any Encoder) throws {
                            var container = encoder.container(keyedBy: JSONKey.self)
                            try container.encodeIfPresent(self.label, forKey: "label")
                        }
                    }
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Status` schema of the API.
            public struct Status: SallaModel {
                /// The `code` field of `Status`.
                public let code: Int?

                public init(
                    code: Int? = nil
                ) {
                    self.code = code
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.code = container.lenient(Int.self, forKey: "code")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.code, forKey: "code")
                }
            }
            """#, in: rendered.models)
        try assertTypeChecks(rendered)
    }

    // MARK: - Shapes written in several places

    /// An inline enum or object written identically (descriptions aside) in two places is
    /// declared once, at the top level, under the property's name; one written once stays nested.
    func testRepeatedInlineShapesAreDeclaredOnceAtTopLevel() throws {
        let rendered = try Snippet.generate(schemas: """
            Customer:
              type: object
              properties:
                gender: {type: string, enum: [male, female], description: The customer's gender.}
                address:
                  type: object
                  properties:
                    city: {type: string}
                status: {type: string, enum: [active, banned]}
            Employee:
              type: object
              properties:
                gender: {type: string, enum: [male, female], description: The employee's gender.}
                address:
                  type: object
                  description: Where the employee lives.
                  properties:
                    city: {type: string}
                status: {type: string, enum: [hired, left]}
            """, paths: Snippet.responding(with: ["Customer", "Employee"]))
        assertDeclaration(#"""
            /// Written the same way in several places of the API, first in `Customer`.
            public struct Address: SallaModel {
                /// The `city` field of `Address`.
                public let city: String?

                public init(
                    city: String? = nil
                ) {
                    self.city = city
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.city = container.lenient(String.self, forKey: "city")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.city, forKey: "city")
                }
            }
            """#, in: rendered.models)
        // Different `status` values: each owner keeps its own nested enum.
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The customer's gender.
                public let gender: Gender?
                /// The `address` field of `Customer`.
                public let address: Address?
                /// The `status` field of `Customer`.
                public let status: Status?

                public init(
                    gender: Gender? = nil,
                    address: Address? = nil,
                    status: Status? = nil
                ) {
                    self.gender = gender
                    self.address = address
                    self.status = status
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.gender = container.lenient(Gender.self, forKey: "gender")
                    self.address = container.lenient(Address.self, forKey: "address")
                    self.status = container.lenient(Status.self, forKey: "status")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.gender, forKey: "gender")
                    try container.encodeIfPresent(self.address, forKey: "address")
                    try container.encodeIfPresent(self.status, forKey: "status")
                }

                /// The type of `status` in `Customer`.
                public enum Status: OpenEnumeration, Codable, Hashable, Sendable {
                    case active
                    case banned
                    /// A value the spec does not list, kept as the API sent it.
                    case unknown(String)

                    public static let knownValues: [String] = ["active", "banned"]

                    public init(rawValue: String) {
                        switch rawValue {
                        case "active": self = .active
                        case "banned": self = .banned
                        default: self = .unknown(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .active: "active"
                        case .banned: "banned"
                        case .unknown(let value): value
                        }
                    }
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Employee` schema of the API.
            public struct Employee: SallaModel {
                /// The employee's gender.
                public let gender: Gender?
                /// Where the employee lives.
                public let address: Address?
                /// The `status` field of `Employee`.
                public let status: Status?

                public init(
                    gender: Gender? = nil,
                    address: Address? = nil,
                    status: Status? = nil
                ) {
                    self.gender = gender
                    self.address = address
                    self.status = status
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.gender = container.lenient(Gender.self, forKey: "gender")
                    self.address = container.lenient(Address.self, forKey: "address")
                    self.status = container.lenient(Status.self, forKey: "status")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.gender, forKey: "gender")
                    try container.encodeIfPresent(self.address, forKey: "address")
                    try container.encodeIfPresent(self.status, forKey: "status")
                }

                /// The type of `status` in `Employee`.
                public enum Status: OpenEnumeration, Codable, Hashable, Sendable {
                    case hired
                    case left
                    /// A value the spec does not list, kept as the API sent it.
                    case unknown(String)

                    public static let knownValues: [String] = ["hired", "left"]

                    public init(rawValue: String) {
                        switch rawValue {
                        case "hired": self = .hired
                        case "left": self = .left
                        default: self = .unknown(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .hired: "hired"
                        case .left: "left"
                        case .unknown(let value): value
                        }
                    }
                }
            }
            """#, in: rendered.models)
        func count(_ needle: String) -> Int { rendered.models.components(separatedBy: needle).count - 1 }
        XCTAssertEqual(count("\npublic enum Gender: OpenEnumeration, Codable, Hashable, Sendable {\n"), 1, rendered.models)
        XCTAssertEqual(count("\npublic struct Address: SallaModel {\n    /// The `city` field of `Address`.\n    public let city: String?\n"), 1, rendered.models)
        assertNotContains(rendered.models, "    public enum Gender", "    public struct Address")
        assertNotContains(rendered.models, "\npublic enum Status")
        try assertTypeChecks(rendered)
    }

    /// A repeated shape whose property name is already a type's takes its first owner's name in front.
    func testRepeatedInlineShapeTakesOwnerNameWhenPropertyNameIsTaken() throws {
        let rendered = try Snippet.generate(schemas: """
            Gender:
              type: object
              properties:
                label: {type: string}
            Customer:
              type: object
              properties:
                gender: {type: string, enum: [male, female]}
                profile:
                  $ref: '#/components/schemas/Gender'
            Employee:
              type: object
              properties:
                gender: {type: string, enum: [male, female]}
            """, paths: Snippet.responding(with: ["Customer", "Employee"]))
        assertDeclaration(#"""
            /// The `Gender` schema of the API.
            public struct Gender: SallaModel {
                /// The `label` field of `Gender`.
                public let label: String?

                public init(
                    label: String? = nil
                ) {
                    self.label = label
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.label = container.lenient(String.self, forKey: "label")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.label, forKey: "label")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// Written the same way in several places of the API, first in `Customer`.
            public enum CustomerGender: OpenEnumeration, Codable, Hashable, Sendable {
                case male
                case female
                /// A value the spec does not list, kept as the API sent it.
                case unknown(String)

                public static let knownValues: [String] = ["male", "female"]

                public init(rawValue: String) {
                    switch rawValue {
                    case "male": self = .male
                    case "female": self = .female
                    default: self = .unknown(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .male: "male"
                    case .female: "female"
                    case .unknown(let value): value
                    }
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The `gender` field of `Customer`.
                public let gender: CustomerGender?
                /// The `profile` field of `Customer`.
                public let profile: Gender?

                public init(
                    gender: CustomerGender? = nil,
                    profile: Gender? = nil
                ) {
                    self.gender = gender
                    self.profile = profile
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.gender = container.lenient(CustomerGender.self, forKey: "gender")
                    self.profile = container.lenient(Gender.self, forKey: "profile")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.gender, forKey: "gender")
                    try container.encodeIfPresent(self.profile, forKey: "profile")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Employee` schema of the API.
            public struct Employee: SallaModel {
                /// The `gender` field of `Employee`.
                public let gender: CustomerGender?

                public init(
                    gender: CustomerGender? = nil
                ) {
                    self.gender = gender
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.gender = container.lenient(CustomerGender.self, forKey: "gender")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.gender, forKey: "gender")
                }
            }
            """#, in: rendered.models)
        XCTAssertEqual(rendered.models.components(separatedBy: "    public let gender: CustomerGender?\n").count - 1, 2, rendered.models)
        try assertTypeChecks(rendered)
    }

    /// A shape shared by a received model and a sent one is sent too: mutable and validated.
    func testShapeSharedWithRequestIsMutableAndValidated() throws {
        let rendered = try Snippet.generate(schemas: """
            Customer:
              type: object
              properties:
                address:
                  type: object
                  properties:
                    city: {type: string, maxLength: 20}
            CustomerForm:
              type: object
              properties:
                address:
                  type: object
                  properties:
                    city: {type: string, maxLength: 20}
            """, paths: Snippet.responding(with: ["Customer"]) + Snippet.requesting(with: ["CustomerForm"]))
        assertDeclaration(#"""
            /// Written the same way in several places of the API, first in `Customer`.
            public struct Address: SallaModel {
                /// The `city` field of `Address`.
                public var city: String?

                public init(
                    city: String? = nil
                ) {
                    self.city = city
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.city = container.lenient(String.self, forKey: "city")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.city, forKey: "city")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The `address` field of `Customer`.
                public let address: Address?

                public init(
                    address: Address? = nil
                ) {
                    self.address = address
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.address = container.lenient(Address.self, forKey: "address")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.address, forKey: "address")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `CustomerForm` schema of the API.
            public struct CustomerForm: SallaModel {
                /// The `address` field of `CustomerForm`.
                public var address: Address?

                public init(
                    address: Address? = nil
                ) {
                    self.address = address
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.address = container.lenient(Address.self, forKey: "address")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.address, forKey: "address")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            extension Address: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.maxLength(city, 20, at: path.appending("city"))
                }
            }
            """#, in: rendered.validation)
        assertDeclaration(#"""
            extension CustomerForm: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.nested(address, at: path.appending("address"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "extension Customer: Validatable")
        try assertTypeChecks(rendered)
    }

    // MARK: - Received and sent models

    /// Models only received are read-only; models reachable from a request, directly or through
    /// other models, stay mutable.
    func testReceivedModelsAreReadOnlyAndSentModelsAreMutable() throws {
        let rendered = try Snippet.generate(schemas: """
            Address:
              type: object
              properties:
                city: {type: string}
            CustomerForm:
              type: object
              properties:
                name: {type: string}
                address:
                  $ref: '#/components/schemas/Address'
            Order:
              type: object
              properties:
                total: {type: number}
                address:
                  $ref: '#/components/schemas/Address'
                note:
                  type: object
                  properties:
                    text: {type: string}
            """, paths: Snippet.responding(with: ["Order"]) + Snippet.requesting(with: ["CustomerForm"]))
        assertDeclaration(#"""
            /// The `Order` schema of the API.
            public struct Order: SallaModel {
                /// The `total` field of `Order`.
                public let total: Double?
                /// The `address` field of `Order`.
                public let address: Address?
                /// The `note` field of `Order`.
                public let note: Note?

                public init(
                    total: Double? = nil,
                    address: Address? = nil,
                    note: Note? = nil
                ) {
                    self.total = total
                    self.address = address
                    self.note = note
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.total = container.lenient(Double.self, forKey: "total")
                    self.address = container.lenient(Address.self, forKey: "address")
                    self.note = container.lenient(Note.self, forKey: "note")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.total, forKey: "total")
                    try container.encodeIfPresent(self.address, forKey: "address")
                    try container.encodeIfPresent(self.note, forKey: "note")
                }

                /// The type of `note` in `Order`.
                public struct Note: SallaModel {
                    /// The `text` field of `Order.Note`.
                    public let text: String?

                    public init(
                        text: String? = nil
                    ) {
                        self.text = text
                    }

                    public init(from decoder: any Decoder) throws {
                        let container = try decoder.container(keyedBy: JSONKey.self)
                        self.text = container.lenient(String.self, forKey: "text")
                    }

                    public func encode(to encoder: any Encoder) throws {
                        var container = encoder.container(keyedBy: JSONKey.self)
                        try container.encodeIfPresent(self.text, forKey: "text")
                    }
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `CustomerForm` schema of the API.
            public struct CustomerForm: SallaModel {
                /// The `name` field of `CustomerForm`.
                public var name: String?
                /// The `address` field of `CustomerForm`.
                public var address: Address?

                public init(
                    name: String? = nil,
                    address: Address? = nil
                ) {
                    self.name = name
                    self.address = address
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.name = container.lenient(String.self, forKey: "name")
                    self.address = container.lenient(Address.self, forKey: "address")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.name, forKey: "name")
                    try container.encodeIfPresent(self.address, forKey: "address")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Address` schema of the API.
            public struct Address: SallaModel {
                /// The `city` field of `Address`.
                public var city: String?

                public init(
                    city: String? = nil
                ) {
                    self.city = city
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.city = container.lenient(String.self, forKey: "city")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.city, forKey: "city")
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.validation, "extension Order")
        try assertTypeChecks(rendered)
    }

    /// Each top-level type is in exactly one models file, chosen by its name alone, so a type
    /// stays in its file when other types come and go.
    func testModelFileOfATypeDependsOnItsNameOnly() throws {
        let names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
        let schemas = names.map { "\($0):\n  type: object\n  properties:\n    id: {type: integer}\n" }.joined()
        let all = try Snippet.generate(schemas: schemas, paths: Snippet.responding(with: names))
        let modelFiles = Generator.outputFiles.filter { $0.hasPrefix("Models") }
        XCTAssertEqual(all.output.files.map(\.name), Generator.outputFiles)
        func files(declaring name: String, in rendered: Snippet.Rendered) -> [String] {
            modelFiles.filter { rendered.file($0).contains("\npublic struct \(name): SallaModel {\n") }
        }
        var used = Set<String>()
        for name in names {
            let found = files(declaring: name, in: all)
            XCTAssertEqual(found.count, 1, "\(name) in \(found)")
            used.formUnion(found)
            let alone = try Snippet.generate(schemas: "\(name):\n  type: object\n  properties:\n    id: {type: integer}\n", paths: Snippet.responding(with: [name]))
            XCTAssertEqual(files(declaring: name, in: alone), found, name)
        }
        XCTAssertGreaterThan(used.count, 1, "eight types all in one file: \(used)")
        try assertTypeChecks(all)
    }

    // MARK: - Enumerations

    func testStringEnumIsOpenEnumeration() throws {
        let schemas = """
            Gender:
              type: string
              enum: [male, female]
            Customer:
              type: object
              properties:
                gender:
                  $ref: '#/components/schemas/Gender'
                status:
                  type: string
                  enum: [active, banned]
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(result.spec.type(named: "Gender")?.schema.kind, .enumeration(EnumSchema(base: .string, values: ["male", "female"])))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.responding(with: ["Customer"]))
        assertDeclaration(#"""
            /// The `Gender` schema of the API.
            public enum Gender: OpenEnumeration, Codable, Hashable, Sendable {
                case male
                case female
                /// A value the spec does not list, kept as the API sent it.
                case unknown(String)

                public static let knownValues: [String] = ["male", "female"]

                public init(rawValue: String) {
                    switch rawValue {
                    case "male": self = .male
                    case "female": self = .female
                    default: self = .unknown(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .male: "male"
                    case .female: "female"
                    case .unknown(let value): value
                    }
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The `gender` field of `Customer`.
                public let gender: Gender?
                /// The `status` field of `Customer`.
                public let status: Status?

                public init(
                    gender: Gender? = nil,
                    status: Status? = nil
                ) {
                    self.gender = gender
                    self.status = status
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.gender = container.lenient(Gender.self, forKey: "gender")
                    self.status = container.lenient(Status.self, forKey: "status")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.gender, forKey: "gender")
                    try container.encodeIfPresent(self.status, forKey: "status")
                }

                /// The type of `status` in `Customer`.
                public enum Status: OpenEnumeration, Codable, Hashable, Sendable {
                    case active
                    case banned
                    /// A value the spec does not list, kept as the API sent it.
                    case unknown(String)

                    public static let knownValues: [String] = ["active", "banned"]

                    public init(rawValue: String) {
                        switch rawValue {
                        case "active": self = .active
                        case "banned": self = .banned
                        default: self = .unknown(rawValue)
                        }
                    }

                    public var rawValue: String {
                        switch self {
                        case .active: "active"
                        case .banned: "banned"
                        case .unknown(let value): value
                        }
                    }
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.models, "\npublic enum Status")
        try assertTypeChecks(rendered)
    }

    func testEnumValuesThatAreNotIdentifiersTypeCheck() throws {
        let rendered = try Snippet.generate(schemas: """
            Mode:
              type: string
              enum: [default, self, 2nd, in stock, "", in-stock]
            """, paths: Snippet.responding(with: ["Mode"]))
        assertDeclaration(#"""
            /// The `Mode` schema of the API.
            public enum Mode: OpenEnumeration, Codable, Hashable, Sendable {
                case `default`
                case self_
                case _2Nd
                case inStock
                case value811c9dc5
                case inStock2
                /// A value the spec does not list, kept as the API sent it.
                case unknown(String)

                public static let knownValues: [String] = ["default", "self", "2nd", "in stock", "", "in-stock"]

                public init(rawValue: String) {
                    switch rawValue {
                    case "default": self = .`default`
                    case "self": self = .self_
                    case "2nd": self = ._2Nd
                    case "in stock": self = .inStock
                    case "": self = .value811c9dc5
                    case "in-stock": self = .inStock2
                    default: self = .unknown(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .`default`: "default"
                    case .self_: "self"
                    case ._2Nd: "2nd"
                    case .inStock: "in stock"
                    case .value811c9dc5: ""
                    case .inStock2: "in-stock"
                    case .unknown(let value): value
                    }
                }
            }
            """#, in: rendered.models)
        try assertTypeChecks(rendered)
    }

    func testEnumValueNamedUnknownMovesTheFallbackCase() throws {
        let rendered = try Snippet.generate(schemas: """
            Availability:
              type: string
              enum: [available, unknown]
            """, paths: Snippet.responding(with: ["Availability"]))
        assertDeclaration(#"""
            /// The `Availability` schema of the API.
            public enum Availability: OpenEnumeration, Codable, Hashable, Sendable {
                case available
                case unknown
                /// A value the spec does not list, kept as the API sent it.
                case unknown2(String)

                public static let knownValues: [String] = ["available", "unknown"]

                public init(rawValue: String) {
                    switch rawValue {
                    case "available": self = .available
                    case "unknown": self = .unknown
                    default: self = .unknown2(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .available: "available"
                    case .unknown: "unknown"
                    case .unknown2(let value): value
                    }
                }
            }
            """#, in: rendered.models)
    }

    func testIntegerEnumIsIntWithOneOfRule() throws {
        let schemas = """
            Ticket:
              type: object
              properties:
                priority:
                  type: integer
                  enum: [1, 2, 3]
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("priority", of: "Ticket", in: result.spec)?.schema.kind, .enumeration(EnumSchema(base: .integer, values: ["1", "2", "3"])))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Ticket"]))
        assertDeclaration(#"""
            /// The `Ticket` schema of the API.
            public struct Ticket: SallaModel {
                /// The `priority` field of `Ticket`.
                public var priority: Int?

                public init(
                    priority: Int? = nil
                ) {
                    self.priority = priority
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.priority = container.lenient(Int.self, forKey: "priority")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.priority, forKey: "priority")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            extension Ticket: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.oneOf(priority, [1, 2, 3], at: path.appending("priority"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.models, "enum Priority")
    }

    // MARK: - Nullability and maps

    func testNullEnumValueMakesNullableAndIsNotACase() throws {
        let schemas = """
            Tier:
              type: string
              enum: [gold, silver, null]
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(result.spec.type(named: "Tier")?.schema, Schema(.enumeration(EnumSchema(base: .string, values: ["gold", "silver"])), nullable: true))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.responding(with: ["Tier"]))
        assertDeclaration(#"""
            /// The `Tier` schema of the API.
            public enum Tier: OpenEnumeration, Codable, Hashable, Sendable {
                case gold
                case silver
                /// A value the spec does not list, kept as the API sent it.
                case unknown(String)

                public static let knownValues: [String] = ["gold", "silver"]

                public init(rawValue: String) {
                    switch rawValue {
                    case "gold": self = .gold
                    case "silver": self = .silver
                    default: self = .unknown(rawValue)
                    }
                }

                public var rawValue: String {
                    switch self {
                    case .gold: "gold"
                    case .silver: "silver"
                    case .unknown(let value): value
                    }
                }
            }
            """#, in: rendered.models)
    }

    func testAdditionalPropertiesIsStringMap() throws {
        let schemas = """
            Product:
              type: object
              properties:
                labels:
                  type: object
                  additionalProperties: {type: string}
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("labels", of: "Product", in: result.spec)?.schema.kind, .map(Schema(.string(nil))))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.responding(with: ["Product"]))
        assertDeclaration(#"""
            /// The `Product` schema of the API.
            public struct Product: SallaModel {
                /// The `labels` field of `Product`.
                public let labels: [String: String]?

                public init(
                    labels: [String: String]? = nil
                ) {
                    self.labels = labels
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.labels = container.lenient([String: String].self, forKey: "labels")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.labels, forKey: "labels")
                }
            }
            """#, in: rendered.models)
    }

    // MARK: - Constraints

    func testLengthConstraintsAndRequired() throws {
        let schemas = """
            Form:
              type: object
              required: [name]
              properties:
                name: {type: string, minLength: 2, maxLength: 10}
                note: {type: string}
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("name", of: "Form", in: result.spec)?.schema.constraints, Constraints(maxLength: 10, minLength: 2))
        XCTAssertEqual(Snippet.property("name", of: "Form", in: result.spec)?.required, true)
        XCTAssertEqual(Snippet.property("note", of: "Form", in: result.spec)?.required, false)

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.required(name, at: path.appending("name"))
                    validator.minLength(name, 2, at: path.appending("name"))
                    validator.maxLength(name, 10, at: path.appending("name"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "(note,")
    }

    func testRequiredReadOnlyPropertyIsNotRequiredInRequests() throws {
        let rendered = try Snippet.generate(schemas: """
            Form:
              type: object
              required: [id, name]
              properties:
                id: {type: integer, readOnly: true}
                name: {type: string}
            """, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.required(name, at: path.appending("name"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "validator.required(id,")
    }

    func testPatternBecomesRegexRule() throws {
        let schemas = #"""
            Form:
              type: object
              properties:
                code: {type: string, pattern: '^[A-Z]{3}\d*$'}
            """#
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("code", of: "Form", in: result.spec)?.schema.constraints.pattern, #"^[A-Z]{3}\d*$"#)

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.pattern(code, "^[A-Z]{3}\\d*$", at: path.appending("code"))
                }
            }
            """#, in: rendered.validation)
        XCTAssertEqual(rendered.warnings, [])
    }

    func testDatePlaceholderPatternBecomesDateFormatRule() throws {
        let rendered = try Snippet.generate(schemas: """
            Form:
              type: object
              properties:
                birthday: {type: string, pattern: YYYY-MM-DD}
            """, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.format(birthday, .date, at: path.appending("birthday"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "validator.pattern(")
        XCTAssertEqual(rendered.warnings, [])
    }

    func testInvalidPatternWarnsAndAddsNoRule() throws {
        let schemas = """
            Form:
              type: object
              properties:
                code:
                  type: string
                  pattern: "[a-"
                  maxLength: 5
            """
        let text = Snippet.document(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        let rendered = try Snippet.generate(text)
        XCTAssertEqual(rendered.errors, [])
        XCTAssertEqual(rendered.warnings.count, 1, "\(rendered.diagnostics)")
        let warning = rendered.warnings.first
        XCTAssertTrue(warning?.message.contains("[a-") == true, warning?.message ?? "")
        XCTAssertTrue(warning?.message.contains("code") == true, warning?.message ?? "")
        // Located in the input, at the property's schema.
        let typeLine = Snippet.position(of: "type: string", in: text)?.line ?? -1
        let patternLine = Snippet.position(of: "pattern: \"[a-\"", in: text)?.line ?? -1
        XCTAssertEqual(warning?.location?.file, rendered.inputs.first)
        XCTAssertTrue((typeLine...patternLine).contains(warning?.location?.line ?? 0), "\(String(describing: warning))")
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.maxLength(code, 5, at: path.appending("code"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "validator.pattern(")
    }

    func testNumericBounds() throws {
        let schemas = """
            Form:
              type: object
              properties:
                quantity: {type: integer, minimum: 1, maximum: 100}
                price: {type: number, minimum: 0.5, maximum: 1000, exclusiveMaximum: true}
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("quantity", of: "Form", in: result.spec)?.schema.constraints, Constraints(minimum: 1, maximum: 100))
        XCTAssertEqual(Snippet.property("price", of: "Form", in: result.spec)?.schema.constraints, Constraints(minimum: 0.5, maximum: 1000, exclusiveMaximum: true))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.minimum(quantity, 1, at: path.appending("quantity"))
                    validator.maximum(quantity, 100, at: path.appending("quantity"))
                    validator.minimum(price, 0.5, at: path.appending("price"))
                    validator.maximum(price, 1000.0, exclusive: true, at: path.appending("price"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "quantity, 1.0", "quantity, 100.0")
        try assertTypeChecks(rendered)
    }

    /// An integer bound written with a fraction must still give code that compiles.
    func testFractionalBoundOnIntegerTypeChecks() throws {
        let rendered = try Snippet.generate(schemas: """
            Form:
              type: object
              properties:
                quantity: {type: integer, minimum: 0.5, maximum: 10.5}
            """, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.minimum(quantity, 1, at: path.appending("quantity"))
                    validator.maximum(quantity, 10, at: path.appending("quantity"))
                }
            }
            """#, in: rendered.validation)
        try assertTypeChecks(rendered)
    }

    /// A property typed by a `$ref` to a scalar component must satisfy that component's rules.
    func testRulesOfReferencedScalarComponentsAreChecked() throws {
        let rendered = try Snippet.generate(schemas: """
            Priority:
              type: integer
              enum: [1, 2, 3]
            Email:
              type: string
              format: email
              maxLength: 50
            Ticket:
              type: object
              properties:
                priority:
                  $ref: '#/components/schemas/Priority'
                contact:
                  $ref: '#/components/schemas/Email'
            """, paths: Snippet.requesting(with: ["Ticket"]))
        assertDeclaration(#"""
            extension Ticket: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.oneOf(priority, [1, 2, 3], at: path.appending("priority"))
                    validator.maxLength(contact, 50, at: path.appending("contact"))
                    validator.format(contact, .email, at: path.appending("contact"))
                }
            }
            """#, in: rendered.validation)
    }

    func testArrayConstraints() throws {
        let schemas = """
            Form:
              type: object
              properties:
                tags:
                  type: array
                  items: {type: string}
                  minItems: 1
                  maxItems: 5
                  uniqueItems: true
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("tags", of: "Form", in: result.spec)?.schema, Schema(.array(Schema(.string(nil))), constraints: Constraints(minItems: 1, maxItems: 5, uniqueItems: true)))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.minItems(tags, 1, at: path.appending("tags"))
                    validator.maxItems(tags, 5, at: path.appending("tags"))
                    validator.uniqueItems(tags, at: path.appending("tags"))
                }
            }
            """#, in: rendered.validation)
    }

    func testStringFormatsBecomeFormatRules() throws {
        let schemas = """
            Form:
              type: object
              properties:
                email: {type: string, format: email}
                birthday: {type: string, format: date}
                created_at: {type: string, format: date-time}
                token: {type: string, format: uuid}
            """
        let result = try Snippet.read(schemas: schemas)
        XCTAssertEqual(Snippet.property("email", of: "Form", in: result.spec)?.schema.kind, .string(.email))
        XCTAssertEqual(Snippet.property("birthday", of: "Form", in: result.spec)?.schema.kind, .string(.date))
        XCTAssertEqual(Snippet.property("created_at", of: "Form", in: result.spec)?.schema.kind, .string(.dateTime))
        XCTAssertEqual(Snippet.property("token", of: "Form", in: result.spec)?.schema.kind, .string(.uuid))

        let rendered = try Snippet.generate(schemas: schemas, paths: Snippet.requesting(with: ["Form"]))
        assertDeclaration(#"""
            /// The `Form` schema of the API.
            public struct Form: SallaModel {
                /// The `email` field of `Form`.
                public var email: String?
                /// The `birthday` field of `Form`.
                public var birthday: String?
                /// The `created_at` field of `Form`.
                public var createdAt: String?
                /// The `token` field of `Form`.
                public var token: String?

                public init(
                    email: String? = nil,
                    birthday: String? = nil,
                    createdAt: String? = nil,
                    token: String? = nil
                ) {
                    self.email = email
                    self.birthday = birthday
                    self.createdAt = createdAt
                    self.token = token
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.email = container.lenient(String.self, forKey: "email")
                    self.birthday = container.lenient(String.self, forKey: "birthday")
                    self.createdAt = container.lenient(String.self, forKey: "created_at")
                    self.token = container.lenient(String.self, forKey: "token")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.email, forKey: "email")
                    try container.encodeIfPresent(self.birthday, forKey: "birthday")
                    try container.encodeIfPresent(self.createdAt, forKey: "created_at")
                    try container.encodeIfPresent(self.token, forKey: "token")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            extension Form: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.format(email, .email, at: path.appending("email"))
                    validator.format(birthday, .date, at: path.appending("birthday"))
                    validator.format(createdAt, .dateTime, at: path.appending("created_at"))
                    validator.format(token, .uuid, at: path.appending("token"))
                }
            }
            """#, in: rendered.validation)
        try assertTypeChecks(rendered)
    }

    // MARK: - Naming

    func testKeywordPropertyNamesAreBackticked() throws {
        let rendered = try Snippet.generate(schemas: """
            Settings:
              type: object
              properties:
                default: {type: string}
                return: {type: string}
                import: {type: string}
                type: {type: string}
            """, paths: Snippet.requesting(with: ["Settings"]))
        assertDeclaration(#"""
            /// The `Settings` schema of the API.
            public struct Settings: SallaModel {
                /// The `default` field of `Settings`.
                public var `default`: String?
                /// The `return` field of `Settings`.
                public var `return`: String?
                /// The `import` field of `Settings`.
                public var `import`: String?
                /// The `type` field of `Settings`.
                public var type: String?

                public init(
                    `default`: String? = nil,
                    `return`: String? = nil,
                    `import`: String? = nil,
                    type: String? = nil
                ) {
                    self.`default` = `default`
                    self.`return` = `return`
                    self.`import` = `import`
                    self.type = type
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.`default` = container.lenient(String.self, forKey: "default")
                    self.`return` = container.lenient(String.self, forKey: "return")
                    self.`import` = container.lenient(String.self, forKey: "import")
                    self.type = container.lenient(String.self, forKey: "type")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.`default`, forKey: "default")
                    try container.encodeIfPresent(self.`return`, forKey: "return")
                    try container.encodeIfPresent(self.`import`, forKey: "import")
                    try container.encodeIfPresent(self.type, forKey: "type")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            extension Settings: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                }
            }
            """#, in: rendered.validation)
        try assertTypeChecks(rendered)
    }

    /// Property names that match the coding methods' own names (`container`, `decoder`,
    /// `encoder`) must not be confused with them.
    func testPropertyNamesLikeDecodingLocalsTypeCheck() throws {
        let rendered = try Snippet.generate(schemas: """
            Shipment:
              type: object
              properties:
                container: {type: string}
                decoder: {type: string}
                encoder: {type: string}
            """, paths: Snippet.responding(with: ["Shipment"]))
        assertDeclaration(#"""
            /// The `Shipment` schema of the API.
            public struct Shipment: SallaModel {
                /// The `container` field of `Shipment`.
                public let container: String?
                /// The `decoder` field of `Shipment`.
                public let decoder: String?
                /// The `encoder` field of `Shipment`.
                public let encoder: String?

                public init(
                    container: String? = nil,
                    decoder: String? = nil,
                    encoder: String? = nil
                ) {
                    self.container = container
                    self.decoder = decoder
                    self.encoder = encoder
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.container = container.lenient(String.self, forKey: "container")
                    self.decoder = container.lenient(String.self, forKey: "decoder")
                    self.encoder = container.lenient(String.self, forKey: "encoder")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.container, forKey: "container")
                    try container.encodeIfPresent(self.decoder, forKey: "decoder")
                    try container.encodeIfPresent(self.encoder, forKey: "encoder")
                }
            }
            """#, in: rendered.models)
        try assertTypeChecks(rendered)
    }

    /// Property names that match `validate(into validator:at path:)`'s parameters must be
    /// validated as the properties, not as the parameters.
    func testPropertyNamesLikeValidationParametersTypeCheck() throws {
        let rendered = try Snippet.generate(schemas: """
            Upload:
              type: object
              required: [path]
              properties:
                path: {type: string, maxLength: 200}
                validator: {type: string, minLength: 1}
            """, paths: Snippet.requesting(with: ["Upload"]))
        assertDeclaration(#"""
            extension Upload: Validatable {
                public func validate(into validator: inout Validator, at path: FieldPath) {
                    validator.required(self.path, at: path.appending("path"))
                    validator.maxLength(self.path, 200, at: path.appending("path"))
                    validator.minLength(self.validator, 1, at: path.appending("validator"))
                }
            }
            """#, in: rendered.validation)
        assertNotContains(rendered.validation, "validator.required(path, ", "validator.maxLength(path, ", "validator.minLength(validator, ")
        try assertTypeChecks(rendered)
    }

    func testLeadingDigitPropertyNameIsValidIdentifier() throws {
        let rendered = try Snippet.generate(schemas: """
            Asset:
              type: object
              properties:
                3d_model: {type: string}
            """, paths: Snippet.responding(with: ["Asset"]))
        let keys = Snippet.decodedKeys(ofStruct: "Asset", in: rendered.models)
        XCTAssertEqual(keys.map(\.key), ["3d_model"])
        XCTAssertEqual(Snippet.encodedKeys(ofStruct: "Asset", in: rendered.models).map { [$0.name, $0.key] }, keys.map { [$0.name, $0.key] })
        let name = keys.first?.name ?? ""
        XCTAssertTrue(Snippet.isPlainIdentifier(name), name)
        assertDeclaration(#"""
            /// The `Asset` schema of the API.
            public struct Asset: SallaModel {
                /// The `3d_model` field of `Asset`.
                public let _3DModel: String?

                public init(
                    _3DModel: String? = nil
                ) {
                    self._3DModel = _3DModel
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self._3DModel = container.lenient(String.self, forKey: "3d_model")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self._3DModel, forKey: "3d_model")
                }
            }
            """#, in: rendered.models)
        try assertTypeChecks(rendered)
    }

    func testArabicPropertyNameGetsStableASCIIIdentifier() throws {
        let rendered = try Snippet.generate(schemas: """
            Product:
              type: object
              properties:
                الاسم: {type: string}
                الوصف: {type: string}
            """, paths: Snippet.responding(with: ["Product"]))
        // ASCII names; the wire keys are written as they are, in Arabic.
        assertDeclaration(#"""
            /// The `Product` schema of the API.
            public struct Product: SallaModel {
                /// The `الاسم` field of `Product`.
                public let value0b6da84f: String?
                /// The `الوصف` field of `Product`.
                public let value859c4445: String?

                public init(
                    value0b6da84f: String? = nil,
                    value859c4445: String? = nil
                ) {
                    self.value0b6da84f = value0b6da84f
                    self.value859c4445 = value859c4445
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.value0b6da84f = container.lenient(String.self, forKey: "الاسم")
                    self.value859c4445 = container.lenient(String.self, forKey: "الوصف")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.value0b6da84f, forKey: "الاسم")
                    try container.encodeIfPresent(self.value859c4445, forKey: "الوصف")
                }
            }
            """#, in: rendered.models)
        let keys = Snippet.decodedKeys(ofStruct: "Product", in: rendered.models)
        XCTAssertEqual(keys.map(\.key), ["الاسم", "الوصف"])
        XCTAssertEqual(Set(keys.map(\.name)).count, 2, "\(keys)")
        for key in keys {
            XCTAssertTrue(Snippet.isPlainIdentifier(key.name), key.name)
        }
        // The name depends on the key alone: other properties and other types leave it as it is.
        let other = try Snippet.generate(schemas: """
            Store:
              type: object
              properties:
                id: {type: integer}
                الاسم: {type: string}
            """, paths: Snippet.responding(with: ["Store"]))
        let otherName = Snippet.decodedKeys(ofStruct: "Store", in: other.models).first { $0.key == "الاسم" }?.name
        XCTAssertEqual(otherName, keys.first?.name)
        try assertTypeChecks(rendered)
    }

    func testKeysThatCamelCaseAlikeGetDistinctNames() throws {
        let rendered = try Snippet.generate(schemas: """
            Person:
              type: object
              properties:
                first_name: {type: string}
                firstName: {type: string}
            """, paths: Snippet.responding(with: ["Person"]))
        assertDeclaration(#"""
            /// The `Person` schema of the API.
            public struct Person: SallaModel {
                /// The `first_name` field of `Person`.
                public let firstName: String?
                /// The `firstName` field of `Person`.
                public let firstName2: String?

                public init(
                    firstName: String? = nil,
                    firstName2: String? = nil
                ) {
                    self.firstName = firstName
                    self.firstName2 = firstName2
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.firstName = container.lenient(String.self, forKey: "first_name")
                    self.firstName2 = container.lenient(String.self, forKey: "firstName")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.firstName, forKey: "first_name")
                    try container.encodeIfPresent(self.firstName2, forKey: "firstName")
                }
            }
            """#, in: rendered.models)
        let keys = Snippet.decodedKeys(ofStruct: "Person", in: rendered.models)
        XCTAssertEqual(keys.map(\.key), ["first_name", "firstName"])
        XCTAssertEqual(Set(keys.map(\.name)).count, 2, "\(keys)")
        // Each property is written back under the key it was read from.
        XCTAssertEqual(Snippet.encodedKeys(ofStruct: "Person", in: rendered.models).map { [$0.name, $0.key] }, keys.map { [$0.name, $0.key] })
        try assertTypeChecks(rendered)
    }

    func testComponentNamesCollidingWithRuntimeTypesGetModelSuffix() throws {
        let rendered = try Snippet.generate(schemas: """
            Date:
              type: object
              properties:
                date: {type: string}
                timezone: {type: string}
            Pagination:
              type: object
              properties:
                total: {type: integer}
            Customer:
              type: object
              properties:
                updated_at:
                  $ref: '#/components/schemas/Date'
                paging:
                  $ref: '#/components/schemas/Pagination'
            """, paths: Snippet.responding(with: ["Customer"]))
        assertDeclaration(#"""
            /// The `Date` schema of the API.
            public struct DateModel: SallaModel {
                /// The `date` field of `DateModel`.
                public let date: String?
                /// The `timezone` field of `DateModel`.
                public let timezone: String?

                public init(
                    date: String? = nil,
                    timezone: String? = nil
                ) {
                    self.date = date
                    self.timezone = timezone
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.date = container.lenient(String.self, forKey: "date")
                    self.timezone = container.lenient(String.self, forKey: "timezone")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.date, forKey: "date")
                    try container.encodeIfPresent(self.timezone, forKey: "timezone")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Pagination` schema of the API.
            public struct PaginationModel: SallaModel {
                /// The `total` field of `PaginationModel`.
                public let total: Int?

                public init(
                    total: Int? = nil
                ) {
                    self.total = total
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.total = container.lenient(Int.self, forKey: "total")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.total, forKey: "total")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `Customer` schema of the API.
            public struct Customer: SallaModel {
                /// The `updated_at` field of `Customer`.
                public let updatedAt: DateModel?
                /// The `paging` field of `Customer`.
                public let paging: PaginationModel?

                public init(
                    updatedAt: DateModel? = nil,
                    paging: PaginationModel? = nil
                ) {
                    self.updatedAt = updatedAt
                    self.paging = paging
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.updatedAt = container.lenient(DateModel.self, forKey: "updated_at")
                    self.paging = container.lenient(PaginationModel.self, forKey: "paging")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.updatedAt, forKey: "updated_at")
                    try container.encodeIfPresent(self.paging, forKey: "paging")
                }
            }
            """#, in: rendered.models)
        assertNotContains(rendered.models, "public struct Date:", "public struct Pagination:")
    }

    /// The runtime names generated models rely on (`SallaModel`, `JSONKey`, `EmptyResponse`)
    /// must not be taken by components either.
    func testComponentNamesCollidingWithModelRuntimeTypesGetModelSuffix() throws {
        let rendered = try Snippet.generate(schemas: """
            SallaModel:
              type: object
              properties:
                id: {type: integer}
            JSONKey:
              type: object
              properties:
                key: {type: string}
            EmptyResponse:
              type: object
              properties:
                note: {type: string}
            """, paths: Snippet.responding(with: ["SallaModel", "JSONKey", "EmptyResponse"]) + """
            /things:
              delete:
                operationId: deleteThing
                responses:
                  '204': {description: Deleted}
            """)
        assertDeclaration(#"""
            /// The `SallaModel` schema of the API.
            public struct SallaModelModel: SallaModel {
                /// The `id` field of `SallaModelModel`.
                public let id: Int?

                public init(
                    id: Int? = nil
                ) {
                    self.id = id
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.id = container.lenient(Int.self, forKey: "id")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.id, forKey: "id")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `JSONKey` schema of the API.
            public struct JSONKeyModel: SallaModel {
                /// The `key` field of `JSONKeyModel`.
                public let key: String?

                public init(
                    key: String? = nil
                ) {
                    self.key = key
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.key = container.lenient(String.self, forKey: "key")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.key, forKey: "key")
                }
            }
            """#, in: rendered.models)
        assertDeclaration(#"""
            /// The `EmptyResponse` schema of the API.
            public struct EmptyResponseModel: SallaModel {
                /// The `note` field of `EmptyResponseModel`.
                public let note: String?

                public init(
                    note: String? = nil
                ) {
                    self.note = note
                }

                public init(from decoder: any Decoder) throws {
                    let container = try decoder.container(keyedBy: JSONKey.self)
                    self.note = container.lenient(String.self, forKey: "note")
                }

                public func encode(to encoder: any Encoder) throws {
                    var container = encoder.container(keyedBy: JSONKey.self)
                    try container.encodeIfPresent(self.note, forKey: "note")
                }
            }
            """#, in: rendered.models)
        // A call without a body still decodes the runtime's EmptyResponse.
        assertDeclaration(#"""
                    /// `DELETE /things`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func deleteThing() async throws {
                        let request = Request(method: .delete, path: "/things")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        assertNotContains(rendered.models, "public struct SallaModel:", "public struct JSONKey:", "public struct EmptyResponse:")
        try assertTypeChecks(rendered)
    }

    // MARK: - Operations

    func testMethodNameFromVendorExtension() throws {
        let result = try Snippet.read(paths: """
            /customers/import:
              post:
                operationId: post-customers-import
                x-salla-php-method-name: import
                responses:
                  '204': {description: Imported}
            """)
        XCTAssertEqual(result.spec.operations.first?.sdkMethodName, "import")
        let rendered = try Snippet.generate(Snippet.document(paths: """
            /customers/import:
              post:
                operationId: post-customers-import
                x-salla-php-method-name: import
                responses:
                  '204': {description: Imported}
            """))
        assertDeclaration(#"""
                    /// `POST /customers/import`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func `import`() async throws {
                        let request = Request(method: .post, path: "/customers/import")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        try assertTypeChecks(rendered)
    }

    func testMethodNameFromOperationID() throws {
        let rendered = try Snippet.generate(paths: """
            /customers/{customer}:
              put:
                operationId: Update-Customer
                parameters:
                  - {name: customer, in: path, required: true, schema: {type: integer}}
                responses:
                  '204': {description: Updated}
            """)
        assertDeclaration(#"""
                    /// `PUT /customers/{customer}`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func updateCustomer(customer: Int) async throws {
                        let request = Request(method: .put, path: "/customers/\(PathComponent.encode(customer))")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
    }

    func testPathParametersAreLabelledAndEncoded() throws {
        let paths = """
            /customers/{customer}/addresses/{address_id}:
              get:
                operationId: getAddress
                parameters:
                  - {name: address_id, in: path, required: true, schema: {type: integer}}
                  - {name: customer, in: path, required: true, schema: {type: string}}
                responses:
                  '204': {description: Found}
            """
        let result = try Snippet.read(paths: paths)
        XCTAssertEqual(result.spec.operations.first?.parameters.map(\.name), ["address_id", "customer"])
        XCTAssertEqual(result.spec.operations.first?.parameters.map(\.required), [true, true])

        let rendered = try Snippet.generate(paths: paths)
        assertDeclaration(#"""
                    /// `GET /customers/{customer}/addresses/{address_id}`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func getAddress(customer: String, addressID: Int) async throws {
                        let request = Request(method: .get, path: "/customers/\(PathComponent.encode(customer))/addresses/\(PathComponent.encode(addressID))")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        try assertTypeChecks(rendered)
    }

    func testQueryParametersOptionalDefaultToNilAndArraysAreAdded() throws {
        let paths = """
            /orders:
              get:
                operationId: listOrders
                parameters:
                  - {name: keyword, in: query, required: true, schema: {type: string}}
                  - {name: per_page, in: query, schema: {type: integer, maximum: 65}}
                  - name: fields
                    in: query
                    schema:
                      type: array
                      items: {type: string}
                responses:
                  '204': {description: Listed}
            """
        let result = try Snippet.read(paths: paths)
        XCTAssertEqual(result.spec.operations.first?.parameters.map(\.required), [true, false, false])
        XCTAssertEqual(result.spec.operations.first?.parameters.last?.schema.kind, .array(Schema(.string(nil))))

        let rendered = try Snippet.generate(paths: paths)
        assertDeclaration(#"""
                    /// `GET /orders`
                    /// - Throws: `ValidationFailure` before sending when arguments break the spec's rules; `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listOrders(keyword: String, perPage: Int? = nil, fields: [String]? = nil) async throws {
                        var validator = Validator()
                        validator.maximum(perPage, 65, at: .root.appending("per_page"))
                        try validator.throwIfInvalid()
                        var request = Request(method: .get, path: "/orders")
                        request.query.add("keyword", keyword)
                        request.query.add("per_page", perPage)
                        request.query.add("fields", fields)
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        try assertTypeChecks(rendered)
    }

    /// Parameter names that match the generated method's own names (`client`, `request`,
    /// `validator`, `form`) must not be confused with them.
    func testParameterNamesLikeGeneratedLocalsTypeCheck() throws {
        let rendered = try Snippet.generate(paths: """
            /apps/{client}:
              get:
                operationId: getApp
                parameters:
                  - {name: client, in: path, required: true, schema: {type: string}}
                  - {name: request, in: query, schema: {type: string}}
                  - {name: validator, in: query, schema: {type: string, maxLength: 5}}
                  - {name: form, in: query, schema: {type: string}}
                responses:
                  '204': {description: Found}
            """)
        // Callers keep the spec's names as labels; the method body uses other names for them.
        assertDeclaration(#"""
                    /// `GET /apps/{client}`
                    /// - Throws: `ValidationFailure` before sending when arguments break the spec's rules; `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func getApp(client clientValue: String, request requestValue: String? = nil, validator validatorValue: String? = nil, form formValue: String? = nil) async throws {
                        var validator = Validator()
                        validator.maxLength(validatorValue, 5, at: .root.appending("validator"))
                        try validator.throwIfInvalid()
                        var request = Request(method: .get, path: "/apps/\(PathComponent.encode(clientValue))")
                        request.query.add("request", requestValue)
                        request.query.add("validator", validatorValue)
                        request.query.add("form", formValue)
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        try assertTypeChecks(rendered)
    }

    /// Beyond the brief: a parameter renamed inside the method (`request` -> `requestValue`)
    /// must not take the name of another parameter.
    func testRenamedParameterDoesNotCollideWithAnotherParameter() throws {
        let rendered = try Snippet.generate(paths: """
            /things:
              get:
                operationId: listThings
                parameters:
                  - {name: request, in: query, schema: {type: string}}
                  - {name: request_value, in: query, schema: {type: string}}
                responses:
                  '204': {description: Listed}
            """)
        assertDeclaration(#"""
                    /// `GET /things`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listThings(request requestValue: String? = nil, requestValue requestValue2: String? = nil) async throws {
                        var request = Request(method: .get, path: "/things")
                        request.query.add("request", requestValue)
                        request.query.add("request_value", requestValue2)
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        // Each query item sends its own parameter.
        func sent(_ key: String) -> String? {
            let prefix = "            request.query.add(\"\(key)\", "
            return rendered.client.split(separator: "\n").first { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count).dropLast()) }
        }
        let names = [sent("request"), sent("request_value")]
        XCTAssertEqual(names.compactMap { $0 }.count, 2, rendered.client)
        XCTAssertNotEqual(names[0], names[1], rendered.client)
        try assertTypeChecks(rendered)
    }

    func testEnvelopeReturnsData() throws {
        let rendered = try Snippet.generate(schemas: """
            Customer:
              type: object
              properties:
                id: {type: integer}
            CustomerResponse:
              type: object
              properties:
                status: {type: integer}
                success: {type: boolean}
                data:
                  $ref: '#/components/schemas/Customer'
            """, paths: """
            /customers/{customer}:
              get:
                operationId: getCustomer
                parameters:
                  - {name: customer, in: path, required: true, schema: {type: integer}}
                responses:
                  '200':
                    description: OK
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/CustomerResponse'
            """)
        assertDeclaration(#"""
                    /// `GET /customers/{customer}`
                    /// - Returns: The `data` of the response.
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func getCustomer(customer: Int) async throws -> Customer {
                        let request = Request(method: .get, path: "/customers/\(PathComponent.encode(customer))")
                        return try await client.send(request, as: Envelope<Customer>.self).data
                    }
            """#, in: rendered.client)
        assertNotContains(rendered.models, "struct CustomerResponse")
        try assertTypeChecks(rendered)
    }

    func testPaginatedEnvelopeReturnsPage() throws {
        let rendered = try Snippet.generate(schemas: """
            Customer:
              type: object
              properties:
                id: {type: integer}
            CustomerList:
              type: object
              properties:
                status: {type: integer}
                success: {type: boolean}
                data:
                  type: array
                  items:
                    $ref: '#/components/schemas/Customer'
                pagination:
                  type: object
                  properties:
                    count: {type: integer}
                    currentPage: {type: integer}
            """, paths: """
            /customers:
              get:
                operationId: listCustomers
                responses:
                  '200':
                    description: OK
                    content:
                      application/json:
                        schema:
                          $ref: '#/components/schemas/CustomerList'
            """)
        assertDeclaration(#"""
                    /// `GET /customers`
                    /// - Returns: One page of items with the pagination block.
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listCustomers() async throws -> Page<Customer> {
                        let request = Request(method: .get, path: "/customers")
                        return try await client.send(request, as: PagedEnvelope<Customer>.self).page
                    }
            """#, in: rendered.client)
        try assertTypeChecks(rendered)
    }

    func testScopesFromSecurityRequirement() throws {
        let paths = """
            /customers:
              get:
                operationId: listCustomers
                summary: List customers
                security:
                  - bearer: [customers.read]
                responses:
                  '204': {description: Listed}
            """
        let result = try Snippet.read(paths: paths)
        XCTAssertEqual(result.spec.operations.first?.scopes, ["customers.read"])
        let rendered = try Snippet.generate(paths: paths)
        assertDeclaration(#"""
                    /// List customers
                    ///
                    /// `GET /customers`
                    ///
                    /// Required scopes: `customers.read`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listCustomers() async throws {
                        let request = Request(method: .get, path: "/customers")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
    }

    func testScopesFromDescriptionAccordion() throws {
        let paths = """
            /orders:
              get:
                operationId: listOrders
                description: |
                  Fetch the orders of the store.

                  <Accordion title="Scopes" icon="lock">
                  `orders.read`- Orders Read Only
                  </Accordion>
                responses:
                  '204': {description: Listed}
            """
        let result = try Snippet.read(paths: paths)
        XCTAssertEqual(result.spec.operations.first?.scopes, ["orders.read"])
        let rendered = try Snippet.generate(paths: paths)
        assertDeclaration(#"""
                    /// Fetch the orders of the store.
                    ///
                    /// `GET /orders`
                    ///
                    /// Required scopes: `orders.read`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listOrders() async throws {
                        let request = Request(method: .get, path: "/orders")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        assertNotContains(rendered.client, "Accordion", "Orders Read Only")
    }

    func testDocCommentDropsAdmonitionMarkers() throws {
        let rendered = try Snippet.generate(paths: """
            /orders:
              get:
                operationId: listOrders
                description: |
                  Lists the orders.

                  :::tip[Note]
                  Results are cached for a minute.
                  :::
                responses:
                  '204': {description: Listed}
            """)
        assertDeclaration(#"""
                    /// Lists the orders.
                    ///
                    /// Note:
                    /// Results are cached for a minute.
                    ///
                    /// `GET /orders`
                    /// - Throws: `SallaAPIError` when the API answers with an error; `SallaDecodingError` when its answer does not decode.
                    public func listOrders() async throws {
                        let request = Request(method: .get, path: "/orders")
                        _ = try await client.send(request, as: EmptyResponse.self)
                    }
            """#, in: rendered.client)
        assertNotContains(rendered.client, ":::", "tip[")
    }

    // MARK: - Located errors

    // MARK: - Merging documents

    func testMergingConflictingComponentsKeepsBothAndWarns() throws {
        let customers = Snippet.customerDocument("id: {type: integer}", path: "/customers", operationId: "listCustomers")
        let orders = Snippet.customerDocument("id: {type: string}", path: "/orders", operationId: "listOrders")
        let result = try Snippet.read([(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        XCTAssertEqual(result.spec.types.count, 2, "\(result.spec.types.map(\.name))")
        XCTAssertTrue(result.spec.types.contains { $0.name == "Customer" })
        let warnings = Snippet.warnings(result)
        XCTAssertEqual(warnings.count, 1, "\(result.diagnostics)")
        XCTAssertEqual(Snippet.errors(result), [])
        let warning = try XCTUnwrap(warnings.first)
        XCTAssertTrue(warning.message.contains("'Customer'"), warning.message)
        XCTAssertEqual(warning.notes.count, 1)
        let files = [warning.location?.file, warning.notes.first?.location.file]
        XCTAssertEqual(Set(files.compactMap { $0 }), [Snippet.customersFile, Snippet.ordersFile])
        // Both point at the component's key in their documents.
        let keyLine = Snippet.position(of: "Customer:", in: customers)?.line
        XCTAssertEqual(warning.location?.line, keyLine)
        XCTAssertEqual(warning.notes.first?.location.line, keyLine)
        // Each document's operation keeps its own copy.
        let returned = result.spec.operations.compactMap { op -> String? in
            if case .reference(let name)? = op.successResponse?.schema?.kind { return op.path + " " + name }
            return nil
        }
        let renamed = result.spec.types.first { $0.name != "Customer" }?.name ?? "?"
        XCTAssertEqual(Set(returned), Set(warning.location?.file == Snippet.ordersFile ? ["/customers Customer", "/orders \(renamed)"] : ["/customers \(renamed)", "/orders Customer"]))

        let rendered = try Snippet.generate(files: [(Snippet.customersFile, customers), (Snippet.ordersFile, orders)])
        XCTAssertEqual(rendered.warnings.count, 1, "\(rendered.diagnostics)")
        XCTAssertEqual(rendered.models.components(separatedBy: "public struct Customer").count - 1, 2, rendered.models)
        try assertTypeChecks(rendered)
    }

    // MARK: - Determinism

    private let richSchemas = """
        Customer:
          type: object
          required: [first_name]
          properties:
            id: {type: integer}
            first_name: {type: string, maxLength: 20}
            gender: {type: string, enum: [male, female]}
            address:
              type: object
              properties:
                city: {type: string}
            tags:
              type: array
              items: {type: string}
            groups:
              type: array
              items:
                $ref: '#/components/schemas/Group'
        Group:
          type: object
          properties:
            id: {type: integer}
            name: {type: string}
            parent:
              $ref: '#/components/schemas/Group'
        Status:
          type: string
          enum: [active, banned, pending]
        Order:
          type: object
          properties:
            status:
              $ref: '#/components/schemas/Status'
            customer:
              $ref: '#/components/schemas/Customer'
        """

    private var richPaths: String {
        """
        /customers:
          post:
            tags: [Customers]
            operationId: createCustomer
            requestBody:
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/Customer'
            responses:
              '204': {description: Created}
        /orders/{order}:
          get:
            tags: [Orders]
            operationId: getOrder
            parameters:
              - {name: order, in: path, required: true, schema: {type: integer}}
              - {name: fields, in: query, schema: {type: array, items: {type: string, enum: [items, customer]}}}
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/Order'
        /groups:
          get:
            tags: [Groups]
            operationId: listGroups
            responses:
              '200':
                description: OK
                content:
                  application/json:
                    schema:
                      type: array
                      items:
                        $ref: '#/components/schemas/Group'
        """
    }

    func testGeneratingTwiceIsByteIdentical() throws {
        let text = Snippet.document(schemas: richSchemas, paths: richPaths)
        let folder = try Snippet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let paths = try Snippet.write([("api.yaml", text)], in: folder)
        let first = Generator.generate(.init(inputs: paths))
        let second = Generator.generate(.init(inputs: paths))
        XCTAssertEqual(first.diagnostics.filter { $0.severity == .error }, [])
        XCTAssertEqual(first.files.map(\.name), Generator.outputFiles)
        XCTAssertEqual(first.files.map { Data($0.contents.utf8) }, second.files.map { Data($0.contents.utf8) })
        XCTAssertEqual(first.diagnostics, second.diagnostics)
        let rendered = Snippet.Rendered(output: first, inputs: paths)
        try assertTypeChecks(rendered)
    }

    /// Hash seeds differ between processes, so two runs of the command line tool catch an
    /// output order that follows a dictionary's or set's iteration order.
    func testGeneratingInTwoProcessesIsByteIdentical() throws {
        let candidates = [Snippet.builtProductsFolder?.appendingPathComponent("sallagen"), packageRoot.appendingPathComponent(".build/debug/sallagen")]
        guard let tool = candidates.compactMap({ $0 }).first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("no built sallagen tool")
        }
        let folder = try Snippet.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = try Snippet.write([("api.yaml", Snippet.document(schemas: richSchemas, paths: richPaths))], in: folder)[0]
        var outputs: [[Data]] = []
        for run in 0..<3 {
            let out = folder.appendingPathComponent("out\(run)")
            let process = Process()
            process.executableURL = tool
            process.arguments = [input, "-o", out.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            outputs.append(try Generator.outputFiles.map { try Data(contentsOf: out.appendingPathComponent($0)) })
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
    }
}
