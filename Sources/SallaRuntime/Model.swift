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
        // A value that cannot be encoded (a NaN inside) equals nothing, as NaN itself.
        guard let left = ModelEncoding.canonical(lhs), let right = ModelEncoding.canonical(rhs) else { return false }
        return left == right
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
    public let intValue: Int?

    public init(stringValue: String) { (self.stringValue, intValue) = (stringValue, nil) }
    public init(stringLiteral value: String) { self.init(stringValue: value) }
    public init(intValue: Int) { (stringValue, self.intValue) = (String(intValue), intValue) }
}
