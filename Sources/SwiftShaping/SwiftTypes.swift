import Diagnostics
import SpecIR

extension Shaper {
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
        case .number: return SwiftType(name: Self.isWholeNumber(scope.propertyPath.last) ? "Int" : "Double", role: .plain)
        case .boolean: return SwiftType(name: "Bool", role: .plain)
        case .binary: return SwiftType(name: "FileUpload", role: .plain)
        case .any: return SwiftType(name: "JSONValue", role: .plain)
        case .reference(let name): return referenceType(name)
        case .array(let items):
            let element = swiftType(items, hint: SwiftNaming.singular(hint), scope: &scope)
            let role: SwiftType.Role = element.role == .validatable ? .arrayOfValidatable : element.role == .enumeration ? .arrayOfEnumeration : .plain
            return SwiftType(name: "[\(element.name)]", role: role)
        case .map(let values):
            let value = swiftType(values, hint: hint + "Value", scope: &scope)
            return SwiftType(name: "[String: \(value.name)]", role: .plain)
        case .enumeration(let enumeration):
            guard enumeration.base == .string else { return SwiftType(name: "Int", role: .plain) }
            if let entry = shared.entry(for: schema) { return sharedType(entry, schema, scope: &scope) }
            let name = uniqueTypeName(hint, in: &scope)
            scope.nested.append(.enumeration(enumDecl(enumeration, named: name, doc: typeDoc(schema, fallback: inlineOrigin(scope)), at: schema.location)))
            return SwiftType(name: name, role: .enumeration)
        case .object(let object): return objectType(object, schema, hint: hint, scope: &scope)
        }
    }

    /// Salla types many ids and phone numbers as `number`; both are whole numbers, which Double
    /// would print as 5.55e8 and mangle past 2^53.
    static func isWholeNumber(_ key: String?) -> Bool {
        let key = key?.lowercased() ?? ""
        return key == "id" || key.hasSuffix("_id") || key.hasSuffix("_ids") || key == "ids"
            || key == "mobile" || key.hasSuffix("_mobile") || key.utf8.firstRange(of: "phone".utf8) != nil  // not Foundation's slow search
    }

    /// A component's type: validated when it is (or stands for) an object, an enum's check when an enum.
    private func referenceType(_ name: String) -> SwiftType {
        guard let swiftName = swiftNames[name], let target = aliasTarget(name).flatMap({ componentSchemas[$0] }) else {
            return SwiftType(name: "JSONValue", role: .plain)
        }
        switch target.schema.kind {
        case .object: return SwiftType(name: swiftName, role: .validatable)
        case .enumeration(let e) where e.base == .string: return SwiftType(name: swiftName, role: .enumeration)
        default: return SwiftType(name: swiftName, role: .plain)
        }
    }

    /// An inline object: a dictionary when it only has additional properties, else a struct
    /// nested in the scope (or the shared top-level type of its shape).
    private func objectType(_ object: ObjectSchema, _ schema: Schema, hint: String, scope: inout Scope) -> SwiftType {
        if object.properties.isEmpty {
            if let additional = object.additionalProperties {
                let value = swiftType(additional, hint: hint + "Value", scope: &scope)
                return SwiftType(name: "[String: \(value.name)]", role: .plain)
            }
            return SwiftType(name: "JSONValue", role: .plain)
        }
        if let entry = shared.entry(for: schema) { return sharedType(entry, schema, scope: &scope) }
        guard scope.depth < Limits.nestingDepth else {
            diagnostics.error(
                "inline objects nest more than \(Limits.nestingDepth) levels deep here; declare the inner ones as components (deeper nesting makes the Swift compiler slow beyond use)",
                at: schema.location)
            return SwiftType(name: "JSONValue", role: .plain)
        }
        let name = uniqueTypeName(hint, in: &scope)
        var inner = Scope(
            qualifiedName: scope.qualifiedName.isEmpty ? name : scope.qualifiedName + "." + name, component: scope.component, propertyPath: scope.propertyPath,
            // Nested names avoid the top-level types the struct refers to, which they would hide.
            forRequest: scope.forRequest, names: .nested(own: [name], referenced: scope.referencedNames ?? ReferencedNames { self.referencedTypeNames(schema) }), depth: scope.depth + 1)
        let decl = structDecl(object, named: name, doc: typeDoc(schema, fallback: inlineOrigin(scope)), at: schema.location, scope: &inner)
        scope.nested.append(.structure(decl))
        scope.companions += inner.companions
        scope.validations += inner.validations
        return SwiftType(name: name, role: .validatable)
    }

    /// A shape written in several places: declared once at the top level, where first met.
    private func sharedType(_ entry: SharedShapes.Entry, _ schema: Schema, scope: inout Scope) -> SwiftType {
        if declaredShared.insert(entry.name).inserted {
            var shape = schema
            shape.description = entry.description ?? "Written the same way in several places of the API, first in `\(entry.firstOwner)`."
            let declared = declaration(for: shape, named: entry.name, component: nil, forRequest: entry.forRequest)
            scope.companions += declared.companions + (declared.type.map { [$0] } ?? [])
            scope.validations += declared.validations
        }
        if case .enumeration = schema.kind { return SwiftType(name: entry.name, role: .enumeration) }
        return SwiftType(name: entry.name, role: .validatable)
    }

}
