import Diagnostics
import Foundation
import SpecIR
import YAMLLoader

/// What one OpenAPI document contributes before documents are merged.
struct DocumentContribution: Sendable {
    var file: String
    var title: String?
    var serverURL: String?
    var operations: [SpecIR.Operation]
    /// Components by their decoded name, in document order.
    var types: [NamedType]
}

/// Reads one OpenAPI 3.0/3.1 document into IR pieces; component references stay local names.
struct DocumentReader {
    let context: DocumentContext
    let schemas: SchemaReader

    init(context: DocumentContext) {
        self.context = context
        var components: [String: YAMLNode] = [:]
        for pair in context.root["components"]?["schemas"]?.mapping ?? [] {
            if let name = pair.keyString ?? pair.key.scalar?.text, components[name] == nil { components[name] = pair.value }
        }
        schemas = SchemaReader(context: context, components: components)
    }

    func read() -> DocumentContribution {
        let root = context.root
        var contribution = DocumentContribution(file: context.file, operations: [], types: [])
        guard context.mapping(root, "an OpenAPI document") != nil else { return contribution }
        guard let versionNode = root["openapi"] else {
            if root["swagger"] != nil {
                context.error("Swagger 2.0 documents are not supported; convert to OpenAPI 3", at: root)
            } else {
                context.error("not an OpenAPI document: the 'openapi' key is missing", at: root)
            }
            return contribution
        }
        if let version = context.text(versionNode, "openapi"), !(version.hasPrefix("3.0") || version.hasPrefix("3.1")) {
            context.error("unsupported OpenAPI version '\(version)'; 3.0 and 3.1 are supported", at: versionNode)
            return contribution
        }
        contribution.title = context.text(root["info"]?["title"], "title")
        contribution.serverURL = root["servers"]?.sequence?
            .compactMap { $0["url"]?.string }
            .first { $0.hasPrefix("http") }

        if let componentsNode = root["components"], context.mapping(componentsNode, "components") != nil,
           let schemasNode = componentsNode["schemas"], let pairs = context.mapping(schemasNode, "components/schemas") {
            contribution.types.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let name = pair.keyString ?? pair.key.scalar?.text else { continue }
                let schema = schemas.component(named: name) ?? Schema(.any, location: pair.value.location)
                var variant: NamedType.Variant?
                if let original = context.text(pair.value[NamedType.VariantKey.name], NamedType.VariantKey.name),
                   let document = context.text(pair.value[NamedType.VariantKey.document], NamedType.VariantKey.document) {
                    variant = NamedType.Variant(name: original, document: document)
                }
                contribution.types.append(NamedType(name: name, schema: schema, location: pair.key.location, variantOf: variant))
            }
        }

