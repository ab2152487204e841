import Diagnostics
import Foundation
import SpecIR

public struct ShapingOptions: Sendable {
    public var accessLevel: AccessLevel
    /// Input file names (no directories) for the generated header.
    public var sourceNames: [String]

    public init(accessLevel: AccessLevel = .public, sourceNames: [String] = []) {
        self.accessLevel = accessLevel
        self.sourceNames = sourceNames
    }
}

/// Stage 3: spec IR -> Swift render model. Every naming and typing decision is made here.
public enum SwiftShaper {
    public struct Result: Sendable {
        public var model: RenderModel
        public var diagnostics: [Diagnostic]
    }

    public static func shape(_ spec: Spec, options: ShapingOptions = .init()) -> Result {
        let shaper = Shaper(spec: spec, options: options)
        let model = shaper.run()
        return Result(model: model, diagnostics: shaper.diagnostics.sorted)
    }
}

/// A property inside a component, through the inline objects on the way: `Order` › `items` › `option`.
struct MemberPath: Hashable {
    var component: String
    var properties: [String]
}

/// What a successful call hands back, read from the success response's shape.
enum Payload {
    /// `{status, success, data}`: the call returns `data`.
    case envelope(Schema)
    /// `{status, success, data: [...], pagination}`: the call returns a page of items.
    case page(Schema)
    /// Any other body: the call returns all of it.
    case whole(Schema)
    case none
}

final class Shaper {
    let spec: Spec
    let options: ShapingOptions
    var diagnostics = DiagnosticBag()

    var componentSchemas: [String: NamedType] = [:]
    /// Component name -> Swift type name, for reachable components.
    var swiftNames: [String: String] = [:]
    var takenTypeNames = Set<String>()
    /// Components reachable from request bodies and parameters; their structs validate.
    var requestComponents = Set<String>()
    /// (component, property path) pairs stored indirectly to break by-value cycles.
    var indirectEdges = Set<MemberPath>()
    var types: [TypeDecl] = []
    var validations: [ValidationDecl] = []
    var shared = SharedShapes()
    var declaredShared = Set<String>()
    /// Components in a circle of references to one another.
    var aliasCycles = Set<String>()
    /// Each resource group's namespace: the type inside `SallaClient` and the `client.` accessor.
    var namespaceNames: [String: (typeName: String, propertyName: String)] = [:]

    init(spec: Spec, options: ShapingOptions) {
        self.spec = spec
        self.options = options
        for type in spec.types { componentSchemas[type.name] = type }
    }

    func run() -> RenderModel {
        findAliasCycles()
        let payloads = spec.operations.map { payload(of: $0) }
        nameReachableComponents(payloads: payloads)
        nameNamespaces()
        findIndirectEdges()
        findSharedShapes(payloads: payloads)
        for name in swiftNames.keys.sorted(by: { (swiftNames[$0] ?? "") < (swiftNames[$1] ?? "") }) {
            guard let type = componentSchemas[name], let swiftName = swiftNames[name] else { continue }
            types.append(declaration(for: type.schema, named: swiftName, component: name, forRequest: requestComponents.contains(name), origin: origin(of: type)))
        }
        let namespaces = shapeNamespaces(payloads: payloads)
        return RenderModel(sources: options.sourceNames, access: options.accessLevel, types: types, namespaces: namespaces, validations: validations)
    }

    // MARK: Reachability and names

    func resolved(_ schema: Schema) -> Schema {
        guard case .reference(let name) = schema.kind else { return schema }
        return aliasTarget(name).flatMap { componentSchemas[$0]?.schema } ?? Schema(.any)
    }

    /// The component a reference finally stands for, through components that only refer to
    /// another (`A: {$ref: B}`); nil when such references go round in a circle.
    func aliasTarget(_ name: String) -> String? {
        var current = name
        while case .reference(let next) = componentSchemas[current]?.schema.kind {
            guard !aliasCycles.contains(current) else { return nil }
            current = next
        }
        return aliasCycles.contains(current) ? nil : current
    }

