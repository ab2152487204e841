/// How spec names become Swift identifiers: idiomatic, always valid, and stable across runs.
public enum SwiftNaming {
    /// Words of a name, split at non-alphanumerics and at lower-to-upper case changes.
    static func words(_ name: String) -> [String] {
        let bytes = name.utf8
        // Grapheme-by-grapheme iteration costs far more than the naming around it; an ASCII name
        // (nearly all of them) splits the same way byte by byte.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return wordsOfCharacters(name) }
        var words: [String] = []
        var start: String.UTF8View.Index?
        var previous: UInt8 = 0
        var hasLowercase = false
        for index in bytes.indices {
            let byte = bytes[index]
            guard ASCII.isAlphanumeric(byte) else {
                if let start { words.append(String(Substring(bytes[start..<index]))) }
                start = nil
                continue
            }
            hasLowercase = hasLowercase || ASCII.isLowercase(byte)
            if let first = start,
               (ASCII.isLowercase(previous) && ASCII.isUppercase(byte)) || (ASCII.isDigit(previous) && ASCII.isLetter(byte)) {
                words.append(String(Substring(bytes[first..<index])))
                start = index
            } else if start == nil {
                start = index
            }
            previous = byte
        }
        if let start { words.append(String(Substring(bytes[start...]))) }
        return words.count > 1 && !hasLowercase ? words.map { $0.lowercased() } : words
    }

    /// `words` for a name with non-ASCII characters, which split words as separators do.
    private static func wordsOfCharacters(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            guard character.isASCII, character.isLetter || character.isNumber else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previous = nil
                continue
            }
            if let previous, !current.isEmpty,
               (previous.isLowercase && character.isUppercase) || (previous.isNumber && character.isLetter) {
                words.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        // SCREAMING_SNAKE_CASE is shouting, not a row of acronyms: OUT_OF_STOCK reads outOfStock.
        if words.count > 1, !name.contains(where: \.isLowercase) {
            return words.map { $0.lowercased() }
        }
        return words
    }

