/// Heap storage for a value that contains itself (a category whose `parent` is a category),
/// which a struct cannot hold inline. Encodes and decodes exactly as the wrapped value.
public struct Indirect<Wrapped: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Wrapped
        init(_ value: Wrapped) { self.value = value }
    }

    private var box: Box

    public init(_ value: Wrapped) { box = Box(value) }

    public var value: Wrapped {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension Indirect: Equatable where Wrapped: Equatable {
    public static func == (a: Indirect, b: Indirect) -> Bool { a.value == b.value }
}

extension Indirect: Hashable where Wrapped: Hashable {
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

extension Indirect: Decodable where Wrapped: Decodable {
    public init(from decoder: any Decoder) throws { self.init(try Wrapped(from: decoder)) }
}

extension Indirect: Encodable where Wrapped: Encodable {
    public func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension Indirect: Validatable where Wrapped: Validatable {
    public func validate(into validator: inout Validator, at path: FieldPath) {
        value.validate(into: &validator, at: path)
    }
}
