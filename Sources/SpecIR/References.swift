extension Schema {
    /// The same schema with every named-type reference renamed through `names` (unlisted names stay).
    public func mappingReferences(_ names: [String: String]) -> Schema {
        guard !names.isEmpty else { return self }
        var copy = self
        switch kind {
        case .reference(let name): copy.kind = .reference(names[name] ?? name)
        case .array(let items): copy.kind = .array(items.mappingReferences(names))
        case .map(let values): copy.kind = .map(values.mappingReferences(names))
        case .object(var object):
            for index in object.properties.indices {
                object.properties[index].schema = object.properties[index].schema.mappingReferences(names)
            }
            object.additionalProperties = object.additionalProperties?.mappingReferences(names)
            copy.kind = .object(object)
        case .string, .integer, .number, .boolean, .enumeration, .binary, .any: break
        }
        return copy
    }

    /// How many schemas this one is made of, itself included, counting no further than `limit`.
    public func nodeCount(upTo limit: Int) -> Int {
        var count = 0
        var pending = [self]
        while let schema = pending.popLast(), count < limit {
            count += 1
            switch schema.kind {
            case .array(let items): pending.append(items)
            case .map(let values): pending.append(values)
            case .object(let object):
                pending += object.properties.map(\.schema)
                if let additional = object.additionalProperties { pending.append(additional) }
            case .string, .integer, .number, .boolean, .enumeration, .reference, .binary, .any: break
            }
        }
        return count
    }

    /// Every named type this schema refers to, directly or through nested shapes.
    public var referencedNames: [String] {
        switch kind {
        case .reference(let name): return [name]
        case .array(let items): return items.referencedNames
        case .map(let values): return values.referencedNames
        case .object(let object):
            return object.properties.flatMap(\.schema.referencedNames) + (object.additionalProperties?.referencedNames ?? [])
        case .string, .integer, .number, .boolean, .enumeration, .binary, .any: return []
        }
    }
}

extension Operation {
    public func mappingReferences(_ names: [String: String]) -> Operation {
        guard !names.isEmpty else { return self }
        var copy = self
        for index in copy.parameters.indices {
            copy.parameters[index].schema = copy.parameters[index].schema.mappingReferences(names)
        }
        copy.requestBody?.schema = requestBody?.schema.mappingReferences(names) ?? Schema(.any)
        for index in copy.responses.indices {
            copy.responses[index].schema = copy.responses[index].schema?.mappingReferences(names)
        }
        return copy
    }
}