    /// Components that only refer to one another in a circle (`A: {$ref: B}`, `B: {$ref: A}`)
    /// describe no value; they are declared as any JSON value, with a warning.
    func findAliasCycles() {
        for type in spec.types {
            var chain: [String] = []
            var current = type.name
            while case .reference(let next) = componentSchemas[current]?.schema.kind, !aliasCycles.contains(current) {
                if let start = chain.firstIndex(of: current) {
                    let circle = chain[start...]
                    aliasCycles.formUnion(circle)
                    let names = (circle + [current]).map { "'\($0)'" }.joined(separator: " -> ")
                    diagnostics.warning("components \(names) only refer to each other and describe no value; they are typed JSONValue", at: componentSchemas[current]?.location)
                    break
                }
                chain.append(current)
                current = next
            }
        }
    }

    func payload(of operation: SpecIR.Operation) -> Payload {
        let shape = documentedPayload(of: operation)
        // The docs' own examples are the best evidence of what the API sends: where they
        // contradict the documented `data`, the call returns the JSON as it comes.
        let expected: Schema?
        switch shape {
        case .envelope(let schema): expected = schema
        case .page(let items): expected = Schema(.array(items))
        case .whole, .none: expected = nil
        }
        if let expected, let examples = operation.successResponse?.examples {
            for example in examples {
                guard case .object(let pairs) = example.value else { continue }
                let data = pairs.first { $0.key == "data" }?.value ?? .null
                if !fits(data, expected) {
                    diagnostics.warning(
                        "the documented `data` of \(operation.endpoint) does not match its own example\(example.name.map { " '\($0)'" } ?? ""); the call returns it as JSONValue",
                        at: example.location)
                    return .envelope(Schema(.any))
                }
            }
        }
        return shape
    }

    /// Whether a value has the outer shape a schema describes (deeper differences decode leniently).
    private func fits(_ value: JSONValue, _ schema: Schema) -> Bool {
        let target = resolved(schema)
        switch (value, target.kind) {
        case (.null, _), (_, .any): return true
        case (.object, .object), (.object, .map): return true
        case (.array, .array): return true
        case (.string, .string), (.string, .enumeration), (.string, .integer), (.string, .number), (.string, .boolean): return true
        case (.int, .integer), (.int, .number), (.int, .string), (.int, .enumeration), (.double, .number), (.double, .string): return true
        case (.bool, .boolean), (.bool, .string): return true
        default: return false
        }
    }

    func documentedPayload(of operation: SpecIR.Operation) -> Payload {
        guard let schema = operation.successResponse?.schema else { return .none }
        guard case .object(let object) = resolved(schema).kind,
              let data = object.properties.first(where: { $0.name == "data" }) else {
            return .whole(schema)
        }
        if object.properties.contains(where: { $0.name == "pagination" }), case .array(let items) = resolved(data.schema).kind {
            return .page(items)
        }
        return .envelope(data.schema)
    }

    func nameReachableComponents(payloads: [Payload]) {
        var responseRoots: [String] = []
        var requestRoots: [String] = []
        for (operation, payload) in zip(spec.operations, payloads) {
            for parameter in operation.parameters { requestRoots += parameter.schema.referencedNames }
            if let body = operation.requestBody { requestRoots += body.schema.referencedNames }
            switch payload {
            case .envelope(let schema), .page(let schema), .whole(let schema): responseRoots += schema.referencedNames
            case .none: break
            }
        }
        requestComponents = closure(requestRoots)
        let reachable = closure(responseRoots).union(requestComponents)
        takenTypeNames = ReservedNames.types
        for name in reachable.sorted() {
            swiftNames[name] = SwiftNaming.unique(SwiftNaming.typeName(name), in: &takenTypeNames)
        }
    }

    func closure(_ roots: [String]) -> Set<String> {
        var seen = Set<String>()
        var stack = roots
        while let name = stack.popLast() {
            guard seen.insert(name).inserted, let type = componentSchemas[name] else { continue }
            stack += type.schema.referencedNames
        }
        return seen
    }

