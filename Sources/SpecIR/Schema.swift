import Diagnostics

/// A data shape, independent of how the spec language spells it.
public struct Schema: Hashable, Sendable {
    // Stored in this order so the flags share one word: every document's schemas are in memory at once.
    public var kind: Kind
    public var description: String?
    /// Where the schema was written; ignored by equality so identical copies compare equal.
    public var location: SourceLocation?
    public var nullable: Bool
    public var deprecated: Bool
    public var readOnly: Bool

    public indirect enum Kind: Hashable, Sendable {
        case string(StringFormat?)
        case integer
        case number
        case boolean
        case array(Schema)
        /// A JSON object with arbitrary keys whose values share one schema.
        case map(Schema)
        case object(ObjectSchema)
        case enumeration(EnumSchema)
        /// A named type in `Spec.types`.
        case reference(String)
        /// Binary content, such as an uploaded file.
        case binary
        /// Any JSON value.
        case any
    }

    public init(
        _ kind: Kind, nullable: Bool = false, description: String? = nil, constraints: Constraints = .init(),
        deprecated: Bool = false, readOnly: Bool = false, location: SourceLocation? = nil
    ) {
        self.kind = kind
        self.nullable = nullable
        self.description = description
        self.storedConstraints = constraints.isEmpty ? nil : ConstraintsBox(constraints)
        self.deprecated = deprecated
        self.readOnly = readOnly
        self.location = location
    }

    /// Most schemas have none, and every document's components are held until the merge, so
    /// constraints are kept out of line: a schema is a third of the size to store and copy.
    public var constraints: Constraints {
        get { storedConstraints?.value ?? Constraints() }
        set { storedConstraints = newValue.isEmpty ? nil : ConstraintsBox(newValue) }
    }

    private var storedConstraints: ConstraintsBox?

    private final class ConstraintsBox: Sendable {
        let value: Constraints
        init(_ value: Constraints) { self.value = value }
    }

    public static func == (a: Schema, b: Schema) -> Bool {
        a.kind == b.kind && a.nullable == b.nullable && a.description == b.description
            && a.constraints == b.constraints && a.deprecated == b.deprecated && a.readOnly == b.readOnly
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(nullable)
        hasher.combine(description)
    }
}

public enum StringFormat: String, Hashable, Sendable {
    case email, date, dateTime = "date-time", uuid, uri
}

public struct ObjectSchema: Hashable, Sendable {
    public var properties: [Property]
    /// The schema of keys not listed in `properties`, when the object allows them with a shape.
    public var additionalProperties: Schema?

    public init(properties: [Property], additionalProperties: Schema? = nil) {
        self.properties = properties
        self.additionalProperties = additionalProperties
    }
}

public struct Property: Hashable, Sendable {
    /// The key on the wire.
    public var name: String
    public var schema: Schema
    public var required: Bool

    public init(name: String, schema: Schema, required: Bool) {
        self.name = name
        self.schema = schema
        self.required = required
    }
}

public struct EnumSchema: Hashable, Sendable {
    public enum Base: String, Hashable, Sendable { case string, integer }
    public var base: Base
    /// The allowed values as written on the wire, in spec order.
    public var values: [String]
    /// Per-value documentation, where the spec gives it.
    public var valueDescriptions: [String: String]

    public init(base: Base, values: [String], valueDescriptions: [String: String] = [:]) {
        self.base = base
        self.values = values
        self.valueDescriptions = valueDescriptions
    }
}

/// What a valid value must satisfy; checked on requests, never on responses.
public struct Constraints: Hashable, Sendable {
    public var maxLength: Int?
    public var minLength: Int?
    public var pattern: String?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Bool
    public var exclusiveMaximum: Bool
    public var minItems: Int?
    public var maxItems: Int?
    public var uniqueItems: Bool

    public init(
        maxLength: Int? = nil, minLength: Int? = nil, pattern: String? = nil, minimum: Double? = nil,
        maximum: Double? = nil, exclusiveMinimum: Bool = false, exclusiveMaximum: Bool = false,
        minItems: Int? = nil, maxItems: Int? = nil, uniqueItems: Bool = false
    ) {
        self.maxLength = maxLength
        self.minLength = minLength
        self.pattern = pattern
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.uniqueItems = uniqueItems
    }

    public var isEmpty: Bool { self == Constraints() }
}
