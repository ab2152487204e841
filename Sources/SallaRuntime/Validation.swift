import Foundation

/// A type that checks its own values against the API's documented constraints.
///
/// Generated request types implement ``validate(into:at:)`` by calling the
/// ``Validator`` rules for each property; ``validate()`` runs them all and
/// throws every violation at once.
public protocol Validatable: Sendable {
    /// Records every violation of `self`, with paths below `path`.
    func validate(into validator: inout Validator, at path: FieldPath)
}

extension Validatable {
    /// Checks `self` and throws all violations found, if any.
    public func validate() throws(ValidationFailure) {
        var validator = Validator()
        validate(into: &validator, at: .root)
        try validator.throwIfInvalid()
    }
}

/// An enumeration that keeps values it does not know, so a new value sent by
/// the API never breaks decoding. Sending an unknown value fails validation.
public protocol OpenEnumeration: RawRepresentable, QueryValue, Sendable where RawValue == String {
    /// Whether the value is one of ``knownValues``.
    var isKnown: Bool { get }
    /// The raw values the API documents.
    static var knownValues: [String] { get }
}

extension OpenEnumeration {
    /// Whether ``knownValues`` contains the raw value.
    public var isKnown: Bool { Self.knownValues.contains(rawValue) }
}

extension OpenEnumeration where Self: Hashable {
    /// Values are equal when the API would send the same text, known case or not.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }

    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

/// Where a value sits inside a request, written Laravel style: `products.0.name`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    private enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    private var components: [Component]

    /// The request itself; its description is empty.
    public static let root = FieldPath(components: [])

    private init(components: [Component]) {
        self.components = components
    }

    /// The path of the member named `key` below this one.
    public func appending(_ key: String) -> FieldPath {
        FieldPath(components: components + [.key(key)])
    }

    /// The path of the element at `index` below this one.
    public func appending(index: Int) -> FieldPath {
        FieldPath(components: components + [.index(index)])
    }

    /// The dot-separated path, e.g. `products.0.name`; empty for ``root``.
    public var description: String {
        components.map { component in
            switch component {
            case .key(let key): return key
            case .index(let index): return String(index)
            }
        }.joined(separator: ".")
    }

    /// The name used in messages: the last key, with any indices after it
    /// (`tags.0`); `value` for the root.
    var attribute: String {
        guard let lastKey = components.lastIndex(where: { if case .key = $0 { true } else { false } }) else {
            return components.isEmpty ? "value" : description
        }
        return FieldPath(components: Array(components[lastKey...])).description
    }
}

/// One broken constraint.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Where the value sits, e.g. `products.0.name`; empty for the request itself.
    public var path: String
    /// The rule that failed: `required`, `maxLength`, `minLength`, `pattern`,
    /// `minimum`, `maximum`, `minItems`, `maxItems`, `uniqueItems`, `format` or `enum`.
    public var rule: String
    /// A Laravel-style message, e.g. `The first_name field is required.`
    public var message: String

    /// Creates a violation.
    public init(path: String, rule: String, message: String) {
        self.path = path
        self.rule = rule
        self.message = message
    }

    /// `path: message`, or just the message at the root.
    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Thrown before any request is sent when its values break the API's constraints.
///
/// ``fields`` mirrors the `fields` of the API's own 422 answer (see ``SallaAPIError/fields``).
public struct ValidationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Every violation found, in the order found.
    public var violations: [Violation]

    /// Creates a failure.
    public init(violations: [Violation]) {
        self.violations = violations
    }

    /// The messages grouped by path, e.g. `["first_name": ["The first_name field is required."]]`.
    public var fields: [String: [String]] {
        violations.reduce(into: [:]) { fields, violation in
            fields[violation.path, default: []].append(violation.message)
        }
    }

    /// All violations on one line.
    public var description: String {
        "Validation failed: " + violations.map(\.description).joined(separator: "; ")
    }
}

