import Diagnostics
import SpecIR

/// What a generated method takes and sends, built argument by argument: the labels and the
/// names inside the method (which must not hide the locals the generated body uses), the
/// checks, where each value goes, and the doc lines.
struct MethodSignature {
    private(set) var parameters: [ParameterDecl] = []
    /// Every check before sending: the arguments' in order, then the body's.
    var rules: [ValidationRule] { argumentRules + (bodyRule.map { [$0] } ?? []) }
    private var argumentRules: [ValidationRule] = []
    private var bodyRule: ValidationRule?
    private(set) var queryItems: [QueryItemDecl] = []
    private(set) var headers: [QueryItemDecl] = []
    /// The `- Parameters:` lines of the doc comment.
    var docs: [String] { labelledDocs.map(\.line) }
    /// The `- Parameters:` lines, each with the label it documents.
    private(set) var labelledDocs: [(label: String, line: String)] = []
    private var pathArguments: [String: String] = [:]
    private var labels = Set<String>()
    private var internalNames = ReservedNames.methodLocals

    /// The label of a spec parameter and its name inside the method, both unique.
    mutating func names(for parameter: String) -> (label: String, internalName: String) {
        let label = SwiftNaming.unique(SwiftNaming.memberName(parameter), in: &labels)
        let bare = SwiftNaming.bare(label)
        let candidate = ReservedNames.methodLocals.contains(bare) ? bare + "Value" : label
        return (label, SwiftNaming.unique(candidate, in: &internalNames))
    }

    mutating func add(_ parameter: Parameter, label: String, internalName: String, type: String, rules: [ValidationRule], description: String?) {
        parameters.append(ParameterDecl(label: label, internalName: internalName, type: type, isOptional: !parameter.required, location: parameter.schema.location))
        argumentRules += rules
        // Swift cannot deprecate a parameter; its doc line says so.
        let text = [description, parameter.deprecated ? "(Deprecated by the API.)" : nil].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        if !text.isEmpty { labelledDocs.append((label, "  - \(SwiftNaming.bare(label)): \(text)")) }
        switch parameter.location {
        case .path: pathArguments[parameter.name] = internalName
        case .query: queryItems.append(QueryItemDecl(key: parameter.name, name: internalName))
        case .header: headers.append(QueryItemDecl(key: parameter.name, name: internalName))
        }
    }

    /// The body's label, `body` unless a parameter took it.
    mutating func reserveBodyLabel() -> String {
        let label = SwiftNaming.unique("body", in: &labels)
        internalNames.insert(label)
        return label
    }

    mutating func addBody(_ body: BodyDecl, description: String?, at location: SourceLocation?) {
        parameters.append(ParameterDecl(label: body.label, internalName: body.label, type: body.type, isOptional: body.isOptional, location: location))
        labelledDocs.append((body.label, "  - \(body.label): The request body\(description.map { ": " + $0 } ?? ".")"))
        if body.validates { bodyRule = ValidationRule(check: .nested, value: body.label, path: .root) }
    }

    /// The path with each placeholder filled by its argument.
    func path(_ segments: [PathSegment]) -> [PathPart] {
        segments.map { segment in
            switch segment {
            case .text(let text): .text(text)
            case .parameter(let name): pathArguments[name].map(PathPart.argument) ?? .text("{\(name)}")
            }
        }
    }
}
