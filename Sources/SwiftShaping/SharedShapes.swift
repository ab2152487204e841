import SpecIR

/// Inline shapes written identically in several places (the same `gender` enum in a customer and
/// in its request body, the same `{message, code}` result of many calls) become one top-level
/// type, so values move between them without conversion and the SDK declares each shape once.
struct SharedShapes {
    struct Entry {
        var name: String
        var forRequest: Bool
        /// The description every occurrence gives, nil where they differ: one place's words
        /// (`The customer's gender.`) would mislead at the others.
        var description: String?
        /// The type it is first met in, to say where it comes from when the descriptions differ.
        var firstOwner: String
    }

    /// Top-level names for the inline shapes that occur more than once, by their shape.
    private(set) var entries: [Schema: Entry] = [:]

    /// A shape's identity: what it accepts, not how it is documented.
    static func key(_ schema: Schema) -> Schema {
        var copy = schema
        copy.description = nil
        copy.location = nil
        copy.deprecated = false
        switch schema.kind {
        case .object(var object):
            for index in object.properties.indices { object.properties[index].schema = key(object.properties[index].schema) }
            object.additionalProperties = object.additionalProperties.map(key)
            copy.kind = .object(object)
        case .enumeration(var enumeration):
            enumeration.valueDescriptions = [:]
            copy.kind = .enumeration(enumeration)
        case .array(let items): copy.kind = .array(key(items))
        case .map(let values): copy.kind = .map(key(values))
        case .string, .integer, .number, .boolean, .reference, .binary, .any: break
        }
        return copy
    }

    /// Whether a shape would become a declaration of its own where it is written.
    private static func isDeclaration(_ schema: Schema, allowObjects: Bool) -> Bool {
        switch schema.kind {
        case .enumeration(let enumeration): return enumeration.base == .string
        case .object(let object): return allowObjects && !object.properties.isEmpty
        default: return false
        }
    }

    /// No shared shapes.
    init() {}

    /// Counts every inline shape the SDK will declare and names those met more than once.
    /// `roots` are the schemas the SDK declares from, with the name hint of each and whether it is
    /// sent in requests; `taken` are names already in use, and receives the new ones.
    init(roots: [(schema: Schema, hint: String, owner: String, inline: Bool, forRequest: Bool)], allowObjects: Bool, taken: inout Set<String>) {
        var order: [Schema] = []
        var seen: [Schema: (count: Int, hint: String, owner: String, forRequest: Bool, description: String??)] = [:]
        func visit(_ schema: Schema, hint: String, owner: String, inline: Bool, forRequest: Bool) {
            if inline, Self.isDeclaration(schema, allowObjects: allowObjects) {
                let key = Self.key(schema)
                if let found = seen[key] {
                    let description: String?? = found.description == .some(schema.description) ? found.description : .some(nil)
                    seen[key] = (found.count + 1, found.hint, found.owner, found.forRequest || forRequest, description)
                } else {
                    seen[key] = (1, hint, owner, forRequest, .some(schema.description))
                    order.append(key)
                }
            }
            switch schema.kind {
            case .object(let object):
                for property in object.properties {
                    visit(property.schema, hint: SwiftNaming.typeName(property.name), owner: owner, inline: true, forRequest: forRequest)
                }
                if let additional = object.additionalProperties {
                    visit(additional, hint: hint + "Value", owner: owner, inline: true, forRequest: forRequest)
                }
            case .array(let items): visit(items, hint: SwiftNaming.singular(hint), owner: owner, inline: true, forRequest: forRequest)
            case .map(let values): visit(values, hint: hint + "Value", owner: owner, inline: true, forRequest: forRequest)
            default: break
            }
        }
        for root in roots { visit(root.schema, hint: root.hint, owner: root.owner, inline: root.inline, forRequest: root.forRequest) }
        for key in order {
            guard let found = seen[key], found.count > 1 else { continue }
            // The property's own name reads best; the owner's name in front tells apart two
            // different shapes that go by the same property name.
            let candidates = [found.hint, found.owner + found.hint].map(ReservedNames.avoidingTypes)
            let name = candidates.first { !taken.contains($0) } ?? SwiftNaming.uniqueType(found.owner + found.hint, in: &taken)
            taken.insert(name)
            entries[key] = Entry(name: name, forRequest: found.forRequest, description: found.description ?? nil, firstOwner: found.owner)
        }
    }

    /// Each shared shape under the name `rename` gives it.
    mutating func renameEntries(_ rename: (String) -> String) {
        var renamed = entries
        for (key, entry) in entries { renamed[key]?.name = rename(entry.name) }
        entries = renamed
    }

    func entry(for schema: Schema) -> Entry? {
        entries.isEmpty ? nil : entries[Self.key(schema)]
    }
}

extension Shaper {
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
        shared.renameEntries { renamedType($0, key: $0, taken: &takenTypeNames) }
    }
}
