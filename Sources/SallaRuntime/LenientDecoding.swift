import Foundation

// Lenient decoding: responses must survive what the real API returns — ids as
// strings, prices as "35.00", flags as 0/1, nulls anywhere, and the odd element
// of the wrong shape. Generated `init(from:)` implementations call the
// `lenient` methods below, which never throw: a value that cannot be read is `nil`.
// Each tries the strict decoding first, so well-formed answers pay nothing for the leniency.

extension KeyedDecodingContainer {
    /// A string; numbers give their text (`12`, `35.5`), Booleans `"true"`/`"false"`.
    /// `nil` when absent, null, or an array or object.
    @inlinable
    public func lenient(_ type: String.Type, forKey key: Key) -> String? {
        // The concrete overload, which JSONDecoder answers without a generic detour.
        do { return try decodeIfPresent(String.self, forKey: key) } catch { return decodeAfterFailure(String.self, forKey: key) }
    }

    /// An integer; also accepts whole floating-point numbers (`35.0`) and
    /// numeric strings that are whole (`"35"`, `"35.00"`). Booleans are not integers.
    @inlinable
    public func lenient(_ type: Int.Type, forKey key: Key) -> Int? {
        do { return try decodeIfPresent(Int.self, forKey: key) } catch { return decodeAfterFailure(Int.self, forKey: key) }
    }

    /// A 64-bit integer, with the same coercions as the `Int` overload.
    @inlinable
    public func lenient(_ type: Int64.Type, forKey key: Key) -> Int64? {
        do { return try decodeIfPresent(Int64.self, forKey: key) } catch { return decodeAfterFailure(Int64.self, forKey: key) }
    }

    /// A number; also accepts finite numeric strings (`"35.00"`).
    @inlinable
    public func lenient(_ type: Double.Type, forKey key: Key) -> Double? {
        do { return try decodeIfPresent(Double.self, forKey: key) } catch { return decodeAfterFailure(Double.self, forKey: key) }
    }

    /// A Boolean; also accepts the numbers `0`/`1` and the strings
    /// `"true"`/`"false"`/`"1"`/`"0"` (case-insensitive).
    @inlinable
    public func lenient(_ type: Bool.Type, forKey key: Key) -> Bool? {
        do { return try decodeIfPresent(Bool.self, forKey: key) } catch { return decodeAfterFailure(Bool.self, forKey: key) }
    }

    /// Any decodable value; `nil` when it is absent, null or fails to decode.
    ///
    /// Scalars, arrays and dictionaries among `T` and its element types are
    /// read with the same coercions as the dedicated overloads.
    @inlinable
    public func lenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        decodeLenient(T.self, forKey: key)
    }

    /// An array whose elements are decoded one by one: elements that fail to
    /// decode are dropped, scalars are coerced like the scalar overloads
    /// (`["1", 2, "x"]` as `[Int]` gives `[1, 2]`). `nil` when absent, null or
    /// not an array.
    @inlinable
    public func lenient<T: Decodable>(_ type: [T].Type, forKey key: Key) -> [T]? {
        decodeLenient([T].self, forKey: key)
    }

    /// An object as a dictionary whose values are decoded one by one; members
    /// that fail to decode are dropped. `nil` when absent, null or not an object.
    @inlinable
    public func lenient<T: Decodable>(_ type: [String: T].Type, forKey key: Key) -> [String: T]? {
        decodeLenient([String: T].self, forKey: key)
    }

    /// An enumeration of the API, read as its text: JSONDecoder reads a string directly, where
    /// the enumeration's own `init(from:)` would cost a nested decoder per value.
    @inlinable
    public func lenient<E: OpenEnumeration & Decodable>(_ type: E.Type, forKey key: Key) -> E? {
        do { return try decodeIfPresent(String.self, forKey: key).flatMap { E(rawValue: $0) } } catch { return decodeAfterFailure(E.self, forKey: key) }
    }

    /// Strictly first: a value of the documented type decodes as fast as synthesized `Codable`
    /// would (inlined into the generated models, so it is specialised for the property's type);
    /// only a value that fails takes the lenient path.
    @inlinable
    func decodeLenient<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        do {
            return try decodeIfPresent(T.self, forKey: key)
        } catch {
            return decodeAfterFailure(T.self, forKey: key)
        }
    }

    @usableFromInline
    func decodeAfterFailure<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        (try? decodeIfPresent(LenientElement<T>.self, forKey: key))?.value
    }
}

/// Decodes a `T` without ever throwing, applying the lenient rules when `T`
/// has them; `value` is `nil` when decoding failed.
struct LenientElement<T: Decodable>: Decodable {
    let value: T?

    init(from decoder: any Decoder) {
        if let lenientType = T.self as? any LenientDecodable.Type {
            value = lenientType.lenientDecode(from: decoder) as? T
        } else {
            value = try? T(from: decoder)
        }
    }
}

