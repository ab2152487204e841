import Diagnostics
import SpecIR

extension Shaper {
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
        // A rename must not take the name another component would get.
        generatedTypeNames.formUnion(reachable.map(SwiftNaming.typeName))
        for name in reachable.sorted() {
            let generated = SwiftNaming.unique(SwiftNaming.typeName(name), in: &takenTypeNames)
            swiftNames[name] = renamedType(generated, key: generated, taken: &takenTypeNames)
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

    /// Names every namespace before any other type is named from an operation: namespace types
    /// live inside `SallaClient`, where they would hide a model of the same name.
    func nameNamespaces() {
        var propertyNames = ReservedNames.clientMembers
        for group in Set(spec.operations.map(\.group)).sorted() {
            let generated = SwiftNaming.uniqueType(SwiftNaming.typeName(group) + "API", in: &takenTypeNames)
            let typeName = renamedType(generated, key: generated, taken: &takenTypeNames)
            namespaceNames[group] = (typeName, SwiftNaming.unique(SwiftNaming.memberName(group), in: &propertyNames))
        }
    }
}
