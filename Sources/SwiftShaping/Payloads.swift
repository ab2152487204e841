import Diagnostics
import SpecIR

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

extension Shaper {
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

    /// What the call returns, and the `- Returns:` line of its doc comment.
    func answer(_ payload: Payload, operation: SpecIR.Operation, stem: String) -> (Answer, String?) {
        let fallbackName = operation.sdkReturnType.map(SwiftNaming.typeName) ?? stem + "Result"
        let endpoint = Self.endpoint(operation)
        switch payload {
        case .none:
            return (.nothing, nil)
        case .envelope(let schema):
            let type = responseType(documented(schema, "What \(endpoint) answers."), name: fallbackName)
            return (.envelope(type.name), "The `data` of the response.")
        case .page(let items):
            let type = responseType(documented(items, "An item of what \(endpoint) lists."), name: fallbackName)
            return (.page(type.name), "One page of items with the pagination block.")
        case .whole(let schema):
            return (.whole(responseType(documented(schema, "What \(endpoint) answers."), name: stem + "Response").name), nil)
        }
    }

    func responseType(_ schema: Schema, name: String) -> SwiftType {
        switch schema.kind {
        case .object(let object) where !object.properties.isEmpty:
            return topLevelType(schema, name: name, forRequest: false)
        case .enumeration(let e) where e.base == .string:
            return topLevelType(schema, name: name, forRequest: false)
        default:
            var scope = Scope(qualifiedName: "", component: nil, propertyPath: [], forRequest: false, names: .topLevel)
            let type = swiftType(schema, hint: name, scope: &scope)
            adoptTopLevel(scope)
            return type
        }
    }
}
