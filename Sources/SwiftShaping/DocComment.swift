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
            var markup = Array(body.utf8)
            removeBlocks(&markup, open: Array("<Accordion".utf8), close: Array("</Accordion>".utf8))
            for lineBreak in ["<br>", "<br/>", "<br />"] { replace(&markup, Array(lineBreak.utf8), with: UInt8(ascii: "\n")) }
            body = String(decoding: markup, as: UTF8.self)
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

    // Markup is ASCII, so it is found and removed byte by byte: what stays around it is whole
    // UTF-8, and searching bytes costs a fraction of searching characters.

    /// Removes every run from `open` to the next `close`, searching again where a run was removed
    /// (text on either side may meet to form another `open`).
    private static func removeBlocks(_ text: inout [UInt8], open: [UInt8], close: [UInt8]) {
        var from = 0
        while let start = firstRange(of: open, in: text, from: from), let end = firstRange(of: close, in: text, from: start.upperBound) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
            from = max(0, start.lowerBound - open.count + 1)
        }
    }

    /// Every `pattern` replaced by `byte`, left to right.
    private static func replace(_ text: inout [UInt8], _ pattern: [UInt8], with byte: UInt8) {
        guard firstRange(of: pattern, in: text, from: 0) != nil else { return }
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        var index = 0
        while let match = firstRange(of: pattern, in: text, from: index) {
            result += text[index..<match.lowerBound]
            result.append(byte)
            index = match.upperBound
        }
        result += text[index...]
        text = result
    }

    private static func firstRange(of pattern: [UInt8], in text: [UInt8], from: Int) -> Range<Int>? {
        guard let first = pattern.first, text.count - from >= pattern.count else { return nil }
        var index = from
        while index <= text.count - pattern.count {
            if text[index] == first, text[index..<index + pattern.count].elementsEqual(pattern) { return index..<index + pattern.count }
            index += 1
        }
        return nil
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