/// A type with its own forgiving decoding rules.
protocol LenientDecodable {
    /// Reads a value, coercing where sensible; `nil` when impossible.
    static func lenientDecode(from decoder: any Decoder) -> Self?
}

extension String: LenientDecodable {
    static func lenientDecode(from decoder: any Decoder) -> String? { LenientValue(from: decoder).string }
}

extension Int: LenientDecodable {
    static func lenientDecode(from decoder: any Decoder) -> Int? {
        LenientValue(from: decoder).int64.flatMap { Int(exactly: $0) }
    }
}

extension Int64: LenientDecodable {
    static func lenientDecode(from decoder: any Decoder) -> Int64? { LenientValue(from: decoder).int64 }
}

extension Double: LenientDecodable {
    static func lenientDecode(from decoder: any Decoder) -> Double? { LenientValue(from: decoder).double }
}

extension Bool: LenientDecodable {
    static func lenientDecode(from decoder: any Decoder) -> Bool? { LenientValue(from: decoder).bool }
}

extension Array: LenientDecodable where Element: Decodable {
    static func lenientDecode(from decoder: any Decoder) -> [Element]? {
        guard var container = try? decoder.unkeyedContainer() else { return nil }
        var result: [Element] = []
        while !container.isAtEnd {
            // Decoding `LenientElement` succeeds for any element, so the
            // container always advances; stop defensively if it ever does not.
            guard let element = try? container.decode(LenientElement<Element>.self) else { break }
            if let value = element.value { result.append(value) }
        }
        return result
    }
}

extension Dictionary: LenientDecodable where Key == String, Value: Decodable {
    static func lenientDecode(from decoder: any Decoder) -> [String: Value]? {
        guard let container = try? decoder.container(keyedBy: JSONKey.self) else { return nil }
        var result: [String: Value] = [:]
        for key in container.allKeys {
            if let value = (try? container.decode(LenientElement<Value>.self, forKey: key))?.value {
                result[key.stringValue] = value
            }
        }
        return result
    }
}

extension Optional: LenientDecodable where Wrapped: Decodable {
    static func lenientDecode(from decoder: any Decoder) -> Wrapped?? {
        if let container = try? decoder.singleValueContainer(), container.decodeNil() {
            return .some(.none)
        }
        return LenientElement<Wrapped>(from: decoder).value.map { .some($0) }
    }
}

/// One JSON scalar, read once and coerced on demand. This is the single place
/// where the lenient scalar rules live.
struct LenientValue: Decodable {
    private enum Storage {
        case null
        case bool(Bool)
        case integer(Int64)
        case double(Double)
        case string(String)
        case other
    }

    private let storage: Storage

    init(from decoder: any Decoder) {
        guard let container = try? decoder.singleValueContainer() else {
            storage = .other
            return
        }
        if container.decodeNil() {
            storage = .null
        } else if let value = try? container.decode(Bool.self) {
            storage = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            storage = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            storage = .double(value)
        } else if let value = try? container.decode(String.self) {
            storage = .string(value)
        } else {
            storage = .other
        }
    }

    /// Strings as they are; numbers and Booleans as their text.
    var string: String? {
        switch storage {
        case .string(let value): return value
        case .integer(let value): return String(value)
        case .double(let value): return NumberText.format(value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .other: return nil
        }
    }

    /// Whole numbers, from numbers or numeric strings.
    var int64: Int64? {
        switch storage {
        case .integer(let value): return value
        case .double(let value): return Int64(exactly: value)
        case .string(let value):
            let text = value.trimmingCharacters(in: .whitespaces)
            if let whole = Int64(text) { return whole }
            return Double(text).flatMap { Int64(exactly: $0) }
        case .bool, .null, .other: return nil
        }
    }

    /// Numbers, from numbers or finite numeric strings.
    var double: Double? {
        switch storage {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        case .string(let value):
            guard let number = Double(value.trimmingCharacters(in: .whitespaces)), number.isFinite else { return nil }
            return number
        case .bool, .null, .other: return nil
        }
    }

    /// Booleans, from Booleans, `0`/`1`, or `"true"`/`"false"`/`"1"`/`"0"`.
    var bool: Bool? {
        switch storage {
        case .bool(let value): return value
        case .integer(0): return false
        case .integer(1): return true
        case .string(let value):
            switch value.trimmingCharacters(in: .whitespaces).lowercased() {
            case "true", "1": return true
            case "false", "0": return false
            default: return nil
            }
        case .integer, .double, .null, .other: return nil
        }
    }
}

extension KeyedEncodingContainer {
    /// Encodes an enumeration of the API as its text, which JSONEncoder writes directly; the
    /// enumeration's own `encode(to:)` would cost a nested encoder per value.
    @inlinable
    public mutating func encodeIfPresent<E: OpenEnumeration & Encodable>(_ value: E?, forKey key: Key) throws {
        try encodeIfPresent(value?.rawValue, forKey: key)
    }
}