        let documentScopes = root["security"].map(readScopes)
        if let pathsNode = root["paths"], let pairs = context.mapping(pathsNode, "paths") {
            for pair in pairs {
                guard let path = pair.keyString else {
                    context.error("path keys must be strings", at: pair.key)
                    continue
                }
                guard path.hasPrefix("/") else {
                    if !path.hasPrefix("x-") { context.error("path '\(path)' must start with '/'", at: pair.key) }
                    continue
                }
                contribution.operations += readPathItem(path, pair.value, documentScopes: documentScopes)
            }
        } else {
            context.error("the document has no 'paths'", at: root)
        }
        return contribution
    }

    // MARK: Paths and operations

    private static let pathItemKeys: Set<String> = ["summary", "description", "servers", "parameters", "$ref"]

    private func readPathItem(_ path: String, _ node: YAMLNode, documentScopes: [String]?) -> [SpecIR.Operation] {
        guard context.mapping(node, "a path item") != nil else { return [] }
        let shared = node["parameters"].map { readParameters($0) } ?? []
        var operations: [SpecIR.Operation] = []
        for entry in node.specEntries {
            if Self.pathItemKeys.contains(entry.key) {
                if entry.key == "$ref" { context.warning("path item $ref is not supported; the path is skipped", at: entry.value) }
                continue
            }
            guard let method = HTTPMethod(rawValue: entry.key) else {
                context.error("unknown HTTP method '\(entry.key)' (expected one of \(HTTPMethod.allCases.map(\.rawValue).joined(separator: ", ")))", at: entry.keyNode)
                continue
            }
            if let operation = readOperation(method, path, entry.value, shared: shared, documentScopes: documentScopes) {
                operations.append(operation)
            }
        }
        return operations
    }

    private func readOperation(_ method: HTTPMethod, _ path: String, _ node: YAMLNode, shared: [Parameter], documentScopes: [String]?) -> SpecIR.Operation? {
        guard context.mapping(node, "an operation") != nil else { return nil }
        let summary = context.text(node["summary"], "summary")
        let description = context.text(node["description"], "description")
        let operationID = context.text(node["operationId"], "operationId") ?? "\(method.rawValue) \(path)"
        var tags: [String] = []
        if let tagsNode = node["tags"], let items = context.sequence(tagsNode, "tags") {
            tags = items.compactMap { context.text($0, "tags") }
        }
        var parameters = shared
        for parameter in node["parameters"].map({ readParameters($0) }) ?? [] {
            parameters.removeAll { $0.name == parameter.name && $0.location == parameter.location }
            parameters.append(parameter)
        }
        matchPathParameters(path, to: &parameters, at: node)

        var scopes = node["security"].map(readScopes) ?? documentScopes ?? []
        if scopes.isEmpty, let description { scopes = ScopeText.scopes(in: description) }

        return Operation(
            id: operationID,
            method: method,
            path: path,
            summary: summary,
            description: description,
            group: group(tags: tags, path: path),
            parameters: parameters,
            requestBody: node["requestBody"].flatMap(readRequestBody),
            responses: node["responses"].map(readResponses) ?? [],
            scopes: scopes,
            deprecated: context.bool(node["deprecated"], "deprecated") ?? false,
            sdkMethodName: context.text(node["x-salla-php-method-name"], "x-salla-php-method-name"),
            sdkReturnType: context.text(node["x-salla-php-return-type"], "x-salla-php-return-type"),
            location: node.location
        )
    }

    /// The resource group: the last level of the first (possibly hierarchical) tag, else the first path segment.
    private func group(tags: [String], path: String) -> String {
        if let tag = tags.first, let last = tag.split(separator: "/").last {
            return String(last).trimmingCharacters(in: .whitespaces)
        }
        let segment = path.split(separator: "/").first { !$0.hasPrefix("{") }
        return segment.map(String.init) ?? "Default"
    }

    /// Every `{name}` of the path has a path parameter, and every path parameter a `{name}`.
    private func matchPathParameters(_ path: String, to parameters: inout [Parameter], at node: YAMLNode) {
        var placeholders = Set<String>()
        for case .parameter(let name) in PathSegment.split(path) {
            placeholders.insert(name)
            if !parameters.contains(where: { $0.location == .path && $0.name == name }) {
                context.warning("path parameter '\(name)' is not declared; it is taken as a required string", at: node)
                parameters.append(Parameter(name: name, location: .path, required: true, schema: Schema(.string(nil))))
            }
        }
        parameters.removeAll { parameter in
            guard parameter.location == .path, !placeholders.contains(parameter.name) else { return false }
            context.diagnostics.warning("path parameter '\(parameter.name)' does not appear in the path '\(path)'; it is left out", at: parameter.schema.location ?? node.location)
            return true
        }
    }

    private func readScopes(_ node: YAMLNode) -> [String] {
        var scopes: [String] = []
        for requirement in context.sequence(node, "security") ?? [] {
            for pair in context.mapping(requirement, "a security requirement") ?? [] {
                for scope in pair.value.sequence ?? [] {
                    if let text = scope.scalar?.text, !scopes.contains(text) { scopes.append(text) }
                }
            }
        }
        return scopes
    }

    // MARK: Parameters

    private func readParameters(_ node: YAMLNode) -> [Parameter] {
        (context.sequence(node, "parameters") ?? []).compactMap(readParameter)
    }

    private func readParameter(_ node: YAMLNode) -> Parameter? {
        guard let node = resolveComponent(node, kind: "parameters") else { return nil }
        guard context.mapping(node, "a parameter") != nil else { return nil }
        guard let name = context.text(node["name"], "name") else {
            context.error("a parameter needs a 'name'", at: node)
            return nil
        }
        guard let inNode = node["in"], let place = context.string(inNode, "in") else {
            context.error("parameter '\(name)' needs 'in'", at: node)
            return nil
        }
        guard let location = Parameter.Location(rawValue: place) else {
            if place == "cookie" {
                context.warning("cookie parameter '\(name)' is not supported and is skipped", at: inNode)
            } else {
                context.error("parameter '\(name)' has unknown location '\(place)' (expected path, query, header or cookie)", at: inNode)
            }
            return nil
        }
        var schema = Schema(.string(nil), location: node.location)
        if let schemaNode = node["schema"] {
            schema = schemas.readRoot(schemaNode)
        } else {
            context.warning("parameter '\(name)' has no schema; it is taken as a string", at: node)
        }
        return Parameter(
            name: name,
            location: location,
            required: location == .path || (context.bool(node["required"], "required") ?? false),
            schema: schema,
            description: context.text(node["description"], "description"),
            deprecated: context.bool(node["deprecated"], "deprecated") ?? false
        )
    }

    // MARK: Bodies and responses

    private func readRequestBody(_ node: YAMLNode) -> RequestBody? {
        guard let node = resolveComponent(node, kind: "requestBodies"), context.mapping(node, "a request body") != nil else { return nil }
        guard let contentNode = node["content"], let media = context.mapping(contentNode, "content") else { return nil }
        let json = media.first { $0.keyString.map(Self.isJSON) ?? false }
        let multipart = media.first { $0.keyString == RequestBody.ContentType.multipart.rawValue }
        guard let chosen = json ?? multipart else {
            let types = media.compactMap(\.keyString).joined(separator: ", ")
            context.warning("request body content type \(types) is not supported; the body is skipped", at: contentNode)
            return nil
        }
        return RequestBody(
            contentType: json != nil ? .json : .multipart,
            schema: chosen.value["schema"].map(schemas.readRoot) ?? Schema(.any),
            required: context.bool(node["required"], "required") ?? false,
            description: context.text(node["description"], "description"),
            examples: readExamples(chosen.value)
        )
    }

    private static func isJSON(_ mediaType: String) -> Bool {
        let base = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return base == "application/json" || base.hasSuffix("+json") || base == "*/*"
    }

    private func readResponses(_ node: YAMLNode) -> [Response] {
        guard context.mapping(node, "responses") != nil else { return [] }
        var responses: [Response] = []
        for entry in node.specEntries {
            let status: Int?
            if entry.key == "default" {
                status = nil
            } else if let code = Int(entry.key), (100...599).contains(code) {
                status = code
            } else {
                context.warning("response key '\(entry.key)' is not an HTTP status; it is skipped", at: entry.keyNode)
                continue
            }
            guard let response = resolveComponent(entry.value, kind: "responses"), context.mapping(response, "a response") != nil else { continue }
            var result = Response(status: status, description: context.text(response["description"], "description"))
            if let contentNode = response["content"], let media = context.mapping(contentNode, "content"),
               let json = media.first(where: { $0.keyString.map(Self.isJSON) ?? false }) {
                result.schema = json.value["schema"].map(schemas.readRoot)
                result.examples = readExamples(json.value)
            }
            responses.append(result)
        }
        return responses
    }

    /// `example` and every entry of `examples` (the 3.0 map of Example Objects, or a 3.1-style list).
    private func readExamples(_ media: YAMLNode) -> [Example] {
        var examples: [Example] = []
        if let example = media["example"], let value = exampleValue(example) {
            examples.append(Example(name: nil, value: value, location: example.location))
        }
        if let node = media["examples"] {
            if let pairs = node.mapping {
                for pair in pairs {
                    guard let entry = resolveComponent(pair.value, kind: "examples") else { continue }
                    if let node = entry["value"] {
                        if let value = exampleValue(node) {
                            examples.append(Example(name: pair.keyString, value: value, location: node.location))
                        }
                    } else if entry["externalValue"] != nil {
                        context.warning("external examples are not read", at: entry)
                    }
                }
            } else if let items = node.sequence {
                for item in items {
                    if let value = exampleValue(item) { examples.append(Example(name: nil, value: value, location: item.location)) }
                }
            }
        }
        return examples
    }

    /// An example's value. Some docs paste a JSON body as one block of text, at times with
    /// `//` remarks or with an opening or closing bracket lost; such text is read as the JSON
    /// it shows. Nil for an example that shows nothing (an empty text) or cannot be read.
    func exampleValue(_ node: YAMLNode) -> JSONValue? {
        let value = node.jsonValue
        guard case .string(let text) = value else { return value }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            context.warning("the example is empty text; it is skipped", at: node)
            return nil
        }
        guard let first = trimmed.first, first == "{" || first == "[" || first == "\"" else { return value }
        let cleaned = JSONText.removingLineComments(trimmed)
        if let parsed = try? YAMLLoader.load(text: cleaned, file: node.location.file) { return parsed.jsonValue }
        if let repaired = JSONText.balancingBrackets(cleaned), let parsed = try? YAMLLoader.load(text: repaired, file: node.location.file) {
            context.warning("the example is JSON text with unbalanced brackets; it is read with them balanced", at: node)
            return parsed.jsonValue
        }
        context.warning("the example is text that does not parse as JSON; it is skipped", at: node)
        return nil
    }

    /// Follows a `$ref` into `#/components/<kind>/...`, reporting a missing target at the reference.
    private func resolveComponent(_ node: YAMLNode, kind: String, visited: Set<String> = []) -> YAMLNode? {
        guard let refNode = node["$ref"] else { return node }
        guard let reference = context.string(refNode, "$ref") else { return nil }
        let prefix = "#/components/\(kind)/"
        guard reference.hasPrefix(prefix) else {
            context.error("unsupported $ref '\(reference)': expected '\(prefix)...'", at: refNode)
            return nil
        }
        let name = JSONPointer.decodeToken(String(reference.dropFirst(prefix.count)))
        guard let target = context.root["components"]?[kind]?[name] else {
            context.error("$ref target '\(reference)' does not exist", at: refNode)
            return nil
        }
        guard !visited.contains(name) else {
            context.error("$ref '\(reference)' leads back to itself", at: refNode)
            return nil
        }
        return target["$ref"] != nil ? resolveComponent(target, kind: kind, visited: visited.union([name])) : target
    }
}

