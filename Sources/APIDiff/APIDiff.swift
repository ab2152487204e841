import Diagnostics
import Foundation

/// What changed between two API surfaces, each change classed by what it does to existing code.
public struct APIDiff: Sendable {
    public enum Impact: String, Sendable, Codable, CaseIterable {
        /// Existing Swift code stops compiling, or a call that passed validation now fails.
        case breaking
        /// Open enums take new values, but an exhaustive `switch` no longer compiles.
        case newEnumCase = "new enum case"
        /// Existing code keeps working.
        case additive
    }

    public struct Change: Sendable, Equatable, Codable {
        public var impact: Impact
        /// `removed property`, `changed type of property`, `added method`, ...
        public var summary: String
        /// The Swift declaration it touches.
        public var declaration: String
        public var detail: String?
        /// In the new version, or in the old one for a removal.
        public var location: String?
    }

    public var changes: [Change]

    public var isBreaking: Bool { changes.contains { $0.impact == .breaking } }

    public init(old: APISurface, new: APISurface) {
        var changes: [Change] = []
        for (id, element) in old.elements where new.elements[id] == nil {
            changes.append(Self.removal(element))
        }
        for (id, element) in new.elements {
            guard let before = old.elements[id] else {
                changes.append(Self.addition(element))
                continue
            }
            if before != element { changes.append(Self.change(from: before, to: element)) }
        }
        self.changes = changes.sorted { ($0.impact.order, $0.declaration, $0.summary) < ($1.impact.order, $1.declaration, $1.summary) }
    }

    private static func removal(_ element: APIElement) -> Change {
        // A field no longer required is the one removal old code survives.
        let impact: Impact = element.kind == .requirement ? .additive : .breaking
        let summary = element.kind == .requirement ? "no longer required" : "removed \(element.kind.rawValue)"
        return Change(impact: impact, summary: summary, declaration: element.declaration, detail: element.directionNote, location: element.location?.description)
    }

    private static func addition(_ element: APIElement) -> Change {
        let impact: Impact
        switch element.kind {
        case .enumCase: impact = .newEnumCase
        case .requirement: impact = .breaking
        case .parameter: impact = element.isOptional ? .additive : .breaking
        case .type, .property, .method: impact = .additive
        }
        let summary = element.kind == .requirement ? "now required" : element.kind == .parameter && !element.isOptional ? "added required parameter" : "added \(element.kind.rawValue)"
        return Change(impact: impact, summary: summary, declaration: element.declaration, detail: element.directionNote, location: element.location?.description)
    }

    private static func change(from old: APIElement, to new: APIElement) -> Change {
        // A parameter that became optional is the one change old calls survive.
        let relaxed = old.kind == .parameter && new.signature == old.signature + "?"
        let impact: Impact = relaxed ? .additive : .breaking
        return Change(impact: impact, summary: "changed \(new.kind.rawValue)", declaration: new.declaration,
                      detail: "\(old.signature) → \(new.signature)", location: new.location?.description)
    }
}

extension APIDiff.Impact {
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    var heading: String {
        switch self {
        case .breaking: "Breaking changes"
        case .newEnumCase: "New enum cases (values decode as before; an exhaustive switch no longer compiles)"
        case .additive: "Additive changes"
        }
    }
}

extension APIElement {
    var directionNote: String? { direction.map { "(\($0.rawValue))" } }
}

// MARK: - Renderings

extension APIDiff {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, json
    }

    public func rendered(as format: Format) -> String {
        switch format {
        case .text: return text
        case .markdown: return markdown
        case .json: return json
        }
    }

    private func grouped() -> [(Impact, [Change])] {
        Impact.allCases.compactMap { impact in
            let matching = changes.filter { $0.impact == impact }
            return matching.isEmpty ? nil : (impact, matching)
        }
    }

    private static func line(_ change: Change, code: (String) -> String) -> String {
        var text = "\(change.summary) \(code(change.declaration))"
        if let detail = change.detail { text += " \(detail)" }
        if let location = change.location { text += " — \(location)" }
        return text
    }

    var text: String {
        guard !changes.isEmpty else { return "No changes to the Swift API.\n" }
        return grouped().map { impact, changes in
            "\(impact.heading) (\(changes.count)):\n" + changes.map { "  " + Self.line($0) { $0 } }.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    var markdown: String {
        guard !changes.isEmpty else { return "No changes to the Swift API.\n" }
        return grouped().map { impact, changes in
            "### \(impact.heading) (\(changes.count))\n\n" + changes.map { "- " + Self.line($0) { "`\($0)`" } }.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let report = Report(breaking: isBreaking, changes: changes)
        return ((try? encoder.encode(report)).map { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    /// The JSON rendering: `{"breaking": Bool, "changes": [{"impact", "summary", "declaration", "detail"?, "location"?}]}`.
    private struct Report: Encodable {
        var breaking: Bool
        var changes: [Change]
    }
}
