import Foundation

/// Turns spec prose into doc comment lines: vendor markup removed, relative links unlinked.
enum DocComment {
    static func lines(_ texts: String?...) -> [String] {
        var result: [String] = []
        for text in texts.compactMap({ $0 }) {
            let cleaned = clean(text)
            guard !cleaned.isEmpty else { continue }
            if !result.isEmpty { result.append("") }
            result += cleaned
        }
        return result
    }

    /// Paragraph lines of `text` with doc-site markup gone and blank runs collapsed.
    static func clean(_ text: String) -> [String] {
        // Byte checks first: most descriptions are plain text, and grapheme-aware searching is slow.
        let bytes = text.utf8
        var body = CommentText.unifyingLineBreaks(text)
        if bytes.contains(UInt8(ascii: "<")) {
            body = removeBlocks(body, open: "<Accordion", close: "</Accordion>")
            body = body.replacing("<br>", with: "\n").replacing("<br/>", with: "\n").replacing("<br />", with: "\n")
        }
        if bytes.contains(UInt8(ascii: "[")) { body = unlinkRelative(body) }
        var lines: [String] = []
        for raw in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = trimmed(Substring(raw))
            if line.hasPrefix("Scopes:") { continue }  // listed apart, from the security requirements
            if line.hasPrefix(":::") {
                // `:::tip[Note]` opens an admonition; keep its title as plain text.
                if let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]"), open < close {
                    let title = trimmed(line[line.index(after: open)..<close])
                    if !title.isEmpty { lines.append("\(title):") }
                }
                continue
            }
            if line.isEmpty {
                if let last = lines.last, !last.isEmpty { lines.append("") }
            } else {
                lines.append(line)
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The text without leading and trailing spaces and tabs (native, unlike Foundation's trimming).
    private static func trimmed(_ text: Substring) -> String {
        let bytes = text.utf8
        let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(Substring(bytes[first...last]))
    }

    private static func removeBlocks(_ text: String, open: String, close: String) -> String {
        var result = text
        while let start = result.firstRange(of: open), let end = result[start.upperBound...].firstRange(of: close) {
            result.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return result
    }

    /// `[here](api-5394121)` -> `here`; absolute links stay as written.
    private static func unlinkRelative(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]"),
                  rest.index(after: close) < rest.endIndex, rest[rest.index(after: close)] == "(",
                  let end = rest[close...].firstIndex(of: ")") else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            let label = rest[rest.index(after: open)..<close]
            let target = rest[rest.index(close, offsetBy: 2)..<end]
            result += rest[..<open]
            result += target.hasPrefix("http") ? String(rest[open...end]) : String(label)
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }
}

/// Text that lands in a `//` comment: whatever the spec wrote, it stays on its line. Swift ends a
/// comment at `\n` or `\r`, editors also break at U+2028, U+2029 and U+0085, a NUL makes the
/// compiler warn, and bidirectional overrides can make a comment show other code than it holds.
public enum CommentText {
    /// One comment line: line breaks become spaces; other controls and bidirectional overrides go.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                result.append(" ")
            } else if !needsCare(scalar) {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text with every line break Swift or an editor knows written as `\n`.
    static func unifyingLineBreaks(_ text: String) -> String {
        // Plain descriptions have none of the bytes these breaks start with.
        guard text.utf8.contains(where: { $0 == 0x0D || $0 == 0xE2 || $0 == 0xC2 }) else { return text }
        var result = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            if !(scalar == "\n" && afterCarriageReturn) {
                result.append(isLineBreak(scalar) ? "\n" : scalar)
            }
            afterCarriageReturn = scalar == "\r"
        }
        return String(result)
    }

    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Line breaks, controls other than tab, and the bidirectional embedding, override and isolate marks.
    private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return true
        default: return false
        }
    }
}
