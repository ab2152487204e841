/// Resolves scalar text by the YAML 1.2 core schema, working on the UTF-8 bytes
/// so that the common case (an ordinary word) costs one byte comparison.
enum ScalarResolver {
    /// The explicit tags the resolver understands.
    enum Tag {
        case str, int, float, bool, null
    }

    /// Resolution of a plain (unquoted, untagged) scalar.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> YAMLScalar.Value {
        guard let first = bytes.first else { return .null }
        switch first {
        case UInt8(ascii: "~"):
            return bytes.count == 1 ? .null : .string(text)
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(bytes) ? .null : .string(text)
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let b = bool(bytes) { return .bool(b) }
            return .string(text)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if let value = integer(bytes, text: text) { return value }
            if let d = float(bytes, text: text) { return .double(d) }
            return .string(text)
        default:
            return .string(text)
        }
    }

    /// Resolution under an explicit core-schema tag; nil when the text does not fit.
    static func resolve(_ bytes: UnsafeBufferPointer<UInt8>, text: String, tag: Tag) -> YAMLScalar.Value? {
        switch tag {
        case .str:
            return .string(text)
        case .null:
            return bytes.isEmpty || (bytes.count == 1 && bytes[0] == UInt8(ascii: "~")) || isNull(bytes) ? .null : nil
        case .bool:
            return bool(bytes).map { .bool($0) }
        case .int:
            if case .int(let i)? = integer(bytes, text: text) { return .int(i) }
            return nil
        case .float:
            if isDecimalInteger(bytes) { return Double(text).flatMap { $0.isFinite ? .double($0) : nil } }
            return float(bytes, text: text).map { .double($0) }
        }
    }

    static func tag(named name: String) -> Tag? {
        switch name {
        case "tag:yaml.org,2002:str": return .str
        case "tag:yaml.org,2002:int": return .int
        case "tag:yaml.org,2002:float": return .float
        case "tag:yaml.org,2002:bool": return .bool
        case "tag:yaml.org,2002:null": return .null
        default: return nil
        }
    }

    // MARK: - Pieces

    private static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { w in
            for i in 0..<bytes.count where bytes[i] != w[i] { return false }
            return true
        }
    }

    private static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(b, "null") || equals(b, "Null") || equals(b, "NULL") || (b.count == 1 && b[0] == UInt8(ascii: "~"))
    }

    private static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if equals(b, "true") || equals(b, "True") || equals(b, "TRUE") { return true }
        if equals(b, "false") || equals(b, "False") || equals(b, "FALSE") { return false }
        return nil
    }

    @inline(__always) private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    private static func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(c - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `[-+]?[0-9]+`
    private static func isDecimalInteger(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        guard i < b.count else { return false }
        while i < b.count {
            if !isDigit(b[i]) { return false }
            i += 1
        }
        return true
    }

    /// `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`. A value too large for Int
    /// becomes a double when finite and a string otherwise; nil when the text
    /// is not an integer at all.
    private static func integer(_ b: UnsafeBufferPointer<UInt8>, text: String) -> YAMLScalar.Value? {
        if b.count > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") || b[1] == UInt8(ascii: "o") {
            let radix = b[1] == UInt8(ascii: "x") ? 16 : 8
            var value = 0
            var overflow = false
            var approx = 0.0
            for i in 2..<b.count {
                guard let d = hexValue(b[i]), d < radix else { return nil }
                approx = approx * Double(radix) + Double(d)
                if !overflow {
                    let (m, o1) = value.multipliedReportingOverflow(by: radix)
                    let (s, o2) = m.addingReportingOverflow(d)
                    if o1 || o2 { overflow = true } else { value = s }
                }
            }
            if !overflow { return .int(value) }
            return approx.isFinite ? .double(approx) : .string(text)
        }
        guard isDecimalInteger(b) else { return nil }
        if let i = Int(text) { return .int(i) }
        if let d = Double(text), d.isFinite { return .double(d) }
        return .string(text)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?.inf`, `.nan`.
    private static func float(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Double? {
        var i = 0
        var negative = false
        if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        let rest = UnsafeBufferPointer(rebasing: b[i...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") {
            return negative ? -Double.infinity : Double.infinity
        }
        if i == 0, equals(b, ".nan") || equals(b, ".NaN") || equals(b, ".NAN") {
            return Double.nan
        }
        var mantissaDigits = 0
        while i < b.count, isDigit(b[i]) { i += 1; mantissaDigits += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < b.count, isDigit(b[i]) { i += 1; fraction += 1 }
            // `.` needs digits after it when there were none before it.
            if mantissaDigits == 0 && fraction == 0 { return nil }
            mantissaDigits += fraction
        }
        guard mantissaDigits > 0 else { return nil }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            var exponentDigits = 0
            while i < b.count, isDigit(b[i]) { i += 1; exponentDigits += 1 }
            if exponentDigits == 0 { return nil }
        }
        guard i == b.count else { return nil }
        guard let d = Double(text), d.isFinite else { return nil }
        return d
    }
}
