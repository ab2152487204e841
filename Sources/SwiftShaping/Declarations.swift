import Diagnostics
import Foundation
import SpecIR

extension Shaper {
    /// The names a new type may not take where it is declared.
    enum ScopeNames {
        /// At the top level: every name taken so far, which the new name joins.
        case topLevel
        /// Inside a struct: the names already declared in it (its own among them), and the
        /// top-level types its declaration refers to, which a nested type of the same name would hide.
        case nested(own: Set<String>, referenced: ReferencedNames)
    }

    /// A type name for `hint` that nothing in `scope` uses yet, recorded there.
    func uniqueTypeName(_ hint: String, in scope: inout Scope) -> String {
        switch scope.names {
        case .topLevel:
            let generated = SwiftNaming.uniqueType(hint, in: &takenTypeNames)
            return renamedType(generated, key: generated, taken: &takenTypeNames)
        case .nested(var own, let referenced):
            // A nested type is named for its role (`Order.Item`); where that would hide a type the
            // struct uses, the parent's name goes in front (`Order.OrderItem`), and only then a number.
            let parent = scope.qualifiedName.split(separator: ".").last.map(String.init) ?? ""
            let candidates = [hint, parent + hint].map(ReservedNames.avoidingTypes)
            // Only a name taken at the top level can be one the struct refers to.
            let isFree = { (name: String) in !own.contains(name) && !(self.takenTypeNames.contains(name) && referenced.names.contains(name)) }
            var name = candidates.first(where: isFree) ?? candidates[0]
            var counter = 2
            while !isFree(name) {
                name = "\(candidates[0])\(counter)"
                counter += 1
            }
            own.insert(name)
            let renamed = renamedType(name, key: scope.qualifiedName + "." + name, taken: &own)
            scope.names = .nested(own: own, referenced: referenced)
            return renamed
        }
    }

    /// The top-level types a declaration of `schema` names: referenced components, and inline
    /// shapes declared once at the top level.
    func referencedTypeNames(_ schema: Schema) -> Set<String> {
        var names = Set<String>()
        func visit(_ schema: Schema, isRoot: Bool) {
            if !isRoot, let entry = shared.entry(for: schema) {
                names.insert(entry.name)
                return
            }
            switch schema.kind {
            case .reference(let name): if let swiftName = swiftNames[name] { names.insert(swiftName) }
            case .array(let items): visit(items, isRoot: false)
            case .map(let values): visit(values, isRoot: false)
            case .object(let object):
                for property in object.properties { visit(property.schema, isRoot: false) }
                if let additional = object.additionalProperties { visit(additional, isRoot: false) }
            case .string, .integer, .number, .boolean, .enumeration, .binary, .any: break
            }
        }
        visit(schema, isRoot: true)
        return names
    }

    /// Where a declaration is being built: its qualified Swift name and what it already holds.
    struct Scope {
        var qualifiedName: String
        var component: String?
        /// The properties from the component (or parameter) down to the value being typed.
        var propertyPath: [String]
        var forRequest: Bool
        var names: ScopeNames
        /// How many structs this one is nested in.
        var depth = 0
        /// Top-level types met inside (shared shapes), declared before the enclosing declaration.
        var companions: [TypeDecl] = []
        /// The `Validatable` conformances of the structs declared inside, innermost first.
        var validations: [ValidationDecl] = []

        /// The top-level types the enclosing struct refers to; nil outside any struct.
        var referencedNames: ReferencedNames? {
            if case .nested(_, let referenced) = names { return referenced }
            return nil
        }
        var nested: [TypeDecl] = []
    }

    /// Where a component that documents define differently comes from, for its doc comment.
    func origin(of type: NamedType) -> String? {
        guard let variant = type.variantOf else { return nil }
        return "The copy of `\(variant.name)` that `\(variant.document)` defines, which differs from the one other documents define."
    }