/// String formats that ``Validator/format(_:_:at:)`` checks.
public enum StringFormat: String, Sendable, Hashable, CaseIterable {
    /// An email address: one `@` between a local part and a domain, no spaces.
    case email
    /// A calendar date `YYYY-MM-DD` that exists (`2023-02-30` does not).
    case date
    /// An RFC 3339 date-time; the `T` may be a space and the offset may be
    /// omitted, so Salla's `2020-04-02 22:43:26.000000` passes.
    case dateTime = "date-time"
    /// A UUID, `8-4-4-4-12` hexadecimal digits.
    case uuid
    /// An absolute URI: a scheme, a colon, and no spaces.
    case uri
}

/// Collects every constraint violation of a request.
///
/// Each rule ignores `nil` values (only ``required(_:at:)`` checks presence)
/// and records a ``Violation`` when the value breaks it.
public struct Validator: Sendable {
    /// The violations recorded so far.
    public private(set) var violations: [Violation] = []

    /// Creates a validator with no violations.
    public init() {}

    /// Whether no violation was recorded.
    public var isValid: Bool { violations.isEmpty }

    /// Throws a ``ValidationFailure`` with every recorded violation, if any.
    public func throwIfInvalid() throws(ValidationFailure) {
        if !violations.isEmpty { throw ValidationFailure(violations: violations) }
    }

    /// Records a violation of a rule not covered below.
    public mutating func record(rule: String, message: String, at path: FieldPath) {
        violations.append(Violation(path: path.description, rule: rule, message: message))
    }

    /// Fails when `value` is `nil`: "The first_name field is required."
    public mutating func required(_ value: (some Any)?, at path: FieldPath) {
        if value == nil {
            record(rule: "required", message: "The \(path.attribute) field is required.", at: path)
        }
    }

    /// Fails when `value` has more than `limit` characters.
    public mutating func maxLength(_ value: String?, _ limit: Int, at path: FieldPath) {
        guard let value, value.count > limit else { return }
        record(rule: "maxLength", message: "The \(path.attribute) may not be greater than \(limit) characters.", at: path)
    }

    /// Fails when `value` has fewer than `limit` characters.
    public mutating func minLength(_ value: String?, _ limit: Int, at path: FieldPath) {
        guard let value, value.count < limit else { return }
        record(rule: "minLength", message: "The \(path.attribute) must be at least \(limit) characters.", at: path)
    }

    /// Fails when `regex` matches nowhere in `value` (JSON Schema semantics:
    /// unanchored). An invalid regex is skipped.
    public mutating func pattern(_ value: String?, _ regex: String, at path: FieldPath) {
        guard let value, let expression = RegexCache.shared.expression(for: regex) else { return }
        let range = NSRange(value.startIndex..<value.endIndex, in: value)
        if expression.firstMatch(in: value, options: [], range: range) == nil {
            record(rule: "pattern", message: "The \(path.attribute) format is invalid.", at: path)
        }
    }

    /// Fails when `value` is below `limit`, or equal to it when `exclusive`.
    public mutating func minimum(_ value: Double?, _ limit: Double, exclusive: Bool = false, at path: FieldPath) {
        guard let value else { return }
        checkMinimum(exclusive ? value > limit : value >= limit, NumberText.format(limit), exclusive, path)
    }

    /// Fails when `value` is below `limit`, or equal to it when `exclusive`.
    public mutating func minimum<Number: BinaryInteger>(
        _ value: Number?, _ limit: Number, exclusive: Bool = false, at path: FieldPath
    ) {
        guard let value else { return }
        checkMinimum(exclusive ? value > limit : value >= limit, String(limit), exclusive, path)
    }

    /// Fails when `value` is above `limit`, or equal to it when `exclusive`.
    public mutating func maximum(_ value: Double?, _ limit: Double, exclusive: Bool = false, at path: FieldPath) {
        guard let value else { return }
        checkMaximum(exclusive ? value < limit : value <= limit, NumberText.format(limit), exclusive, path)
    }