    /// Marks the properties that close a cycle of structs holding each other by value, which
    /// Swift cannot lay out; those are stored through `Indirect`.
    func findIndirectEdges() {
        // A component that only refers to another is that other type: the edge goes through it.
        func valueEdges(_ schema: Schema, path: [String]) -> [(path: [String], target: String)] {
            switch schema.kind {
            case .reference(let name): return aliasTarget(name).map { [(path, $0)] } ?? []
            case .object(let object):
                return object.properties.flatMap { valueEdges($0.schema, path: path + [$0.name]) }
            default: return []
            }
        }
        var state: [String: Int] = [:]  // 1: on the stack, 2: done
        func visit(_ name: String) {
            state[name] = 1
            guard let schema = componentSchemas[name]?.schema else { state[name] = 2; return }
            let edges: [(path: [String], target: String)]
            if case .object(let object) = schema.kind {
                edges = object.properties.flatMap { valueEdges($0.schema, path: [$0.name]) }
            } else {
                edges = []
            }
            for edge in edges where swiftNames[edge.target] != nil {
                switch state[edge.target] {
                case 1?: indirectEdges.insert(MemberPath(component: name, properties: edge.path))
                case nil: visit(edge.target)
                default: break
                }
            }
            state[name] = 2
        }
        for name in swiftNames.keys.sorted() where state[name] == nil { visit(name) }
    }

    // MARK: Declarations

    /// The names a new type may not take where it is declared.
    enum ScopeNames {
        /// At the top level: every name taken so far, which the new name joins.
        case topLevel
        /// Inside a struct: the names already declared in it (its own among them), and the
        /// top-level types its declaration refers to, which a nested type of the same name would hide.
        case nested(own: Set<String>, referenced: Set<String>)
    }

