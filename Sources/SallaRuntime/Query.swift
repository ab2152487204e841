import Foundation

/// A value that can be written into a query string or a form field.
///
/// `String`, `Int`, `Int64`, `Double` and `Bool` conform. Any
/// `RawRepresentable` type whose raw value is a `String` (such as a generated
/// enum) gets ``queryValue`` for free by declaring the conformance.
public protocol QueryValue {
    /// The text written for this value.
    var queryValue: String { get }
}

extension QueryValue where Self: RawRepresentable, Self.RawValue == String {
    /// The raw value.
    public var queryValue: String { rawValue }
}

extension String: QueryValue {
    /// The string itself.
    public var queryValue: String { self }
}

extension Int: QueryValue {
    /// The decimal digits, e.g. `"42"`.
    public var queryValue: String { String(self) }
}

extension Int64: QueryValue {
    /// The decimal digits, e.g. `"42"`.
    public var queryValue: String { String(self) }
}

extension Double: QueryValue {
    /// The shortest text that round-trips, without a trailing `.0` for whole
    /// numbers: `35.0` gives `"35"`, `35.5` gives `"35.5"`.
    public var queryValue: String { NumberText.format(self) }
}

extension Bool: QueryValue {
    /// `"true"` or `"false"`.
    public var queryValue: String { self ? "true" : "false" }
}

/// Number formatting shared by queries, forms, lenient decoding and messages.
enum NumberText {
    /// Formats `value` without a trailing `.0` when it is a whole number.
    static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 {
            return String(Int64(value))
        }
        return String(value)
    }
}

/// An ordered list of query parameters, encoded the way Salla expects.
///
/// Arrays are written with bracketed names, one pair per element:
/// `fields[]=a&fields[]=b`.
public struct QueryItems: Sendable, Hashable {
    /// One `name=value` pair, not yet percent-encoded.
    public struct Item: Sendable, Hashable {
        /// The parameter name, e.g. `"fields[]"`.
        public var name: String
        /// The parameter value.
        public var value: String

        /// Creates a pair.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The pairs, in the order they were added.
    public var items: [Item]

    /// Creates an empty list.
    public init() {
        items = []
    }

    /// Whether there are no pairs.
    public var isEmpty: Bool { items.isEmpty }

    /// Adds `name=value`; does nothing when `value` is `nil`.
    public mutating func add(_ name: String, _ value: (some QueryValue)?) {
        guard let value else { return }
        items.append(Item(name: name, value: value.queryValue))
    }

    /// Adds `name[]=element` for each element; does nothing when `values` is `nil`.
    public mutating func add(_ name: String, _ values: [some QueryValue]?) {
        guard let values else { return }
        for value in values {
            items.append(Item(name: name + "[]", value: value.queryValue))
        }
    }

    /// The percent-encoded query string, without the leading `?`.
    ///
    /// Names and values keep only RFC 3986 unreserved characters, so `+`
    /// becomes `%2B`, a space `%20`, and `[]` in names `%5B%5D` (which servers
    /// decode back to `[]`).
    public var encoded: String {
        items
            .map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
            .joined(separator: "&")
    }
}
