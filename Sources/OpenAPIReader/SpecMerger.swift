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
        var byEndpoint: [Endpoint: Int] = [:]
        for (index, document) in documents.enumerated() {
            let rename = renames.perDocument[index]
            for var operation in document.operations {
                operation = operation.mappingReferences(rename)
                let key = operation.endpoint
                if let existing = byEndpoint[key] {
                    if !operations[existing].describesSameAs(operation) {
                        diagnostics.error(
                            "operation \(key) is described differently in two documents",
                            at: operation.location,
                            notes: operations[existing].location.map { [.init(message: "the other description of \(key)", location: $0)] } ?? [])
                    }
                    continue
                }
                byEndpoint[key] = operations.count
                operations.append(operation)
            }
        }
        types.sort { $0.name < $1.name }
        return Spec(
            title: documents.compactMap(\.title).first { !$0.isEmpty } ?? "API",
            serverURL: documents.compactMap(\.serverURL).first,
            operations: Self.groupedByPath(operations),
            types: types)
    }

    /// The operations of one path stand together, in the order of the path's first operation
    /// (documents are otherwise taken in file order): the order one OpenAPI document can
    /// express, so generating from a merged document gives the same SDK as from its inputs.
    static func groupedByPath(_ operations: [Operation]) -> [Operation] {
        var rank: [String: Int] = [:]
        for operation in operations where rank[operation.path] == nil { rank[operation.path] = rank.count }
        return operations.enumerated()
            .sorted { (rank[$0.element.path] ?? 0, $0.offset) < (rank[$1.element.path] ?? 0, $1.offset) }
            .map(\.element)
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
        // Two copies that read alike but refer to differing copies of another component differ
        // too, so copies are compared through the renames so far until no more names split.
        var renames: [[String: String]] = Array(repeating: [:], count: documents.count)
        var pass = partition(definitions, documents: documents, renames: renames)
        for _ in 0..<8 where pass.result.perDocument != renames {
            renames = pass.result.perDocument
            pass = partition(definitions, documents: documents, renames: renames)
        }
        diagnostics.append(contentsOf: pass.warnings)
        return pass.result
    }

    /// One pass: each name's copies, with references read through `renames`, grouped into shapes.
    private func partition(
        _ definitions: [String: [(document: Int, type: NamedType)]], documents: [DocumentContribution], renames: [[String: String]]
    ) -> (result: TypeMerge, warnings: [Diagnostic]) {
        var result = TypeMerge(types: [], perDocument: Array(repeating: [:], count: documents.count))
        var warnings: [Diagnostic] = []
        var owners: [Int] = []
        var taken = Set(definitions.keys)
        for name in definitions.keys.sorted() {
            let copies = (definitions[name] ?? []).map { copy in
                var type = copy.type
                type.schema = type.schema.mappingReferences(renames[copy.document])
                return (document: copy.document, type: type)
            }
            // Distinct shapes, most widely used first so the common shape keeps the plain name.
            var variants: [(type: NamedType, documents: [Int], representative: Int)] = []
            for copy in copies {
                if let at = variants.firstIndex(where: { Subsumption.sameShape($0.type.schema, copy.type.schema) }) {
                    variants[at].documents.append(copy.document)
                } else {
                    variants.append((copy.type, [copy.document], copy.document))
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
                        let raw = { (document: Int) in (definitions[name] ?? []).first { $0.document == document }?.type.schema }
                        let renamedHere = Set(variant.type.schema.referencedNames).subtracting(raw(variant.representative)?.referencedNames ?? [])
                        var reason = "is defined differently here than in other documents"
                        if let mine = raw(variant.representative), let theirs = raw(variants[0].representative),
                           Subsumption.sameShape(mine, theirs), !renamedHere.isEmpty {
                            reason = "reads as in other documents but refers to a differing copy of " + renamedHere.sorted().map { "'\($0)'" }.joined(separator: ", ")
                        }
                        warnings.append(.warning(
                            "component '\(name)' \(reason); this copy becomes '\(finalName)'",
                            at: here,
                            notes: variants[0].type.location.map { [.init(message: "the definition that keeps the name '\(name)'", location: $0)] } ?? []))
                    }
                }
                for document in variant.documents where finalName != name {
                    result.perDocument[document][name] = finalName
                }
                var type = variant.type
                type.name = finalName
                if finalName != name {
                    let path = variant.type.location?.file ?? documents[variant.representative].file
                    let file = path.split(separator: "/").last.map(String.init) ?? path
                    type.variantOf = NamedType.Variant(name: name, document: file)
                }
                // The representative's references were read through the previous renames;
                // they are read again from its own definition once the renames are final.
                type.schema = (definitions[name] ?? []).first { $0.document == variant.representative }?.type.schema ?? type.schema
                result.types.append(type)
                owners.append(variant.representative)
            }
        }
        // References inside the kept definitions follow their own document's renames.
        for (index, owner) in owners.enumerated() {
            result.types[index].schema = result.types[index].schema.mappingReferences(result.perDocument[owner])
        }
        return (result, warnings)
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
