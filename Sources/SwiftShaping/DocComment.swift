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

    /// Lines ready to print: `/// text`, and a bare `///` between paragraphs.
    static func prefixed(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? "///" : "/// " + $0 }
    }

    /// Paragraph lines of `text` with doc-site markup gone and blank runs collapsed.
    static func clean(_ text: String) -> [String] {
        // Byte checks first: most descriptions are plain text, and grapheme-aware searching is slow.
        let bytes = text.utf8
        var body = text
        if bytes.contains(UInt8(ascii: "\r")) { body = body.replacing("\r\n", with: "\n") }
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