/// Scopes named in prose, as the Salla docs list them (`customers.read_write`- ...).
///
/// Descriptions are long and only a few ASCII characters matter, so they are read as Unicode
/// scalars instead of characters; an ASCII letter that a combining mark joins stays out of a
/// token, as it would when reading characters.
enum ScopeText {
    static func scopes(in description: String) -> [String] {
        let scalars = Array(description.unicodeScalars)
        guard let start = end(of: "Scopes", in: scalars) else { return [] }
        var scopes: [String] = []
        var token: [Unicode.Scalar] = []
        for index in start...scalars.count {
            if index < scalars.count, isTokenScalar(scalars[index]), !joins(scalars, at: index - 1), !joins(scalars, at: index) {
                token.append(scalars[index])
                continue
            }
            if let scope = scope(token), !scopes.contains(scope) { scopes.append(scope) }
            token.removeAll(keepingCapacity: true)
        }
        return scopes
    }

    /// The token without dots around it, when it reads `<resource>.read...` in lower case.
    private static func scope(_ token: [Unicode.Scalar]) -> String? {
        guard let first = token.firstIndex(where: { $0 != "." }), let last = token.lastIndex(where: { $0 != "." }) else { return nil }
        let candidate = token[first...last]
        guard let dot = candidate.firstIndex(of: "."), candidate[(dot + 1)...].starts(with: "read".unicodeScalars),
              !candidate.contains(where: { ("A"..."Z").contains($0) }) else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: candidate)
        return String(text)
    }

    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "."
    }

    /// Whether the scalars at `index` and after it make one character (a letter and a combining
    /// mark, say); one of them is ASCII, so the other must be not for them to join.
    private static func joins(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + 1 < scalars.count, !scalars[index].isASCII || !scalars[index + 1].isASCII else { return false }
        var pair = String.UnicodeScalarView()
        pair.append(scalars[index])
        pair.append(scalars[index + 1])
        return String(pair).count == 1
    }

    /// The index just past the first `word` that stands as whole characters.
    private static func end(of word: String, in scalars: [Unicode.Scalar]) -> Int? {
        let pattern = Array(word.unicodeScalars)
        guard scalars.count >= pattern.count else { return nil }
        for start in 0...(scalars.count - pattern.count)
        where scalars[start] == pattern[0] && scalars[start..<start + pattern.count].elementsEqual(pattern) {
            let end = start + pattern.count
            if !joins(scalars, at: start - 1), !joins(scalars, at: end - 1) { return end }
        }
        return nil
    }
}