    /// Fails when `value` is above `limit`, or equal to it when `exclusive`.
    public mutating func maximum<Number: BinaryInteger>(
        _ value: Number?, _ limit: Number, exclusive: Bool = false, at path: FieldPath
    ) {
        guard let value else { return }
        checkMaximum(exclusive ? value < limit : value <= limit, String(limit), exclusive, path)
    }

    /// Fails when `value` has fewer than `count` elements.
    public mutating func minItems(_ value: [some Any]?, _ count: Int, at path: FieldPath) {
        guard let value, value.count < count else { return }
        record(rule: "minItems", message: "The \(path.attribute) must have at least \(count) items.", at: path)
    }

    /// Fails when `value` has more than `count` elements.
    public mutating func maxItems(_ value: [some Any]?, _ count: Int, at path: FieldPath) {
        guard let value, value.count > count else { return }
        record(rule: "maxItems", message: "The \(path.attribute) may not have more than \(count) items.", at: path)
    }

    /// Fails when `value` holds the same element twice.
    public mutating func uniqueItems(_ value: [some Hashable]?, at path: FieldPath) {
        guard let value, Set(value).count != value.count else { return }
        record(rule: "uniqueItems", message: "The \(path.attribute) field has a duplicate value.", at: path)
    }

    /// Fails when `value` is not in `format`.
    public mutating func format(_ value: String?, _ format: StringFormat, at path: FieldPath) {
        guard let value, !FormatCheck.matches(value, format) else { return }
        let attribute = path.attribute
        let message: String
        switch format {
        case .email: message = "The \(attribute) must be a valid email address."
        case .date, .dateTime: message = "The \(attribute) is not a valid date."
        case .uuid: message = "The \(attribute) must be a valid UUID."
        case .uri: message = "The \(attribute) format is invalid."
        }
        record(rule: "format", message: message, at: path)
    }

    /// Fails when `value` is not one of the documented values (rule `enum`).
    public mutating func knownValue<E: OpenEnumeration>(_ value: E?, at path: FieldPath) {
        guard let value, !value.isKnown else { return }
        record(rule: "enum", message: "The \(path.attribute) is invalid.", at: path)
    }

    /// Fails for each element that is not one of the documented values (rule `enum`).
    public mutating func knownValues<E: OpenEnumeration>(_ values: [E]?, at path: FieldPath) {
        for (index, value) in (values ?? []).enumerated() {
            knownValue(value, at: path.appending(index: index))
        }
    }

    /// Fails when an integer is not one of the documented values (rule `enum`).
    public mutating func oneOf(_ value: Int?, _ allowed: [Int], at path: FieldPath) {
        guard let value, !allowed.contains(value) else { return }
        record(rule: "enum", message: "The \(path.attribute) is invalid.", at: path)
    }

    /// Validates a nested value at `path`.
    public mutating func nested(_ value: (some Validatable)?, at path: FieldPath) {
        value?.validate(into: &self, at: path)
    }

    /// Validates each element at `path.<index>`.
    public mutating func each<T: Validatable>(_ values: [T]?, at path: FieldPath) {
        guard let values else { return }
        for (index, value) in values.enumerated() {
            value.validate(into: &self, at: path.appending(index: index))
        }
    }

    private mutating func checkMinimum(_ passes: Bool, _ limit: String, _ exclusive: Bool, _ path: FieldPath) {
        guard !passes else { return }
        let bound = exclusive ? "greater than" : "at least"
        record(rule: "minimum", message: "The \(path.attribute) must be \(bound) \(limit).", at: path)
    }

    private mutating func checkMaximum(_ passes: Bool, _ limit: String, _ exclusive: Bool, _ path: FieldPath) {
        guard !passes else { return }
        let bound = exclusive ? "must be less than" : "may not be greater than"
        record(rule: "maximum", message: "The \(path.attribute) \(bound) \(limit).", at: path)
    }
}

