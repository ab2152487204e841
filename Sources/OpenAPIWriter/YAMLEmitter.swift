import SpecIR

/// A YAML node ready to print: scalars already spelled as YAML tokens, collections in order.
indirect enum YAMLOut {
    case scalar(String)
    case mapping([(key: String, value: YAMLOut)])
    case sequence([YAMLOut])

    /// A string, written plain when that cannot be read as anything else, else double-quoted.
    static func text(_ value: String) -> YAMLOut { .scalar(YAMLText.scalar(value)) }
    static func bool(_ value: Bool) -> YAMLOut { .scalar(value ? "true" : "false") }
    static func int(_ value: Int) -> YAMLOut { .scalar(String(value)) }
    /// A number that reads back as the same Double; whole numbers are written as integers.
    static func number(_ value: Double) -> YAMLOut {
        if value.isNaN { return .scalar(".nan") }
        if value.isInfinite { return .scalar(value < 0 ? "-.inf" : ".inf") }
        if value == value.rounded(), abs(value) < 1e15 { return .scalar(String(Int(value))) }
        return .scalar(String(value))
    }

    /// A JSON value in block style; object keys keep their order.
    static func json(_ value: JSONValue) -> YAMLOut {
        switch value {
        case .null: return .scalar("null")
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(number)
        case .double(let number):
            // Swift's description always has a `.` or an exponent, so it reads back as a double, never an int.
            if number.isNaN { return .scalar(".nan") }
            if number.isInfinite { return .scalar(number < 0 ? "-.inf" : ".inf") }
            return .scalar(String(number))
        case .string(let text): return .text(text)
        case .array(let items): return .sequence(items.map(json))
        case .object(let pairs): return .mapping(pairs.map { (key: $0.key, value: json($0.value)) })
        }
    }
}

/// Spelling of YAML scalars and the block-style printer.
enum YAMLText {
    /// Words a YAML 1.1 or 1.2 reader may take for a boolean or null; never written plain.
    private static let reservedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// `value` as a plain scalar when it is a simple word (a letter, `_` or `$` first; letters, digits and
    /// `_ - . /` after) that no YAML schema reads as a boolean or null; otherwise as a double-quoted string.
    static func scalar(_ value: String) -> String {
        isPlainSafe(value) ? value : quoted(value)
    }

    static func isPlainSafe(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, isLetter(first) || first == "$" || first == "_" else { return false }
        guard !reservedWords.contains(value.lowercased()) else { return false }
        return value.unicodeScalars.dropFirst().allSatisfy { isLetter($0) || ("0"..."9").contains($0) || "_-./".unicodeScalars.contains($0) }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// A double-quoted scalar: JSON's escapes, which YAML reads the same way.
    static func quoted(_ value: String) -> String {
        JSONValue.quoted(value)
    }

    /// Block-style YAML for a mapping or sequence at the top level; empty collections as `{}` / `[]`.
    static func render(_ node: YAMLOut) -> String {
        var out = ""
        switch node {
        case .scalar(let token): out = token + "\n"
        case .mapping(let pairs) where pairs.isEmpty: out = "{}\n"
        case .sequence(let items) where items.isEmpty: out = "[]\n"
        default: write(node, indent: 0, continuingLine: false, into: &out)
        }
        return out
    }

    /// Writes a non-empty collection whose lines start at `indent`; when `continuingLine`, the first
    /// line's indentation is already written (the `- ` of an enclosing sequence item).
    private static func write(_ node: YAMLOut, indent: Int, continuingLine: Bool, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        var first = true
        func startLine() {
            if !(first && continuingLine) { out += pad }
            first = false
        }
        switch node {
        case .scalar(let token):
            out += token + "\n"
        case .mapping(let pairs):
            for pair in pairs {
                startLine()
                out += scalar(pair.key) + ":"
                writeValue(pair.value, indent: indent + 2, into: &out)
            }
        case .sequence(let items):
            for item in items {
                startLine()
                out += "-"
                switch item {
                case .mapping(let pairs) where !pairs.isEmpty:
                    out += " "
                    write(item, indent: indent + 2, continuingLine: true, into: &out)
                case .sequence(let nested) where !nested.isEmpty:
                    out += " "
                    write(item, indent: indent + 2, continuingLine: true, into: &out)
                default:
                    writeValue(item, indent: indent + 2, into: &out)
                }
            }
        }
    }

    /// The value after `key:` or `-`: inline for scalars and empty collections, else on the next lines.
    private static func writeValue(_ value: YAMLOut, indent: Int, into out: inout String) {
        switch value {
        case .scalar(let token): out += " " + token + "\n"
        case .mapping(let pairs) where pairs.isEmpty: out += " {}\n"
        case .sequence(let items) where items.isEmpty: out += " []\n"
        case .mapping, .sequence:
            out += "\n"
            write(value, indent: indent, continuingLine: false, into: &out)
        }
    }
}