    /// A top-level declaration, with the top-level types and conformances it brings along.
    func declaration(for schema: Schema, named name: String, component: String?, forRequest: Bool, origin: String? = nil) -> Declared {
        var doc = typeDoc(schema, fallback: component.map { "The `\($0)` schema of the API." } ?? "A type of the API.")
        if let origin { doc += ["", origin] }
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty:
            var scope = Scope(qualifiedName: name, component: component, propertyPath: [], forRequest: forRequest, names: .nested(own: [SwiftNaming.bare(name)], referenced: ReferencedNames { self.referencedTypeNames(schema) }))
            let decl = structDecl(object, named: name, doc: doc, at: schema.location, scope: &scope)
            return Declared(type: .structure(decl), companions: scope.companions, validations: scope.validations)
        case .enumeration(let enumeration) where enumeration.base == .string:
            return Declared(type: .enumeration(enumDecl(enumeration, named: name, doc: doc, at: schema.location)))
        default:
            // The alias's inline types are declared at the top level beside it.
            var scope = Scope(qualifiedName: "", component: component, propertyPath: [], forRequest: forRequest, names: .topLevel)
            let type = swiftType(schema, hint: name + "Element", scope: &scope)
            return Declared(type: .alias(AliasDecl(doc: doc, name: name, type: type.name, location: schema.location)), companions: scope.companions + scope.nested, validations: scope.validations)
        }
    }

    func structDecl(_ object: ObjectSchema, named name: String, doc: [String], at location: SourceLocation?, scope: inout Scope) -> StructDecl {
        var propertyNames = Set<String>()
        var properties: [PropertyDecl] = []
        properties.reserveCapacity(object.properties.count)
        var rules: [ValidationRule] = []
        let basePath = scope.propertyPath
        for property in object.properties {
            let generated = SwiftNaming.unique(SwiftNaming.memberName(property.name), in: &propertyNames)
            let swiftName = renamedMember(generated, of: scope.qualifiedName, kind: .property, taken: &propertyNames)
            scope.propertyPath = basePath + [property.name]
            var type = swiftType(property.schema, hint: SwiftNaming.typeName(property.name), scope: &scope)
            if let component = scope.component, indirectEdges.contains(MemberPath(component: component, properties: scope.propertyPath)) {
                type = SwiftType(name: "Indirect<\(type.name)>", role: .plain)
            }
            let isDeprecated = isDeprecated(property.schema)
            var doc = DocComment.lines(property.schema.description)
            if doc.isEmpty { doc = ["The `\(property.name)` field of `\(scope.qualifiedName)`."] }
            if isDeprecated { doc += ["", "- Warning: Deprecated by the API."] }
            let declared = PropertyDecl(doc: doc, name: swiftName, type: type.name, key: property.name, isDeprecated: isDeprecated, location: property.schema.location)
            properties.append(declared)
            if scope.forRequest {
                // `self.` keeps a property named `path` or `validator` apart from the method's parameters.
                let value = ["path", "validator"].contains(SwiftNaming.bare(declared.storage)) ? "self." + declared.storage : declared.storage
                rules += validationRules(for: property, type: type, value: value, isParameter: false)
            }
        }
        scope.propertyPath = basePath
        if object.additionalProperties != nil, !object.properties.isEmpty {
            diagnostics.warning("additional properties beside named ones are not kept in '\(name)'", at: location)
        }
        if scope.forRequest {
            scope.validations.append(ValidationDecl(typeName: scope.qualifiedName, rules: rules))
        }
        return StructDecl(doc: doc, name: name, properties: properties, nested: scope.nested, isSent: scope.forRequest, location: location)
    }

    /// The doc comment of a declared type: the spec's description, else where the type comes from;
    /// a deprecated type says so (Swift cannot mark it without warnings in the generated code
    /// that uses it, so its properties elsewhere carry the compiler warning).
    func typeDoc(_ schema: Schema, fallback: String) -> [String] {
        var doc = DocComment.lines(schema.description)
        if doc.isEmpty { doc = [fallback] }
        if schema.deprecated { doc += ["", "- Warning: Deprecated by the API."] }
        return doc
    }

    /// Where an inline type is written, for its doc comment when the spec gives none.
    func inlineOrigin(_ scope: Scope) -> String {
        let field = scope.propertyPath.last.map { "`\($0)`" } ?? "a value"
        return scope.qualifiedName.isEmpty ? "The type of \(field)." : "The type of \(field) in `\(scope.qualifiedName)`."
    }

    /// Deprecated by the spec, itself or as the type it refers to: a property of a deprecated type
    /// is deprecated too, since Swift cannot deprecate the type without every generated use of it warning.
    func isDeprecated(_ schema: Schema) -> Bool {
        schema.deprecated || resolved(schema).deprecated
    }

    func enumDecl(_ enumeration: EnumSchema, named name: String, doc: [String], at location: SourceLocation?) -> EnumDecl {
        var caseNames = ReservedNames.enumMembers
        var cases: [EnumCaseDecl] = []
        var values = enumeration.values
        if values.count > Limits.enumCases {
            diagnostics.error("an enum of \(values.count) values is more than the \(Limits.enumCases) sallagen declares as Swift cases; type it as a string", at: location)
            values = []
        }
        for value in values {
            let caseName = SwiftNaming.unique(SwiftNaming.memberName(value, fallback: "value"), in: &caseNames)
            cases.append(EnumCaseDecl(doc: DocComment.lines(enumeration.valueDescriptions[value]), name: caseName, value: value))
        }
        let unknown = SwiftNaming.unique("unknown", in: &caseNames)
        return EnumDecl(doc: doc, name: name, cases: cases, unknownCase: unknown, lookup: Self.lookup(of: values), location: location)
    }

    /// A switch over the values; for very many, one text split at run time and a dictionary, since
    /// string switches and array literals of thousands of cases take the compiler minutes and
    /// gigabytes. The text is split at a control character no value contains.
    static func lookup(of values: [String]) -> EnumLookup {
        guard values.count > Limits.enumSwitchCases else { return .switchOverValues }
        let used = Set(values.flatMap(\.unicodeScalars))
        guard let separator = (1...0x1F).reversed().compactMap(Unicode.Scalar.init).first(where: { !used.contains($0) }) else {
            return .switchOverValues
        }
        return .table(separator: separator)
    }

    /// The schema with `text` as its description when the spec gives none, so every declared type has a doc comment.
    func documented(_ schema: Schema, _ text: String) -> Schema {
        var copy = schema
        if copy.description?.isEmpty ?? true { copy.description = text }
        return copy
    }

    /// Declares an inline schema as a new top-level type with a unique name.
    func topLevelType(_ schema: Schema, name: String, forRequest: Bool) -> SwiftType {
        let generated = SwiftNaming.uniqueType(name, in: &takenTypeNames)
        let unique = renamedType(generated, key: generated, taken: &takenTypeNames)
        let declared = declaration(for: schema, named: unique, component: nil, forRequest: forRequest)
        output.add(declared)
        switch declared.type {
        case .structure?: return SwiftType(name: unique, role: .validatable)
        case .enumeration?: return SwiftType(name: unique, role: .enumeration)
        case .alias?, nil: return SwiftType(name: unique, role: .plain)
        }
    }

    /// Inline types met outside any struct (parameters, payloads) become top-level types.
    func adoptTopLevel(_ scope: Scope) {
        output.add(Declared(companions: scope.companions + scope.nested, validations: scope.validations))
    }
}

/// A top-level declaration with what it brings along: the top-level types met inside it (shared
/// shapes, an alias's inline types), declared before it, and its structs' `Validatable` conformances.
struct Declared {
    var type: TypeDecl?
    var companions: [TypeDecl] = []
    var validations: [ValidationDecl] = []
}

/// What shaping has declared at the top level, in the order the output lists it.
struct DeclaredTypes {
    private(set) var types: [TypeDecl] = []
    private(set) var validations: [ValidationDecl] = []

    mutating func add(_ declared: Declared) {
        types += declared.companions
        if let type = declared.type { types.append(type) }
        validations += declared.validations
    }
}

/// The top-level types a struct's declaration names, worked out the first time a nested name
/// could hide one: most nested names cannot, and walking every struct's schema cost more than
/// the rest of naming.
final class ReferencedNames {
    private let compute: () -> Set<String>
    private(set) lazy var names: Set<String> = compute()

    init(_ compute: @escaping () -> Set<String>) { self.compute = compute }
}
