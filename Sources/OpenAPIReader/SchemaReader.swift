import Diagnostics
import Foundation
import SpecIR
import YAMLLoader

/// Reads OpenAPI Schema Objects (3.0 and the 3.1 forms found in real documents) into IR schemas.
struct SchemaReader {
    let context: DocumentContext
    /// The document's `components/schemas`, by decoded name.
    let components: [String: YAMLNode]

    /// The component name a `#/components/schemas/...` reference points at, checked to exist.
    func componentName(ofReference node: YAMLNode) -> String? {
        guard let reference = context.string(node, "$ref") else { return nil }
        let prefix = "#/components/schemas/"
        guard reference.hasPrefix(prefix) else {
            context.error("unsupported $ref '\(reference)': only '\(prefix)...' references are supported in schemas", at: node)
            return nil
        }
        let name = JSONPointer.decodeToken(String(reference.dropFirst(prefix.count)))
        guard components[name] != nil else {
            context.error("$ref target '\(reference)' does not exist in components/schemas", at: node)
            return nil
        }
        return name
    }

    /// A schema that stands on its own (a component, or a parameter's, body's or response's
    /// schema), counted against the document's budget of expanded schema nodes.
    func readRoot(_ node: YAMLNode) -> Schema {
        context.account(read(node), at: node)
    }

    /// The component called `name`, read once however often it is referenced; nil while it is
    /// being read, so a combination that reaches itself again is not expanded a second time.
    func component(named name: String) -> Schema? {
        if let known = context.components[name] { return known }
        guard let node = components[name], context.expanding.insert(name).inserted else { return nil }
        defer { context.expanding.remove(name) }
        let schema = context.account(read(node), at: node)
        context.components[name] = schema
        return schema
    }

    func read(_ node: YAMLNode) -> Schema {
        guard node.mapping != nil else {
            if case .bool(true)? = node.scalar?.value { return Schema(.any, location: node.location) }
            context.error("a schema must be a mapping, found \(context.describe(node))", at: node)
            return Schema(.any, location: node.location)
        }
        let fields = SchemaFields(node)
        var schema = Schema(.any, location: node.location)
        schema.description = context.text(fields["description"], "description")
        schema.deprecated = context.bool(fields["deprecated"], "deprecated") ?? false
        schema.readOnly = context.bool(fields["readOnly"], "readOnly") ?? false
        schema.nullable = context.bool(fields["nullable"], "nullable") ?? false
        schema.constraints = readConstraints(fields)

        if let reference = fields["$ref"] {
            if let name = componentName(ofReference: reference) { schema.kind = .reference(name) }
            return schema
        }
        for combiner in ["allOf", "anyOf", "oneOf"] {
            if let parts = fields[combiner] { return readCombination(combiner, parts, into: schema) }
        }
        guard let typeName = typeName(fields, nullable: &schema.nullable) else { return schema }
        if let enumNode = fields["enum"], let values = context.sequence(enumNode, "enum"), typeName == "string" || typeName == "integer" {
            schema.kind = readEnumeration(values, base: typeName == "integer" ? .integer : .string, fields: fields, nullable: &schema.nullable)
            return schema
        }
        switch typeName {
        case "string": schema.kind = readStringKind(fields)
        case "integer": schema.kind = .integer
        case "number": schema.kind = .number
        case "boolean": schema.kind = .boolean
        case "null": schema.nullable = true
        case "array": schema.kind = .array(fields["items"].map(read) ?? Schema(.any))
        case "object": schema.kind = readObject(fields)
        case "": break
        default: context.error("unknown schema type '\(typeName)'", at: fields["type"] ?? node)
        }
        return schema
    }

    /// The schema's type: as written (one name, or 3.1's list with `"null"`), else implied by
    /// its keywords; "" when nothing says, nil when it cannot be one type (any JSON value).
    private func typeName(_ fields: SchemaFields, nullable: inout Bool) -> String? {
        guard let typeNode = fields["type"] else {
            if fields["properties"] != nil || fields["additionalProperties"] != nil { return "object" }
            if fields["items"] != nil { return "array" }
            return fields["enum"] != nil ? "string" : ""
        }
        if let single = typeNode.string { return single }
        guard let list = context.sequence(typeNode, "type") else { return nil }
        // OpenAPI 3.1: `type: [integer, "null"]`.
        var names = list.compactMap { context.string($0, "type") }
        if names.contains("null") {
            nullable = true
            names.removeAll { $0 == "null" }
        }
        guard names.count <= 1 else {
            context.warning("a schema with several types (\(names.joined(separator: ", "))) is read as any JSON value", at: typeNode)
            return nil
        }
        return names.first ?? "null"
    }