enum JSONText {
    /// The text with a lost outer `{` restored (it starts with a key) and unclosed brackets
    /// closed; nil when nothing needs balancing or a closer does not match.
    static func balancingBrackets(_ text: String) -> String? {
        var body = text
        if body.first == "\"", let colon = body.firstIndex(of: ":"),
           body[..<colon].trimmingCharacters(in: .whitespaces).hasSuffix("\"") {
            body = "{" + body
        }
        var open: [Character] = []
        var inString = false, escaped = false
        for character in body {
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                continue
            }
            switch character {
            case "\"": inString = true
            case "{", "[": open.append(character)
            case "}": guard open.popLast() == "{" else { return nil }
            case "]": guard open.popLast() == "[" else { return nil }
            default: break
            }
        }
        guard !inString, !open.isEmpty || body != text else { return nil }
        return body + open.reversed().map { $0 == "{" ? "}" : "]" }.joined()
    }

    /// The text without `// ...` remarks that stand outside string literals.
    static func removingLineComments(_ text: String) -> String {
        var result = ""
        var inString = false
        var escaped = false
        var skipping = false
        var previous: Character?
        for character in text {
            if skipping {
                if character == "\n" { skipping = false; result.append(character) }
                continue
            }
            if inString {
                if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                result.append(character)
            } else if character == "/" && previous == "/" {
                result.removeLast()
                skipping = true
            } else {
                if character == "\"" { inString = true }
                result.append(character)
            }
            previous = skipping ? nil : character
        }
        return result
    }
}
