import Diagnostics

/// Everything the generator knows about an API, after every input was read and merged.
public struct Spec: Sendable {
    public var title: String
    public var serverURL: String?
    public var operations: [Operation]
    /// Named types in a stable order; `Schema.Kind.reference` names one of these.
    public var types: [NamedType]

    public init(title: String, serverURL: String? = nil, operations: [Operation], types: [NamedType]) {
        self.title = title
        self.serverURL = serverURL
        self.operations = operations
        self.types = types
    }

    public func type(named name: String) -> NamedType? {
        types.first { $0.name == name }
    }
}

public struct NamedType: Hashable, Sendable {
    /// The name as the spec wrote it (decoded), unique within the spec.
    public var name: String
    public var schema: Schema
    public var location: SourceLocation?
    /// Set for a copy that documents define differently and that was renamed apart when they
    /// were merged (`Pagination (Categories)`).
    public var variantOf: Variant?

    /// The name the documents give a renamed copy, and the document that defines it.
    public struct Variant: Hashable, Sendable {
        public var name: String
        public var document: String
        public init(name: String, document: String) {
            self.name = name
            self.document = document
        }
    }

    /// The keys under which a written document keeps `variantOf` (`sallagen merge` writes them,
    /// the reader reads them back), so the merged document generates the same Swift.
    public enum VariantKey {
        public static let name = "x-sallagen-variant-of"
        public static let document = "x-sallagen-variant-document"
    }

    public init(name: String, schema: Schema, location: SourceLocation?, variantOf: Variant? = nil) {
        self.name = name
        self.schema = schema
        self.location = location
        self.variantOf = variantOf
    }
}

public enum HTTPMethod: String, Hashable, Sendable, CaseIterable {
    case get, put, post, delete, patch, head, options, trace
}

/// What identifies an operation across documents: its method and path, `PUT /customers/{customer}`.
public struct Endpoint: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var method: HTTPMethod
    public var path: String

    public init(method: HTTPMethod, path: String) {
        self.method = method
        self.path = path
    }

    public var description: String { "\(method.rawValue.uppercased()) \(path)" }

    public static func < (a: Endpoint, b: Endpoint) -> Bool { (a.path, a.method.rawValue) < (b.path, b.method.rawValue) }
}

public struct Operation: Hashable, Sendable {
    public var id: String
    public var method: HTTPMethod
    public var path: String
    public var summary: String?
    public var description: String?
    /// The resource group this operation belongs to (for example "Customers").
    public var group: String
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    public var responses: [Response]
    public var scopes: [String]
    public var deprecated: Bool
    /// The vendor's own name for the SDK method, when given.
    public var sdkMethodName: String?
    /// The vendor's own name for the type inside the success envelope, when given.
    public var sdkReturnType: String?
    public var location: SourceLocation?

    public init(
        id: String, method: HTTPMethod, path: String, summary: String? = nil, description: String? = nil,
        group: String, parameters: [Parameter] = [], requestBody: RequestBody? = nil, responses: [Response] = [],
        scopes: [String] = [], deprecated: Bool = false, sdkMethodName: String? = nil, sdkReturnType: String? = nil,
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.method = method
        self.path = path
        self.summary = summary
        self.description = description
        self.group = group
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.scopes = scopes
        self.deprecated = deprecated
        self.sdkMethodName = sdkMethodName
        self.sdkReturnType = sdkReturnType
        self.location = location
    }

    public var endpoint: Endpoint { Endpoint(method: method, path: path) }

    /// The path split into its text and its `{parameter}` placeholders.
    public var pathSegments: [PathSegment] { PathSegment.split(path) }

    /// The first 2xx response, which is what a successful call returns.
    public var successResponse: Response? {
        responses.first { (200..<300).contains($0.status ?? 0) }
    }
}

/// A piece of a path template: text sent as written, or a `{name}` placeholder for a path parameter.
public enum PathSegment: Hashable, Sendable {
    case text(String)
    case parameter(String)

    /// `/customers/{customer}/ban` -> text `/customers/`, parameter `customer`, text `/ban`.
    /// A `{` without a closing `}` is text.
    public static func split(_ path: String) -> [PathSegment] {
        var segments: [PathSegment] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { segments.append(.text(String(rest[..<open]))) }
            segments.append(.parameter(String(rest[rest.index(after: open)..<close])))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        return segments
    }
}

public struct Parameter: Hashable, Sendable {
    public enum Location: String, Hashable, Sendable { case path, query, header }
    public var name: String
    public var location: Location
    public var required: Bool
    public var schema: Schema
    public var description: String?
    public var deprecated: Bool

    public init(name: String, location: Location, required: Bool, schema: Schema, description: String? = nil, deprecated: Bool = false) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
        self.description = description
        self.deprecated = deprecated
    }
}

public struct RequestBody: Hashable, Sendable {
    public enum ContentType: String, Hashable, Sendable {
        case json = "application/json"
        case multipart = "multipart/form-data"
    }
    public var contentType: ContentType
    public var schema: Schema
    public var required: Bool
    public var description: String?
    public var examples: [Example]

    public init(contentType: ContentType, schema: Schema, required: Bool, description: String? = nil, examples: [Example] = []) {
        self.contentType = contentType
        self.schema = schema
        self.required = required
        self.description = description
        self.examples = examples
    }
}

public struct Response: Hashable, Sendable {
    /// The HTTP status, nil for `default`.
    public var status: Int?
    public var description: String?
    public var schema: Schema?
    public var examples: [Example]

    public init(status: Int?, description: String? = nil, schema: Schema? = nil, examples: [Example] = []) {
        self.status = status
        self.description = description
        self.schema = schema
        self.examples = examples
    }
}

/// A sample payload from the spec, kept as JSON so tests can decode it with generated types.
public struct Example: Hashable, Sendable {
    public var name: String?
    public var value: JSONValue
    public var location: SourceLocation?

    public init(name: String?, value: JSONValue, location: SourceLocation?) {
        self.name = name
        self.value = value
        self.location = location
    }

    public static func == (a: Example, b: Example) -> Bool { a.name == b.name && a.value == b.value }
    public func hash(into hasher: inout Hasher) { hasher.combine(name); hasher.combine(value) }
}

/// A JSON value with object keys in document order.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.double(x), .double(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let v): hasher.combine(v)
        case .int(let v): hasher.combine(v)
        case .double(let v): hasher.combine(v)
        case .string(let v): hasher.combine(v)
        case .array(let v): hasher.combine(v)
        case .object(let pairs):
            for pair in pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        }
    }

    /// Compact JSON text with keys in document order.
    public var jsonText: String {
        var out = ""
        write(to: &out)
        return out
    }

    private func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let v): out += v ? "true" : "false"
        case .int(let v): out += String(v)
        case .double(let v):
            out += v.isFinite ? (v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)) : "null"
        case .string(let v): JSONValue.writeString(v, to: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let pairs):
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONValue.writeString(pair.key, to: &out)
                out += ":"
                pair.value.write(to: &out)
            }
            out += "}"
        }
    }

    private static func writeString(_ s: String, to out: inout String) {
        out += quoted(s)
    }

    /// A JSON string literal. Beyond what JSON requires, characters that YAML readers reject or
    /// fold (C1 controls, DEL, U+2028/9, BOM, U+FFFE/F) are `\u` escapes too, so the same text is
    /// also a valid YAML double-quoted scalar.
    public static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20 || (0x7F...0x9F).contains(c.value) || c.value == 0x2028 || c.value == 0x2029
                || c.value == 0xFEFF || c.value == 0xFFFE || c.value == 0xFFFF:
                let hex = String(c.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
