import Diagnostics
import SpecIR

/// Merges the documents' contributions into one spec, independent of input order.
///
/// A component that several documents define identically becomes one type. Differing copies are
/// reconciled when one subsumes the others; otherwise each distinct copy keeps a stable name of
/// its own and a warning points at both definitions.
struct SpecMerger {
    var diagnostics = DiagnosticBag()

    mutating func merge(_ contributions: [DocumentContribution]) -> Spec {
        let documents = contributions.sorted { $0.file < $1.file }
        let renames = mergeTypes(documents)
        var types = renames.types

        var operations: [Operation] = []
        var byKey: [String: Int] = [:]
        for (index, document) in documents.enumerated() {
            let rename = renames.perDocument[index]
            for var operation in document.operations {
                operation = operation.mappingReferences(rename)
                let key = "\(operation.method.rawValue.uppercased()) \(operation.path)"
                if let existing = byKey[key] {
                    if !operations[existing].describesSameAs(operation) {
                        diagnostics.error(
                            "operation \(key) is described differently in two documents",
                            at: operation.location,
                            notes: operations[existing].location.map { [.init(message: "the other description of \(key)", location: $0)] } ?? [])
                    }
                    continue
                }
                byKey[key] = operations.count
                operations.append(operation)
            }
        }
        types.sort { $0.name < $1.name }
        return Spec(
            title: documents.compactMap(\.title).first { !$0.isEmpty } ?? "API",
            serverURL: documents.compactMap(\.serverURL).first,
            operations: operations,
            types: types)
    }

    private struct TypeMerge {
        var types: [NamedType]
        /// For each document: its local component name -> the merged spec's name.
        var perDocument: [[String: String]]
    }

    private mutating func mergeTypes(_ documents: [DocumentContribution]) -> TypeMerge {
        // Every definition of each name, in document order.
        var definitions: [String: [(document: Int, type: NamedType)]] = [:]
        for (index, document) in documents.enumerated() {
            for type in document.types { definitions[type.name, default: []].append((index, type)) }
        }
        var result = TypeMerge(types: [], perDocument: Array(repeating: [:], count: documents.count))
        var owners: [Int] = []
        var taken = Set(definitions.keys)
        for name in definitions.keys.sorted() {
            let copies = definitions[name] ?? []
            // Distinct shapes, most widely used first so the common shape keeps the plain name.
            var variants: [(type: NamedType, documents: [Int])] = []
            for copy in copies {
                if let at = variants.firstIndex(where: { Subsumption.sameShape($0.type.schema, copy.type.schema) }) {
                    variants[at].documents.append(copy.document)
                } else {
                    variants.append((copy.type, [copy.document]))
                }
            }
            // Fold each variant into a wider one that subsumes it.
            var folded = true
            while folded {
                folded = false
                outer: for i in variants.indices {
                    for j in variants.indices where i != j && Subsumption.subsumes(variants[j].type.schema, variants[i].type.schema) {
                        variants[j].documents += variants[i].documents
                        variants.remove(at: i)
                        folded = true
                        break outer
                    }
                }
            }
            variants.sort { ($0.documents.count, -($0.documents.min() ?? 0)) > ($1.documents.count, -($1.documents.min() ?? 0)) }
            for (rank, variant) in variants.enumerated() {
                var finalName = name
                if rank > 0 {
                    let groupName = documents[variant.documents.min() ?? 0].groupName
                    finalName = "\(name) (\(groupName))"
                    var counter = 2
                    while taken.contains(finalName) {
                        finalName = "\(name) (\(groupName) \(counter))"
                        counter += 1
                    }
                    taken.insert(finalName)
                    if let here = variant.type.location {
                        diagnostics.warning(
                            "component '\(name)' is defined differently here than in other documents; this copy becomes '\(finalName)'",
                            at: here,
                            notes: variants[0].type.location.map { [.init(message: "the definition that keeps the name '\(name)'", location: $0)] } ?? [])
                    }
                }
                for document in variant.documents { result.perDocument[document][name] = finalName }
                var type = variant.type
                type.name = finalName
                result.types.append(type)
                owners.append(variant.documents.min() ?? 0)
            }
        }
        // References inside the kept definitions follow their own document's renames.
        for (index, owner) in owners.enumerated() {
            result.types[index].schema = result.types[index].schema.mappingReferences(result.perDocument[owner])
        }
        return result
    }
}

extension Operation {
    /// Equal apart from where each was written.
    func describesSameAs(_ other: Operation) -> Bool {
        var a = self, b = other
        a.location = nil
        b.location = nil
        return a == b
    }
}

extension DocumentContribution {
    /// The folder the document sits in, which names its resource group in the Salla docs layout.
    var groupName: String {
        let parts = file.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : String(parts.last ?? "")
    }
}

/// When one schema can stand for another: same shape, and any extra properties or values only widen it.
enum Subsumption {
    static func sameShape(_ a: Schema, _ b: Schema) -> Bool {
        subsumes(a, b) && subsumes(b, a)
    }

    /// True when every value `narrow` describes is also described by `wide`.
    static func subsumes(_ wide: Schema, _ narrow: Schema) -> Bool {
        if narrow.nullable && !wide.nullable { return false }
        switch (wide.kind, narrow.kind) {
        case (.any, _): return true
        case let (.string(f), .string(g)): return f == g || f == nil
        case (.number, .number), (.number, .integer), (.integer, .integer), (.boolean, .boolean), (.binary, .binary):
            return true
        case let (.reference(x), .reference(y)): return x == y
        case let (.array(x), .array(y)): return subsumes(x, y)
        case let (.map(x), .map(y)): return subsumes(x, y)
        case let (.enumeration(x), .enumeration(y)):
            return x.base == y.base && Set(y.values).isSubset(of: Set(x.values))
        case let (.object(x), .object(y)):
            for property in y.properties {
                guard let match = x.properties.first(where: { $0.name == property.name }), subsumes(match.schema, property.schema) else {
                    return false
                }
            }
            return true
        default:
            return false
        }
    }
}
