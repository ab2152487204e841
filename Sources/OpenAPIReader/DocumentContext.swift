import Diagnostics
import SpecIR
import YAMLLoader

/// Reading state for one input document: where it came from and what went wrong in it.
final class DocumentContext {
    let file: String
    let root: YAMLNode
    var diagnostics = DiagnosticBag()
    /// Components being expanded through allOf/anyOf/oneOf, to stop at cycles.
    var expanding = Set<String>()
    /// Components already read, by decoded name.
    var components: [String: Schema] = [:]
    /// Schema nodes the document's schemas have expanded to so far (allOf copies included).
    private var expandedNodes = 0

    /// Most schema nodes one document's schemas may expand to. Merging `allOf` parts copies the
    /// referenced components' properties, so a few lines can describe exponentially many
    /// nodes, and everything after reading walks each copy.
    static let maxExpandedNodes = 1_000_000

    init(file: String, root: YAMLNode) {
        self.file = file
        self.root = root
    }

    /// Counts `schema` against the budget; past it, one error at the schema that crossed it, and
    /// that schema and every later one stand as any JSON value.
    @discardableResult
    func account(_ schema: Schema, at node: YAMLNode) -> Schema {
        let budget = Self.maxExpandedNodes - expandedNodes
        guard budget > 0 else { return Schema(.any, location: schema.location) }
        expandedNodes += schema.nodeCount(upTo: budget + 1)
        guard expandedNodes > Self.maxExpandedNodes else { return schema }
        error("this schema expands to more than \(Self.maxExpandedNodes) nodes through allOf, anyOf or oneOf (the document's limit); refer to shared parts instead of merging them into each other", at: node)
        return Schema(.any, location: schema.location)
    }

    func error(_ message: String, at node: YAMLNode) {
        diagnostics.error(message, at: node.location)
    }

    func warning(_ message: String, at node: YAMLNode) {
        diagnostics.warning(message, at: node.location)
    }

    // MARK: Typed access that reports a wrong type once, at the offending node.

    /// The mapping at `node`, or nil with an error naming what was expected.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        guard let pairs = node.mapping else {
            error("\(what) must be a mapping, found \(describe(node))", at: node)
            return nil
        }
        return pairs
    }

    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard let items = node.sequence else {
            error("\(what) must be a sequence, found \(describe(node))", at: node)
            return nil
        }
        return items
    }

    /// A string value; numbers and booleans written where text belongs are taken as their text.
    func text(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let scalar = node.scalar else {
            error("'\(what)' must be a string, found \(describe(node))", at: node)
            return nil
        }
        if case .null = scalar.value { return nil }
        return scalar.text
    }

    /// A string that must be written as one (a type name, a parameter location).
    func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let value = node.string else {
            error("'\(what)' must be a string, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .bool(let value)? = node.scalar?.value else {
            error("'\(what)' must be a boolean, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    func int(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .int(let value)? = node.scalar?.value, value >= 0 else {
            error("'\(what)' must be a non-negative integer, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        switch node.scalar?.value {
        case .int(let value)?: return Double(value)
        // `.inf` is a bound that bounds nothing; callers leave infinite bounds out.
        case .double(let value)? where !value.isNaN: return value
        default:
            error("'\(what)' must be a number, found \(describe(node))", at: node)
            return nil
        }
    }

    /// What a node holds, for messages: `a mapping`, `a sequence`, `integer -1`, `string 'abc'`
    /// (`1e400` and `.inf`, which no Double holds, read as what they are written as).
    func describe(_ node: YAMLNode) -> String {
        guard let scalar = node.scalar else { return "a \(node.kindName)" }
        let text = scalar.text.count > 40 ? scalar.text.prefix(40) + "…" : Substring(scalar.text)
        switch scalar.value {
        case .null: return "null"
        case .string where !scalar.isQuoted && Double(scalar.text) != nil: return "number \(text), beyond Double's range"
        case .double(let value) where value.isNaN: return "\(text), which is not a number"
        case .string: return "string '\(text)'"
        default: return "\(scalar.value.kindName) \(text)"
        }
    }
}

extension YAMLNode {
    /// Mapping entries whose keys are not vendor extensions (`x-...`).
    var specEntries: [(key: String, value: YAMLNode, keyNode: YAMLNode)] {
        (mapping ?? []).compactMap { pair in
            guard let key = pair.keyString, !key.hasPrefix("x-") else { return nil }
            return (key, pair.value, pair.key)
        }
    }

    /// The example payload this node holds, as JSON.
    var jsonValue: JSONValue {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .int(let value): return .int(value)
            case .double(let value): return .double(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let pairs): return .object(pairs.map { ($0.keyString ?? $0.key.scalar?.text ?? "", $0.value.jsonValue) })
        }
    }
}