    /// An enum's values as written on the wire; `null` among them makes the schema nullable. An
    /// integer enum none of whose values Swift can hold checks nothing, so it is a plain integer.
    private func readEnumeration(_ values: [YAMLNode], base: EnumSchema.Base, fields: SchemaFields, nullable: inout Bool) -> Schema.Kind {
        var texts: [String] = []
        for value in values {
            if case .null? = value.scalar?.value {
                nullable = true
            } else if let text = value.scalar?.text {
                if base == .integer, !Self.isInt(value) {
                    context.warning("enum value \(context.describe(value)) of an integer is not a whole number within Int's range; it is left out", at: value)
                } else if !texts.contains(text) {
                    texts.append(text)
                }
            } else {
                context.error("enum values must be scalars, found \(context.describe(value))", at: value)
            }
        }
        if base == .integer, texts.isEmpty { return .integer }
        return .enumeration(EnumSchema(base: base, values: texts, valueDescriptions: enumDescriptions(fields)))
    }

    private static func isInt(_ node: YAMLNode) -> Bool {
        switch node.scalar?.value {
        case .int?: return true
        case .string(let text)?: return Int(text) != nil
        default: return false
        }
    }

    private func readStringKind(_ fields: SchemaFields) -> Schema.Kind {
        guard let format = context.text(fields["format"], "format") else { return .string(nil) }
        if format == "binary" { return .binary }
        return .string(StringFormat(rawValue: format))
    }