/// Compiled regular expressions, shared and guarded by a lock.
private final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()

    private let lock = NSLock()
    private var expressions: [String: NSRegularExpression?] = [:]

    /// The compiled `pattern`, or `nil` when it does not compile.
    func expression(for pattern: String) -> NSRegularExpression? {
        lock.lock()
        defer { lock.unlock() }
        if let cached = expressions[pattern] { return cached }
        let expression = try? NSRegularExpression(pattern: pattern)
        expressions.updateValue(expression, forKey: pattern)
        return expression
    }
}

/// The checks behind ``StringFormat``, on UTF-8 bytes.
enum FormatCheck {
    static func matches(_ value: String, _ format: StringFormat) -> Bool {
        let bytes = Array(value.utf8)
        switch format {
        case .email: return isEmail(value)
        case .date: return bytes.count == 10 && isDate(bytes[...])
        case .dateTime: return isDateTime(bytes)
        case .uuid: return isUUID(bytes)
        case .uri: return isURI(value)
        }
    }

    private static func isEmail(_ value: String) -> Bool {
        guard let at = value.lastIndex(of: "@"), !value.contains(where: \.isWhitespace) else { return false }
        let local = value[..<at]
        let domain = value[value.index(after: at)...]
        return !local.isEmpty && !domain.isEmpty && !domain.contains("@")
            && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }

    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        for (offset, byte) in bytes.enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHex(byte) {
                return false
            }
        }
        return true
    }

    private static func isURI(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":") else { return false }
        let scheme = value[..<colon]
        let rest = value[value.index(after: colon)...]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        let schemeOK = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        return schemeOK && !rest.isEmpty && !rest.contains { $0.isWhitespace || ($0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false) }
    }

    /// `YYYY-MM-DD` naming a day that exists.
    private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10,
              let year = number(bytes, 0, 4), byte(bytes, 4) == UInt8(ascii: "-"),
              let month = number(bytes, 5, 2), byte(bytes, 7) == UInt8(ascii: "-"),
              let day = number(bytes, 8, 2),
              (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[month - 1]).contains(day)
    }

    /// `date (T|t|space) HH:MM:SS [.fraction] [Z | ±HH:MM]`.
    private static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 19, isDate(bytes[0..<10]),
              [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
              let hour = number(bytes[...], 11, 2), byte(bytes[...], 13) == UInt8(ascii: ":"),
              let minute = number(bytes[...], 14, 2), byte(bytes[...], 16) == UInt8(ascii: ":"),
              let second = number(bytes[...], 17, 2),
              hour <= 23, minute <= 59, second <= 60
        else { return false }
        var rest = bytes[19...]
        if rest.first == UInt8(ascii: ".") {
            let digits = rest.dropFirst().prefix(while: isDigit)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(1 + digits.count)
        }
        switch rest.first {
        case nil:
            return true
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            return rest.count == 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let offset = rest.dropFirst()
            guard offset.count == 5, let hours = number(offset, 0, 2), byte(offset, 2) == UInt8(ascii: ":"),
                  let minutes = number(offset, 3, 2)
            else { return false }
            return hours <= 23 && minutes <= 59
        default:
            return false
        }
    }

    /// The byte at `offset` from the start of `bytes`, if any.
    private static func byte(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> UInt8? {
        let index = bytes.startIndex + offset
        return bytes.indices.contains(index) ? bytes[index] : nil
    }

    /// The decimal number in `length` digits at `offset`, or `nil` if any is not a digit.
    private static func number(_ bytes: ArraySlice<UInt8>, _ offset: Int, _ length: Int) -> Int? {
        var value = 0
        for position in offset..<(offset + length) {
            guard let digit = byte(bytes, position), isDigit(digit) else { return nil }
            value = value * 10 + Int(digit - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
