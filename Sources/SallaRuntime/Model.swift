import Foundation

/// What every generated model is: `Codable`, `Hashable` and `Sendable`, with equality and
/// hashing by value through the model's JSON encoding.
///
/// Compilers spend most of a large SDK's build time on per-type derived `==` and `hash(into:)`;
/// one shared implementation keeps generated code small and quick to build, at the price of an
/// encoding per comparison, which is negligible next to the network calls these values come from.
public protocol SallaModel: Codable, Hashable, Sendable {}

extension SallaModel {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        ModelEncoding.canonical(lhs) == ModelEncoding.canonical(rhs)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ModelEncoding.canonical(self))
    }
}

enum ModelEncoding {
    /// The value's JSON with sorted keys, the same bytes for equal values.
    static func canonical(_ value: some Encodable) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(value)
    }
}

/// A JSON object key written as a string literal, so generated models need no `CodingKeys` enum.
public struct JSONKey: CodingKey, Hashable, Sendable, ExpressibleByStringLiteral {
    public let stringValue: String

    public init(stringValue: String) { self.stringValue = stringValue }
    public init(stringLiteral value: String) { stringValue = value }
    public init?(intValue: Int) { stringValue = String(intValue) }

    public var intValue: Int? { nil }
}
