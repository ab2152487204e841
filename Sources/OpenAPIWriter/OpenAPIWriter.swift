import SpecIR

/// Spec IR -> one normalised OpenAPI 3.0.3 document in YAML, for `sallagen merge`.
///
/// Reading the output back gives the same operations and types (locations aside), provided the
/// operations of one path stand together, as the merged spec of `Generator.mergedSpec` keeps them:
/// an OpenAPI document lists each path once, so operations are written grouped by path in the
/// order of each path's first operation. The output depends only on the spec.
public enum OpenAPIWriter {
    /// The OpenAPI version written.
    public static let openAPIVersion = "3.0.3"
    /// The name of the bearer security scheme that operations' scopes are listed under.
    public static let securitySchemeName = "bearer"

    public static func yaml(_ spec: Spec) -> String {
        YAMLText.render(document(spec))
    }

    /// `#/components/schemas/<name>` with the name escaped as a JSON pointer token (`~` -> `~0`,
    /// `/` -> `~1`) and then percent-encoded, except for unreserved characters and `( ) '`.
    public static func componentReference(_ name: String) -> String {
        var token = ""
        for character in name.unicodeScalars {
            switch character {
            case "~": token += "~0"
            case "/": token += "~1"
            default: token.unicodeScalars.append(character)
            }
        }
        var encoded = ""
        for byte in token.utf8 {
            if isReferenceSafe(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count < 2 ? "0" + hex : hex)
            }
        }
        return "#/components/schemas/" + encoded
    }

    private static func isReferenceSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~()'".utf8.contains(byte)
        }
    }

    // MARK: Document

    static func document(_ spec: Spec) -> YAMLOut {
        var root: [(key: String, value: YAMLOut)] = [
            ("openapi", .text(openAPIVersion)),
            ("info", .mapping([("title", .text(spec.title)), ("version", .text("1.0.0"))])),
        ]
        if let server = spec.serverURL {
            root.append(("servers", .sequence([.mapping([("url", .text(server))])])))
        }
        root.append(("paths", paths(spec.operations)))
        var components: [(key: String, value: YAMLOut)] = []
        if !spec.types.isEmpty {
            components.append(("schemas", .mapping(spec.types.map { (key: $0.name, value: component($0)) })))
        }
        components.append(("securitySchemes", .mapping([
            (securitySchemeName, .mapping([("type", .text("http")), ("scheme", .text("bearer"))])),
        ])))
        root.append(("components", .mapping(components)))
        return .mapping(root)
    }

    /// Operations grouped by path, paths in the order of their first operation. A second
    /// operation for the same method and path (which a merged spec never holds) is left out.
    private static func paths(_ operations: [Operation]) -> YAMLOut {
        var order: [String] = []
        var byPath: [String: [(key: String, value: YAMLOut)]] = [:]
        for operation in operations {
            if byPath[operation.path] == nil {
                order.append(operation.path)
                byPath[operation.path] = []
            }
            guard byPath[operation.path]?.contains(where: { $0.key == operation.method.rawValue }) == false else { continue }
            byPath[operation.path]?.append((operation.method.rawValue, self.operation(operation)))
        }
        return .mapping(order.map { (key: $0, value: .mapping(byPath[$0] ?? [])) })
    }

    private static func operation(_ operation: Operation) -> YAMLOut {
        var entries: [(key: String, value: YAMLOut)] = [("operationId", .text(operation.id))]
        if let summary = operation.summary { entries.append(("summary", .text(summary))) }
        if let description = operation.description { entries.append(("description", .text(description))) }
        entries.append(("tags", .sequence([.text(operation.group)])))
        if !operation.parameters.isEmpty {
            entries.append(("parameters", .sequence(operation.parameters.map(parameter))))
        }
        if let body = operation.requestBody { entries.append(("requestBody", requestBody(body))) }
        entries.append(("responses", .mapping(operation.responses.map { response in
            (key: response.status.map(String.init) ?? "default", value: self.response(response))
        })))
        entries.append(("security", .sequence([.mapping([(securitySchemeName, .sequence(operation.scopes.map(YAMLOut.text)))])])))
        if operation.deprecated { entries.append(("deprecated", .bool(true))) }
        if let name = operation.sdkMethodName { entries.append(("x-salla-php-method-name", .text(name))) }
        if let type = operation.sdkReturnType { entries.append(("x-salla-php-return-type", .text(type))) }
        return .mapping(entries)
    }

    private static func parameter(_ parameter: Parameter) -> YAMLOut {
        var entries: [(key: String, value: YAMLOut)] = [("name", .text(parameter.name)), ("in", .text(parameter.location.rawValue))]
        if let description = parameter.description { entries.append(("description", .text(description))) }
        if parameter.required || parameter.location == .path { entries.append(("required", .bool(true))) }
        if parameter.deprecated { entries.append(("deprecated", .bool(true))) }
        entries.append(("schema", schema(parameter.schema)))
        return .mapping(entries)
    }

    private static func requestBody(_ body: RequestBody) -> YAMLOut {
        var entries: [(key: String, value: YAMLOut)] = []
        if let description = body.description { entries.append(("description", .text(description))) }
        if body.required { entries.append(("required", .bool(true))) }
        var media: [(key: String, value: YAMLOut)] = [("schema", schema(body.schema))]
        media += examples(body.examples)
        entries.append(("content", .mapping([(body.contentType.rawValue, .mapping(media))])))
        return .mapping(entries)
    }

    private static func response(_ response: Response) -> YAMLOut {
        var entries: [(key: String, value: YAMLOut)] = []
        if let description = response.description { entries.append(("description", .text(description))) }
        var media: [(key: String, value: YAMLOut)] = []
        if let schema = response.schema { media.append(("schema", self.schema(schema))) }
        media += examples(response.examples)
        if !media.isEmpty {
            entries.append(("content", .mapping([(RequestBody.ContentType.json.rawValue, .mapping(media))])))
        }
        return .mapping(entries)
    }

    /// An unnamed first example as `example`, named ones as the `examples` map; unnamed examples
    /// only (a 3.1-style list) as an `examples` list. Other mixes get names `example-<n>`.
    private static func examples(_ examples: [Example]) -> [(key: String, value: YAMLOut)] {
        guard !examples.isEmpty else { return [] }
        if examples.allSatisfy({ $0.name == nil }) {
            if examples.count == 1 { return [("example", .json(examples[0].value))] }
            return [("examples", .sequence(examples.map { .json($0.value) }))]
        }
        var entries: [(key: String, value: YAMLOut)] = []
        var rest = examples[...]
        if let first = rest.first, first.name == nil {
            entries.append(("example", .json(first.value)))
            rest = rest.dropFirst()
        }
        var named: [(key: String, value: YAMLOut)] = []
        var taken = Set<String>()
        for (index, example) in rest.enumerated() {
            var name = example.name ?? "example-\(index + 1)"
            while !taken.insert(name).inserted { name += "-\(index + 1)" }
            named.append((name, .mapping([("value", .json(example.value))])))
        }
        entries.append(("examples", .mapping(named)))
        return entries
    }

    // MARK: Schemas

    /// A component's schema; a renamed copy also says what it is a copy of, so reading the
    /// merged document back documents it the same way.
    static func component(_ type: NamedType) -> YAMLOut {
        guard let variant = type.variantOf, case .mapping(let entries) = schema(type.schema) else { return schema(type.schema) }
        return .mapping(entries + [(NamedType.VariantKey.name, .text(variant.name)), (NamedType.VariantKey.document, .text(variant.document))])
    }

    static func schema(_ schema: Schema) -> YAMLOut {
        var entries: [(key: String, value: YAMLOut)] = []
        switch schema.kind {
        case .reference(let name):
            entries.append(("$ref", .text(componentReference(name))))
        case .string(let format):
            entries.append(("type", .text("string")))
            if let format { entries.append(("format", .text(format.rawValue))) }
        case .binary:
            entries.append(("type", .text("string")))
            entries.append(("format", .text("binary")))
        case .integer:
            entries.append(("type", .text("integer")))
        case .number:
            entries.append(("type", .text("number")))
        case .boolean:
            entries.append(("type", .text("boolean")))
        case .array(let items):
            entries.append(("type", .text("array")))
            entries.append(("items", self.schema(items)))
        case .map(let values):
            entries.append(("type", .text("object")))
            entries.append(("additionalProperties", self.schema(values)))
        case .object(let object):
            entries.append(("type", .text("object")))
            if !object.properties.isEmpty {
                entries.append(("properties", .mapping(object.properties.map { (key: $0.name, value: self.schema($0.schema)) })))
            }
            let required = object.properties.filter(\.required).map(\.name)
            if !required.isEmpty { entries.append(("required", .sequence(required.map(YAMLOut.text)))) }
            if let additional = object.additionalProperties {
                entries.append(("additionalProperties", self.schema(additional)))
            }
        case .enumeration(let enumeration):
            entries.append(("type", .text(enumeration.base.rawValue)))
            entries.append(("enum", .sequence(enumeration.values.map { enumValue($0, base: enumeration.base) })))
            if let descriptions = enumDescriptions(enumeration) { entries.append(("x-apidog-enum", descriptions)) }
        case .any:
            break
        }
        if schema.nullable { entries.append(("nullable", .bool(true))) }
        if let description = schema.description { entries.append(("description", .text(description))) }
        entries += constraints(schema.constraints)
        if schema.readOnly { entries.append(("readOnly", .bool(true))) }
        if schema.deprecated { entries.append(("deprecated", .bool(true))) }
        return .mapping(entries)
    }

    /// Integer enum values that are plain integers stay numbers; anything else is text.
    private static func enumValue(_ value: String, base: EnumSchema.Base) -> YAMLOut {
        if base == .integer, let number = Int(value), String(number) == value { return .int(number) }
        return .text(value)
    }

    /// Value descriptions in the `x-apidog-enum` form the reader takes them from: listed values
    /// first, in order, then any other described values by name.
    private static func enumDescriptions(_ enumeration: EnumSchema) -> YAMLOut? {
        guard !enumeration.valueDescriptions.isEmpty else { return nil }
        let listed = enumeration.values.filter { enumeration.valueDescriptions[$0] != nil }
        let others = enumeration.valueDescriptions.keys.filter { !enumeration.values.contains($0) }.sorted()
        return .sequence((listed + others).map { value in
            .mapping([("value", .text(value)), ("description", .text(enumeration.valueDescriptions[value] ?? ""))])
        })
    }

    private static func constraints(_ c: Constraints) -> [(key: String, value: YAMLOut)] {
        var entries: [(key: String, value: YAMLOut)] = []
        if let value = c.maxLength { entries.append(("maxLength", .int(value))) }
        if let value = c.minLength { entries.append(("minLength", .int(value))) }
        if let value = c.pattern { entries.append(("pattern", .text(value))) }
        if let value = c.minimum { entries.append(("minimum", .number(value))) }
        if c.exclusiveMinimum { entries.append(("exclusiveMinimum", .bool(true))) }
        if let value = c.maximum { entries.append(("maximum", .number(value))) }
        if c.exclusiveMaximum { entries.append(("exclusiveMaximum", .bool(true))) }
        if let value = c.minItems { entries.append(("minItems", .int(value))) }
        if let value = c.maxItems { entries.append(("maxItems", .int(value))) }
        if c.uniqueItems { entries.append(("uniqueItems", .bool(true))) }
        return entries
    }
}
