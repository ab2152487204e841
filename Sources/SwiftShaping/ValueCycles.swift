import Diagnostics
import SpecIR

/// A property inside a component, through the inline objects on the way: `Order` › `items` › `option`.
struct MemberPath: Hashable {
    var component: String
    var properties: [String]
}

extension Shaper {
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
}