    private func readObject(_ fields: SchemaFields) -> Schema.Kind {
        var required = Set<String>()
        if let requiredNode = fields["required"], let names = context.sequence(requiredNode, "required") {
            for name in names {
                if let text = context.text(name, "required") { required.insert(text) }
            }
        }
        var properties: [Property] = []
        if let propertiesNode = fields["properties"], let pairs = context.mapping(propertiesNode, "properties") {
            // Every document's components live until the merge: no spare capacity.
            properties.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let name = pair.keyString ?? pair.key.scalar?.text else {
                    context.error("property names must be scalars", at: pair.key)
                    continue
                }
                properties.append(Property(name: name, schema: read(pair.value), required: required.contains(name)))
            }
        }
        var additional: Schema?
        if let extra = fields["additionalProperties"] {
            if case .bool? = extra.scalar?.value {
                additional = context.bool(extra, "additionalProperties") == true ? Schema(.any) : nil
            } else {
                additional = read(extra)
            }
        }
        if properties.isEmpty, let additional {
            return .map(additional)
        }
        return .object(ObjectSchema(properties: properties, additionalProperties: additional))
    }

    private func enumDescriptions(_ fields: SchemaFields) -> [String: String] {
        var descriptions: [String: String] = [:]
        for item in fields["x-apidog-enum"]?.sequence ?? [] {
            if let value = item["value"]?.scalar?.text, let text = item["description"]?.scalar?.text, !text.isEmpty {
                descriptions[value] = text
            }
        }
        return descriptions
    }

    private func readConstraints(_ fields: SchemaFields) -> Constraints {
        var c = Constraints()
        c.maxLength = context.int(fields["maxLength"], "maxLength")
        c.minLength = context.int(fields["minLength"], "minLength")
        c.pattern = context.text(fields["pattern"], "pattern")
        c.minimum = context.number(fields["minimum"], "minimum")
        c.maximum = context.number(fields["maximum"], "maximum")
        // 3.0 writes exclusive bounds as booleans, 3.1 as numbers.
        if let exclusive = fields["exclusiveMinimum"] {
            if case .bool(let flag)? = exclusive.scalar?.value { c.exclusiveMinimum = flag } else {
                c.minimum = context.number(exclusive, "exclusiveMinimum")
                c.exclusiveMinimum = c.minimum != nil
            }
        }
        if let exclusive = fields["exclusiveMaximum"] {
            if case .bool(let flag)? = exclusive.scalar?.value { c.exclusiveMaximum = flag } else {
                c.maximum = context.number(exclusive, "exclusiveMaximum")
                c.exclusiveMaximum = c.maximum != nil
            }
        }
        c.minItems = context.int(fields["minItems"], "minItems")
        c.maxItems = context.int(fields["maxItems"], "maxItems")
        c.uniqueItems = context.bool(fields["uniqueItems"], "uniqueItems") ?? false
        return c
    }

    // MARK: allOf / anyOf / oneOf

    /// Folds a combination into one shape a Swift type can hold: objects merge their properties,
    /// a `null` alternative makes the rest nullable, and same-kind scalars collapse to one.
    private func readCombination(_ combiner: String, _ partsNode: YAMLNode, into base: Schema) -> Schema {
        var schema = base
        guard let partNodes = context.sequence(partsNode, combiner) else { return schema }
        var parts = partNodes.map(read)
        if parts.contains(where: { isNullOnly($0) }) {
            schema.nullable = true
            parts.removeAll { isNullOnly($0) }
        }
        if combiner == "allOf" {
            // A part that only documents (`{description: ...}`) adds nothing to the shape.
            let annotations = parts.filter { $0.kind == .any && !$0.nullable && $0.constraints.isEmpty }
            if annotations.count < parts.count {
                schema.description = schema.description ?? annotations.compactMap(\.description).first
                parts.removeAll { $0.kind == .any && !$0.nullable && $0.constraints.isEmpty }
            }
        }
        if parts.count == 1 {
            var only = parts[0]
            only.nullable = only.nullable || schema.nullable
            only.description = schema.description ?? only.description
            only.location = schema.location
            return only
        }
        let objects = parts.compactMap(objectShape)
        if !parts.isEmpty, objects.count == parts.count {
            schema.kind = .object(mergeObjects(objects, requiredInAll: combiner != "allOf"))
            return schema
        }
        let kinds = Set(parts.map { scalarFamily($0.kind) })
        if kinds.count == 1, let first = parts.first, scalarFamily(first.kind) != nil {
            schema.kind = first.kind
            return schema
        }
        if Set(parts.map(\.kind)).isSubset(of: [.string(nil), .number, .integer]), !parts.isEmpty {
            // A value documented as "string or number": text holds both, and decoding accepts numbers.
            schema.kind = .string(nil)
            return schema
        }
        let shapes = parts.map { Self.shapeName($0.kind) }.joined(separator: ", ")
        context.warning("\(combiner) of \(parts.count) different shapes (\(shapes)) has no single Swift type; it is typed JSONValue", at: partsNode)
        return schema
    }

    private static func shapeName(_ kind: Schema.Kind) -> String {
        switch kind {
        case .string, .enumeration: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        case .array: return "array"
        case .map, .object: return "object"
        case .reference(let name): return name
        case .binary: return "binary"
        case .any: return "any"
        }
    }

    private func isNullOnly(_ schema: Schema) -> Bool {
        schema.nullable && schema.kind == .any
    }

    private func scalarFamily(_ kind: Schema.Kind) -> String? {
        switch kind {
        case .string: return "string"
        case .integer: return "integer"
        case .number: return "number"
        case .boolean: return "boolean"
        default: return nil
        }
    }

    /// The object a part stands for, following component references.
    private func objectShape(_ schema: Schema) -> ObjectSchema? {
        var current = schema
        var seen = Set<String>()
        while case .reference(let name) = current.kind, seen.insert(name).inserted {
            guard let target = component(named: name) else { return nil }
            current = target
        }
        if case .object(let object) = current.kind { return object }
        return nil
    }

    /// allOf: every part's properties apply, so required is the union.
    /// anyOf/oneOf: a value matches one part, so only what every part requires stays required.
    private func mergeObjects(_ objects: [ObjectSchema], requiredInAll: Bool) -> ObjectSchema {
        var merged: [Property] = []
        var index: [String: Int] = [:]
        for object in objects {
            for property in object.properties {
                if let at = index[property.name] {
                    // allOf: required by any part; anyOf/oneOf: settled below, by every part.
                    merged[at].required = merged[at].required || property.required
                } else {
                    index[property.name] = merged.count
                    merged.append(property)
                }
            }
        }
        if requiredInAll {
            for i in merged.indices where !objects.allSatisfy({ $0.properties.contains { $0.name == merged[i].name && $0.required } }) {
                merged[i].required = false
            }
        }
        return ObjectSchema(properties: merged, additionalProperties: objects.compactMap(\.additionalProperties).first)
    }
}

enum JSONPointer {
    /// One reference token: percent-decoded (URI fragment form), then `~1` -> `/` and `~0` -> `~`.
    static func decodeToken(_ token: String) -> String {
        // Nearly every token is a plain name; Foundation's decoding is slow for those too.
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "~") }) else { return token }
        let decoded = token.removingPercentEncoding ?? token
        return decoded.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
    }
}

/// A schema's keywords, vendor extensions (`x-`) left out but for `x-apidog-enum`. A schema holds
/// a handful of keys and is asked for about fifteen: comparing keys one by one costs less than
/// hashing them into a table first (callgrind: 77 M fewer instructions on the Salla corpus).
struct SchemaFields {
    private let pairs: [YAMLPair]

    init(_ node: YAMLNode) {
        pairs = node.mapping ?? []
    }

    subscript(key: String) -> YAMLNode? {
        guard key.utf8.first != UInt8(ascii: "x") || !key.hasPrefix("x-") || key == "x-apidog-enum" else { return nil }
        return pairs.first { $0.keyString == key }?.value
    }
}
