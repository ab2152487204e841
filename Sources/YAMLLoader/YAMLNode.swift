import Diagnostics

/// One node of a loaded YAML document, with the place it starts in the input.
public struct YAMLNode: Sendable, Hashable {
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        /// Pairs in document order.
        case mapping([YAMLPair])
    }

    public var content: Content
    /// 1-based line and column of the node's first character (for a node with
    /// an anchor or tag, the anchor or tag). For an alias, the alias itself;
    /// the nodes inside an aliased collection keep their anchored locations.
    public var location: SourceLocation

    public init(content: Content, location: SourceLocation) {
        self.content = content
        self.location = location
    }

    /// The value of the first pair whose key is a scalar with this text; nil
    /// when there is none or this node is not a mapping.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        for pair in pairs {
            if case .scalar(let s) = pair.key.content, s.text == key { return pair.value }
        }
        return nil
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The text of a scalar that resolved to a string; nil for anything else
    /// (numbers, booleans, null and collections).
    public var string: String? {
        if case .scalar(let s) = content, case .string(let text) = s.value { return text }
        return nil
    }

    /// A short name of the node's kind for messages: "mapping", "sequence",
    /// "string", "integer", "number", "boolean" or "null".
    public var kindName: String {
        switch content {
        case .mapping: return "mapping"
        case .sequence: return "sequence"
        case .scalar(let s): return s.value.kindName
        }
    }
}

/// One key/value pair of a mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }

    /// The key's text as written when the key is a scalar (so `200:` gives "200"
    /// although it resolves to an integer); nil for collection keys.
    public var keyString: String? {
        if case .scalar(let s) = key.content { return s.text }
        return nil
    }
}

/// A scalar's text and the value it resolves to.
public struct YAMLScalar: Sendable, Hashable {
    /// The scalar's text after YAML unescaping and folding.
    public var text: String
    public var value: Value
    /// True for single-quoted, double-quoted, literal (`|`) and folded (`>`)
    /// scalars; without an explicit tag those always resolve to `.string`.
    public var isQuoted: Bool

    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)

        public var kindName: String {
            switch self {
            case .null: return "null"
            case .bool: return "boolean"
            case .int: return "integer"
            case .double: return "number"
            case .string: return "string"
            }
        }
    }

    public init(text: String, value: Value, isQuoted: Bool) {
        self.text = text
        self.value = value
        self.isQuoted = isQuoted
    }
}

/// Why a document could not be loaded.
public struct YAMLLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    public var description: String { diagnostic.description }
}