    /// A type name for `hint` that nothing in `scope` uses yet, recorded there.
    func uniqueTypeName(_ hint: String, in scope: inout Scope) -> String {
        switch scope.names {
        case .topLevel:
            return SwiftNaming.uniqueType(hint, in: &takenTypeNames)
        case .nested(var own, let referenced):
            // A nested type is named for its role (`Order.Item`); where that would hide a type the
            // struct uses, the parent's name goes in front (`Order.OrderItem`), and only then a number.
            let parent = scope.qualifiedName.split(separator: ".").last.map(String.init) ?? ""
            let candidates = [hint, parent + hint].map(ReservedNames.avoidingTypes)
            let isFree = { (name: String) in !own.contains(name) && !referenced.contains(name) }
            var name = candidates.first(where: isFree) ?? candidates[0]
            var counter = 2
            while !isFree(name) {
                name = "\(candidates[0])\(counter)"
                counter += 1
            }
            own.insert(name)
            scope.names = .nested(own: own, referenced: referenced)
            return name
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

        /// The top-level types the enclosing struct refers to; nil outside any struct.
        var referencedNames: Set<String>? {
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

    func declaration(for schema: Schema, named name: String, component: String?, forRequest: Bool, origin: String? = nil) -> TypeDecl {
        var doc = typeDoc(schema, fallback: component.map { "The `\($0)` schema of the API." } ?? "A shape the API writes the same way in several places.")
        if let origin { doc += ["", origin] }
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty:
            var scope = Scope(qualifiedName: name, component: component, propertyPath: [], forRequest: forRequest, names: .nested(own: [SwiftNaming.bare(name)], referenced: referencedTypeNames(schema)))
            return .structure(structDecl(object, named: name, doc: doc, at: schema.location, scope: &scope))
        case .enumeration(let enumeration) where enumeration.base == .string:
            return .enumeration(enumDecl(enumeration, named: name, doc: doc, at: schema.location))
        default:
            var scope = Scope(qualifiedName: "", component: component, propertyPath: [], forRequest: forRequest, names: .topLevel)
            let type = swiftType(schema, hint: name + "Element", scope: &scope)
            types += scope.nested
            return .alias(AliasDecl(doc: doc, name: name, type: type.name))
        }
    }

    func structDecl(_ object: ObjectSchema, named name: String, doc: [String], at location: SourceLocation?, scope: inout Scope) -> StructDecl {
        var propertyNames = Set<String>()
        var properties: [PropertyDecl] = []
        var rules: [ValidationRule] = []
        let basePath = scope.propertyPath
        for property in object.properties {
            let swiftName = SwiftNaming.unique(SwiftNaming.memberName(property.name), in: &propertyNames)
            scope.propertyPath = basePath + [property.name]
            var type = swiftType(property.schema, hint: SwiftNaming.typeName(property.name), scope: &scope)
            if let component = scope.component, indirectEdges.contains(MemberPath(component: component, properties: scope.propertyPath)) {
                type = SwiftType(name: "Indirect<\(type.name)>", role: .plain)
            }
            let isDeprecated = isDeprecated(property.schema)
            var doc = DocComment.lines(property.schema.description)
            if doc.isEmpty { doc = ["The `\(property.name)` field of `\(scope.qualifiedName)`."] }
            if isDeprecated { doc += ["", "- Warning: Deprecated by the API."] }
            let declared = PropertyDecl(doc: doc, name: swiftName, type: type.name, key: property.name, isDeprecated: isDeprecated)
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
            validations.append(ValidationDecl(typeName: scope.qualifiedName, rules: rules))
        }
        return StructDecl(doc: doc, name: name, properties: properties, nested: scope.nested, isSent: scope.forRequest)
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
        return EnumDecl(doc: doc, name: name, cases: cases, unknownCase: unknown, lookup: Self.lookup(of: values))
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

    // MARK: Swift types

    struct SwiftType {
        enum Role { case plain, validatable, enumeration, arrayOfValidatable, arrayOfEnumeration }
        var name: String
        var role: Role
    }

    /// The Swift type for `schema`; inline objects and enums become nested types of the scope.
    func swiftType(_ schema: Schema, hint: String, scope: inout Scope) -> SwiftType {
        switch schema.kind {
        case .string: return SwiftType(name: "String", role: .plain)
        case .integer: return SwiftType(name: "Int", role: .plain)
        case .number:
            // Salla types many ids and phone numbers as `number`; both are whole numbers, which
            // Double would print as 5.55e8 and mangle past 2^53.
            let key = scope.propertyPath.last?.lowercased() ?? ""
            let isIdentifier = key == "id" || key.hasSuffix("_id") || key.hasSuffix("_ids") || key == "ids"
                || key == "mobile" || key.hasSuffix("_mobile") || key.contains("phone")
            return SwiftType(name: isIdentifier ? "Int" : "Double", role: .plain)
        case .boolean: return SwiftType(name: "Bool", role: .plain)
        case .binary: return SwiftType(name: "FileUpload", role: .plain)
        case .any: return SwiftType(name: "JSONValue", role: .plain)
        case .reference(let name):
            guard let swiftName = swiftNames[name], let target = aliasTarget(name).flatMap({ componentSchemas[$0] }) else {
                return SwiftType(name: "JSONValue", role: .plain)
            }
            switch target.schema.kind {
            case .object: return SwiftType(name: swiftName, role: .validatable)
            case .enumeration(let e) where e.base == .string: return SwiftType(name: swiftName, role: .enumeration)
            default: return SwiftType(name: swiftName, role: .plain)
            }
        case .array(let items):
            let element = swiftType(items, hint: SwiftNaming.singular(hint), scope: &scope)
            let role: SwiftType.Role = element.role == .validatable ? .arrayOfValidatable : element.role == .enumeration ? .arrayOfEnumeration : .plain
            return SwiftType(name: "[\(element.name)]", role: role)
        case .map(let values):
            let value = swiftType(values, hint: hint + "Value", scope: &scope)
            return SwiftType(name: "[String: \(value.name)]", role: .plain)
        case .enumeration(let enumeration):
            guard enumeration.base == .string else { return SwiftType(name: "Int", role: .plain) }
            if let entry = shared.entry(for: schema) { return sharedType(entry, schema) }
            let name = uniqueTypeName(hint, in: &scope)
            scope.nested.append(.enumeration(enumDecl(enumeration, named: name, doc: typeDoc(schema, fallback: inlineOrigin(scope)), at: schema.location)))
            return SwiftType(name: name, role: .enumeration)
        case .object(let object):
            if object.properties.isEmpty {
                if let additional = object.additionalProperties {
                    let value = swiftType(additional, hint: hint + "Value", scope: &scope)
                    return SwiftType(name: "[String: \(value.name)]", role: .plain)
                }
                return SwiftType(name: "JSONValue", role: .plain)
            }
            if let entry = shared.entry(for: schema) { return sharedType(entry, schema) }
            guard scope.depth < Limits.nestingDepth else {
                diagnostics.error(
                    "inline objects nest more than \(Limits.nestingDepth) levels deep here; declare the inner ones as components (deeper nesting makes the Swift compiler slow beyond use)",
                    at: schema.location)
                return SwiftType(name: "JSONValue", role: .plain)
            }
            let name = uniqueTypeName(hint, in: &scope)
            var inner = Scope(
                qualifiedName: scope.qualifiedName.isEmpty ? name : scope.qualifiedName + "." + name, component: scope.component, propertyPath: scope.propertyPath,
                // Nested names avoid every component's name, which they would otherwise hide inside the struct.
                forRequest: scope.forRequest, names: .nested(own: [name], referenced: scope.referencedNames ?? referencedTypeNames(schema)), depth: scope.depth + 1)
            let decl = structDecl(object, named: name, doc: typeDoc(schema, fallback: inlineOrigin(scope)), at: schema.location, scope: &inner)
            scope.nested.append(.structure(decl))
            return SwiftType(name: name, role: .validatable)
        }
    }

    /// A shape written in several places: declared once at the top level, where first met.
    private func sharedType(_ entry: SharedShapes.Entry, _ schema: Schema) -> SwiftType {
        if declaredShared.insert(entry.name).inserted {
            types.append(declaration(for: schema, named: entry.name, component: nil, forRequest: entry.forRequest))
        }
        if case .enumeration = schema.kind { return SwiftType(name: entry.name, role: .enumeration) }
        return SwiftType(name: entry.name, role: .validatable)
    }

    func findSharedShapes(payloads: [Payload]) {
        var roots: [(schema: Schema, hint: String, owner: String, inline: Bool, forRequest: Bool)] = []
        for name in swiftNames.keys.sorted() {
            guard let type = componentSchemas[name], let swiftName = swiftNames[name] else { continue }
            roots.append((type.schema, swiftName, swiftName, false, requestComponents.contains(name)))
        }
        for (operation, payload) in zip(spec.operations, payloads) {
            let stem = SwiftNaming.typeName(operation.id)
            for parameter in operation.parameters {
                roots.append((parameter.schema, stem + SwiftNaming.typeName(parameter.name), stem, true, true))
            }
            if let body = operation.requestBody {
                let schema = body.contentType == .multipart ? body.withUploadFields.schema : body.schema
                roots.append((schema, stem + "Body", stem, false, true))
            }
            switch payload {
            case .envelope(let schema), .page(let schema), .whole(let schema): roots.append((schema, stem + "Result", stem, false, false))
            case .none: break
            }
        }
        // A struct shared by several owners cannot carry an owner's indirect storage.
        shared = SharedShapes(roots: roots, allowObjects: indirectEdges.isEmpty, taken: &takenTypeNames)
    }

    // MARK: Validation

    /// The schema whose rules apply to a value: a reference to a scalar or enum component
    /// carries that component's rules, with the referring schema's own constraints on top.
    func effectiveSchema(_ schema: Schema) -> Schema {
        guard case .reference = schema.kind else { return schema }
        var target = resolved(schema)
        if case .object = target.kind { return schema }
        let own = schema.constraints
        var merged = target.constraints
        merged.maxLength = own.maxLength ?? merged.maxLength
        merged.minLength = own.minLength ?? merged.minLength
        merged.pattern = own.pattern ?? merged.pattern
        if own.minimum != nil { (merged.minimum, merged.exclusiveMinimum) = (own.minimum, own.exclusiveMinimum) }
        if own.maximum != nil { (merged.maximum, merged.exclusiveMaximum) = (own.maximum, own.exclusiveMaximum) }
        merged.minItems = own.minItems ?? merged.minItems
        merged.maxItems = own.maxItems ?? merged.maxItems
        merged.uniqueItems = own.uniqueItems || merged.uniqueItems
        target.constraints = merged
        target.readOnly = schema.readOnly || target.readOnly
        target.location = schema.location ?? target.location
        return target
    }

    /// The checks of one value; `base` is the path it sits under (`path` in a type, `.root` for a parameter).
    func validationRules(for property: Property, type: SwiftType, value: String, isParameter: Bool) -> [ValidationRule] {
        let path: RulePath = isParameter ? .parameter(property.name) : .member(property.name)
        var rules: [ValidationRule] = []
        func rule(_ check: Check) {
            rules.append(ValidationRule(check: check, value: value, path: path))
        }
        let schema = effectiveSchema(property.schema)
        var c = schema.constraints
        // A rule the value's Swift type cannot be checked against is reported, not generated.
        let isText: Bool, isNumber: Bool, isArray: Bool
        switch schema.kind {
        case .string: (isText, isNumber, isArray) = (true, false, false)
        case .integer, .number: (isText, isNumber, isArray) = (false, true, false)
        case .enumeration(let e): (isText, isNumber, isArray) = (false, e.base == .integer, false)
        case .array: (isText, isNumber, isArray) = (false, false, true)
        default: (isText, isNumber, isArray) = (false, false, false)
        }
        func unchecked(_ rule: String) {
            diagnostics.warning("\(rule) of '\(property.name)' does not apply to its type (\(type.name)); it is not checked", at: schema.location)
        }
        if !isText {
            if c.minLength != nil || c.maxLength != nil { unchecked("a length limit") }
            if c.pattern != nil { unchecked("the pattern") }
            (c.minLength, c.maxLength, c.pattern) = (nil, nil, nil)
        }
        if !isNumber, c.minimum != nil || c.maximum != nil {
            unchecked("a numeric bound")
            (c.minimum, c.maximum) = (nil, nil)
        }
        if !isArray, c.minItems != nil || c.maxItems != nil || c.uniqueItems {
            unchecked("an item rule")
            (c.minItems, c.maxItems, c.uniqueItems) = (nil, nil, false)
        }
        if property.required && !schema.readOnly { rule(.required) }
        if let n = c.minLength { rule(.minLength(n)) }
        if let n = c.maxLength { rule(.maxLength(n)) }
        if let pattern = c.pattern {
            switch PatternRule.classify(pattern) {
            case .format(let format): rule(.format(format))
            case .regex(let regex): rule(.pattern(regex))
            case .invalid(let reason):
                diagnostics.warning("pattern '\(pattern)' of '\(property.name)' is not a valid regular expression (\(reason)); it is not checked", at: schema.location)
            }
        }
        if case .string(let format?) = schema.kind, isText, !rules.contains(where: { if case .format = $0.check { true } else { false } }) {
            rule(.format(format))
        }
        if case .enumeration(let e) = schema.kind, e.base == .integer {
            rule(.oneOf(e.values.compactMap { Int($0) }))
        }
        // Ids typed `number` are Int in Swift too.
        let isInteger = isNumber && (schema.kind != .number || type.name == "Int")
        // An integer compared with a fractional bound: the nearest whole bound inside the range says the same.
        func bound(_ name: String, _ v: Double, exclusive: Bool, roundingUp: Bool) -> Bound? {
            guard v.isFinite else { return nil }
            guard isInteger else { return .number(v, exclusive: exclusive) }
            let whole = v == v.rounded() ? v : (roundingUp ? v.rounded(.up) : v.rounded(.down))
            guard let integer = Int(exactly: whole) else {
                diagnostics.warning("the \(name) \(v) of '\(property.name)' is beyond the range of Int; it is not checked", at: schema.location)
                return nil
            }
            return .integer(integer, exclusive: exclusive && v == whole)
        }
        if let v = c.minimum, let bound = bound("minimum", v, exclusive: c.exclusiveMinimum, roundingUp: true) { rule(.minimum(bound)) }
        if let v = c.maximum, let bound = bound("maximum", v, exclusive: c.exclusiveMaximum, roundingUp: false) { rule(.maximum(bound)) }
        if let n = c.minItems { rule(.minItems(n)) }
        if let n = c.maxItems { rule(.maxItems(n)) }
        if c.uniqueItems, type.role != .arrayOfValidatable { rule(.uniqueItems) }
        switch type.role {
        case .validatable: rule(.nested)
        case .enumeration: rule(.knownValue)
        case .arrayOfValidatable: rule(.each)
        case .arrayOfEnumeration: rule(.knownValues)
        case .plain: break
        }
        return rules
    }
}

/// What a spec `pattern` means: real regular expressions are checked as such, and the
/// date placeholders some docs write there (`YYYY-MM-DD`) are checked as date formats.
enum PatternRule {
    case regex(String)
    case format(StringFormat)
    case invalid(String)

    static func classify(_ pattern: String) -> PatternRule {
        let placeholder = pattern.uppercased()
        if placeholder == "YYYY-MM-DD" { return .format(.date) }
        if placeholder.hasPrefix("YYYY-MM-DD") && placeholder.contains("HH") { return .format(.dateTime) }
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return .regex(pattern)
        } catch {
            return .invalid("it does not compile")
        }
    }
}