    /// `customer_request_body` -> `CustomerRequestBody`; `Object Not Found(404)` -> `ObjectNotFound404`.
    public static func typeName(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return "Type" + fallbackSuffix(name) }
        var result = parts.map(capitalized).joined()
        if result.first?.isNumber == true { result = "_" + result }
        return ReservedNames.avoidingTypes(result)
    }

    /// `first_name` -> `firstName`; `{field-name}` -> `fieldName`; `default` -> `` `default` ``.
    public static func memberName(_ name: String, fallback: String = "value") -> String {
        let parts = words(name)
        guard let first = parts.first else { return escaped(fallback + fallbackSuffix(name)) }
        var result = lowercasedInitialism(first) + parts.dropFirst().map(capitalized).joined()
        if result.first?.isNumber == true { result = "_" + result }
        return escaped(result)
    }

    /// Wraps keywords in backticks; names Swift forbids even with backticks get a trailing underscore.
    public static func escaped(_ identifier: String) -> String {
        if unusableMemberNames.contains(identifier) { return identifier + "_" }
        return keywords.contains(identifier) ? "`\(identifier)`" : identifier
    }

    /// The identifier without backticks, for building derived names.
    public static func bare(_ identifier: String) -> String {
        identifier.utf8.contains(UInt8(ascii: "`")) ? String(identifier.filter { $0 != "`" }) : identifier
    }

    /// A plural word's singular, for naming the element type of a list (`categories` -> `Category`).
    public static func singular(_ name: String) -> String {
        if name.hasSuffix("ies"), name.count > 4 { return String(name.dropLast(3)) + "y" }
        if name.hasSuffix("sses") || name.hasSuffix("shes") || name.hasSuffix("ches") || name.hasSuffix("xes") {
            return String(name.dropLast(2))
        }
        if name.hasSuffix("s"), !name.hasSuffix("ss"), !name.hasSuffix("us"), name.count > 3 { return String(name.dropLast()) }
        return name + "Item"
    }

    /// A type name built from pieces (`Strings` made singular, a hint with `Value` appended),
    /// made unique against `taken`: the one way derived type names are chosen, so none of them
    /// shadows a standard or runtime type.
    public static func uniqueType(_ candidate: String, in taken: inout Set<String>) -> String {
        unique(ReservedNames.avoidingTypes(candidate), in: &taken)
    }

    /// Makes `candidate` unique against `taken`, appending 2, 3, ... and records it.
    public static func unique(_ candidate: String, in taken: inout Set<String>) -> String {
        let base = bare(candidate)
        var name = base
        var counter = 2
        while taken.contains(name) {
            name = "\(base)\(counter)"
            counter += 1
        }
        taken.insert(name)
        return candidate.hasPrefix("`") && name == base ? candidate : escaped(name)
    }

    /// A word inside a name: an initialism uniformly upper case (`ID`, `URLs`), as the Swift API
    /// Design Guidelines ask; a shouted word (`STATUS`) as a word; any other word capitalised.
    private static func capitalized(_ word: String) -> String {
        guard let first = word.first else { return word }
        if let initialism = initialism(word) { return initialism }
        if word.count > 4, word == word.uppercased(), word.contains(where: \.isLetter) {
            return String(first) + word.dropFirst().lowercased()
        }
        return first.uppercased() + word.dropFirst()
    }

    /// The first word of a member name: all lower case when it is an initialism or written in capitals.
    private static func lowercasedInitialism(_ word: String) -> String {
        if initialism(word) != nil || word == word.uppercased() { return word.lowercased() }
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    /// `id` -> `ID`, `Urls` -> `URLs`: the word as an upper-case initialism, when it is one.
    private static func initialism(_ word: String) -> String? {
        let lower = word.lowercased()
        if initialisms.contains(lower) { return lower.uppercased() }
        if lower.count > 2, lower.hasSuffix("s"), initialisms.contains(String(lower.dropLast())) { return lower.dropLast().uppercased() + "s" }
        return nil
    }

    /// Initialisms written in capitals in English; short capitalised words not listed here
    /// (`DNS`, `SEO`) stay in capitals too, as written.
    static let initialisms: Set<String> = [
        "api", "csv", "dns", "gps", "html", "http", "https", "iban", "id", "ip", "json", "otp", "pdf", "qr",
        "seo", "sku", "sms", "ssl", "tls", "uri", "url", "uuid", "vat", "xml",
    ]

    /// The text as the inside of a Swift string literal: quotes, backslashes and control
    /// characters escaped.
    public static func literalContents(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\"" || $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Swift for a finite double that the compiler reads back exactly and without a warning:
    /// the literal as Swift prints it, but the bit pattern for a subnormal value, whose literal
    /// (decimal or hexadecimal) the compiler warns "underflows and loses precision".
    public static func doubleLiteral(_ value: Double) -> String {
        guard value.isSubnormal else { return "\(value)" }
        return "Double(bitPattern: 0x\(String(value.bitPattern, radix: 16, uppercase: true)))"
    }

    /// FNV-1a of the name's UTF-8: the same on every machine and run, unlike `Hasher`.
    public static func stableHash(_ name: String) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        return hash
    }

    /// A short stable suffix for names with no usable characters (Arabic keys, symbols only).
    private static func fallbackSuffix(_ name: String) -> String {
        let hex = String(stableHash(name), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    static let keywords: Set<String> = [
        "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
        "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows", "static",
        "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default", "defer", "do", "else",
        "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as", "Any",
        "false", "is", "nil", "super", "throws", "true", "try", "await", "async", "consume", "copy", "discard", "each",
        "borrowing", "consuming", "some", "any", "package",
    ]

    /// Names that cannot be members even in backticks, or that would shadow generated members.
    static let unusableMemberNames: Set<String> = ["self", "Self", "Type", "Protocol", "init", "deinit", "subscript", "CodingKeys"]
}

/// Byte classes of ASCII text, for the naming rules' fast paths.
enum ASCII {
    static func isUppercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    static func isLowercase(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    static func isLetter(_ byte: UInt8) -> Bool { isUppercase(byte) || isLowercase(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    static func isAlphanumeric(_ byte: UInt8) -> Bool { isLetter(byte) || isDigit(byte) }
}
