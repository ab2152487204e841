import Diagnostics
import SwiftShaping

/// What a caller of the generated SDK can touch, one element a declaration: types, properties
/// (with their Swift type, sent or received), enum cases, methods (with their labels and types),
/// their parameters, and the fields validation requires of sent values.
public struct APISurface: Sendable {
    public var elements: [String: APIElement] = [:]

    /// The surface of a render model.
    public init(_ model: RenderModel) {
        for type in model.types { add(type, qualifier: nil) }
        var keys: [String: [String: String]] = [:]
        collectKeys(model.types, qualifier: nil, into: &keys)
        for validation in model.validations {
            for rule in validation.rules {
                guard case .required = rule.check, case .member(let key) = rule.path else { continue }
                let property = keys[validation.typeName]?[key] ?? key
                let owner = elements[validation.typeName + "." + property]
                insert(APIElement(kind: .requirement, id: "\(validation.typeName).\(property) required",
                                  declaration: "\(validation.typeName).\(property)", signature: "required", location: owner?.location))
            }
        }
        for namespace in model.namespaces {
            for operation in namespace.operations { add(operation, in: namespace.typeName) }
        }
    }

    private mutating func insert(_ element: APIElement) {
        elements[element.id] = element
    }

    private mutating func add(_ type: TypeDecl, qualifier: String?) {
        let prefix = qualifier.map { $0 + "." } ?? ""
        switch type {
        case .structure(let decl):
            let name = prefix + decl.name
            insert(APIElement(kind: .type, id: name, declaration: name, signature: "struct", location: decl.location))
            for property in decl.properties {
                insert(APIElement(kind: .property, id: name + "." + SwiftNaming.bare(property.name), declaration: name + "." + SwiftNaming.bare(property.name),
                                  signature: property.type + "?", direction: decl.isSent ? .sent : .received, location: property.location))
            }
            for nested in decl.nested { add(nested, qualifier: name) }
        case .enumeration(let decl):
            let name = prefix + decl.name
            insert(APIElement(kind: .type, id: name, declaration: name, signature: "enum", location: decl.location))
            for item in decl.cases {
                insert(APIElement(kind: .enumCase, id: name + "." + SwiftNaming.bare(item.name), declaration: name + "." + SwiftNaming.bare(item.name),
                                  signature: item.value, location: decl.location))
            }
        case .alias(let decl):
            let name = prefix + decl.name
            insert(APIElement(kind: .type, id: name, declaration: name, signature: "= " + decl.type, location: decl.location))
        }
    }

    /// Wire key -> Swift property name, by (qualified) struct name, to name required fields.
    private func collectKeys(_ types: [TypeDecl], qualifier: String?, into keys: inout [String: [String: String]]) {
        for case .structure(let decl) in types {
            let name = (qualifier.map { $0 + "." } ?? "") + decl.name
            keys[name] = Dictionary(decl.properties.map { ($0.key, SwiftNaming.bare($0.name)) }, uniquingKeysWith: { first, _ in first })
            collectKeys(decl.nested, qualifier: name, into: &keys)
        }
    }

    private mutating func add(_ operation: OperationDecl, in namespace: String) {
        let method = namespace + "." + SwiftNaming.bare(operation.name)
        let labels = operation.parameters.map { SwiftNaming.bare($0.label) + ":" }.joined()
        let returns: String
        switch operation.answer {
        case .nothing: returns = "Void"
        case .envelope(let type), .whole(let type): returns = type
        case .page(let item): returns = "Page<\(item)>"
        }
        insert(APIElement(kind: .method, id: method, declaration: "\(method)(\(labels))", signature: "-> " + returns, location: operation.location))
        for parameter in operation.parameters {
            let label = SwiftNaming.bare(parameter.label)
            insert(APIElement(kind: .parameter, id: method + " " + label, declaration: "\(method)(\(labels)) \(label):",
                              signature: parameter.type + (parameter.isOptional ? "?" : ""), isOptional: parameter.isOptional,
                              location: parameter.location ?? operation.location))
        }
    }
}

/// One declaration a caller can touch.
public struct APIElement: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case type, property, enumCase = "enum case", method, parameter, requirement
    }
    public enum Direction: String, Sendable, Codable { case sent, received }

    public var kind: Kind
    /// What identifies it across versions (a method by its name; its parameters by their labels).
    public var id: String
    /// How it reads in Swift: `Customer.email`, `CustomersAPI.update(customer:body:)`.
    public var declaration: String
    /// What a change of it would change: a Swift type, a return type, a raw value.
    public var signature: String
    public var direction: Direction? = nil
    public var isOptional = false
    public var location: SourceLocation?

    public static func == (a: APIElement, b: APIElement) -> Bool {
        a.kind == b.kind && a.id == b.id && a.signature == b.signature && a.isOptional == b.isOptional
    }
}
