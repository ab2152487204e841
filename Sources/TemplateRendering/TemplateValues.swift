import SpecIR
import SwiftShaping

/// The render model as the dictionaries templates read: the one place where decisions become text.
///
/// Templates look names up on every object of their context stack; answering from dictionaries
/// instead of reflecting on structs at each lookup keeps rendering a large spec fast. Every value a
/// template uses is given at the level where it is used (an operation has its own `access`), so
/// nothing depends on a lookup falling through to an enclosing object, and list items carry their
/// own `separator` (`,` after all but the last), which Mustache cannot work out inside a partial.
/// README's "Template variables" lists every key.
struct TemplateValues {
    /// `public ` or nothing, ready to prefix a declaration.
    let access: TemplateText

    init(access: AccessLevel) {
        self.access = TemplateText(access == .public ? "public " : "")
    }

    /// What a file's template is given. The lists make each object as rendering reaches it.
    func root(_ model: RenderModel, types: TemplateList) -> TemplateObject {
        ["access": access, "types": types, "namespaces": TemplateList(model.namespaces, namespace),
         "validations": TemplateList(model.validations, validation)]
    }

    /// A declaration, as a one-element list under its kind (`structDecl`, `enumDecl`, `aliasDecl`)
    /// and empty lists under the others, so a section over the kind never falls through to an
    /// enclosing declaration. `nestedSource` is a struct's nested declarations, already rendered.
    func type(_ decl: TypeDecl, nestedSource: [String]) -> TemplateObject {
        var values: TemplateObject = ["structDecl": [TemplateObject](), "enumDecl": [TemplateObject](), "aliasDecl": [TemplateObject]()]
        switch decl {
        case .structure(let decl): values["structDecl"] = [structure(decl, nestedSource: nestedSource)]
        case .enumeration(let decl): values["enumDecl"] = [enumeration(decl)]
        case .alias(let decl):
            let alias: TemplateObject = ["doc": doc(decl.doc), "name": text(decl.name), "access": access, "type": text(decl.type)]
            values["aliasDecl"] = [alias]
        }
        return values
    }

    private func structure(_ decl: StructDecl, nestedSource: [String]) -> TemplateObject {
        let binding = text(decl.isSent ? "var" : "let")
        let properties = separated(decl.properties.map { property -> TemplateObject in
            var values: TemplateObject = [
                "doc": doc(property.doc), "name": text(property.name), "type": text(property.type), "key": text(literal(property.key)),
                "access": access, "binding": binding, "storage": text(property.name), "isDeprecated": false, "availability": Self.none,
                "accessorBody": Self.none,
            ]
            if property.isDeprecated {
                let storage = property.storage
                values["storage"] = text(storage)
                values["isDeprecated"] = true
                values["availability"] = Self.deprecation
                values["accessorBody"] = text(decl.isSent ? "{ get { \(storage) } set { \(storage) = newValue } }" : "{ \(storage) }")
            }
            return values
        })
        return ["doc": doc(decl.doc), "name": text(decl.name), "access": access, "binding": binding, "properties": properties,
                "hasProperties": !decl.properties.isEmpty, "nestedSource": nestedSource.map(text)]
    }

    private func enumeration(_ decl: EnumDecl) -> TemplateObject {
        let cases = separated(decl.cases.enumerated().map { index, item -> TemplateObject in
            ["doc": doc(item.doc), "name": text(item.name), "value": text(literal(item.value)), "index": index]
        }, by: ", ")
        var values: TemplateObject = [
            "doc": doc(decl.doc), "name": text(decl.name), "access": access, "cases": cases, "unknownCase": text(decl.unknownCase),
            "usesTable": false, "knownValuesText": Self.none, "valueSeparator": Self.none,
        ]
        if case .table(let separator) = decl.lookup {
            let separator = literal(String(separator))
            values["usesTable"] = true
            values["valueSeparator"] = text(separator)
            values["knownValuesText"] = text(decl.cases.map { literal($0.value) }.joined(separator: separator))
        }
        return values
    }

    private func namespace(_ decl: NamespaceDecl) -> TemplateObject {
        ["doc": doc(decl.doc), "typeDoc": doc(decl.typeDoc), "typeName": text(decl.typeName), "propertyName": text(decl.propertyName),
         "access": access, "operations": decl.operations.map(operation)]
    }

    private func parameters(_ decls: [ParameterDecl]) -> [TemplateObject] {
        separated(decls.map { parameter -> TemplateObject in
            var values: TemplateObject = [
                "label": text(parameter.label), "internalName": text(parameter.internalName),
                "hasInternalName": parameter.internalName != parameter.label, "type": text(parameter.type + (parameter.isOptional ? "?" : "")),
            ]
            if parameter.isOptional { values["defaultValue"] = text("nil") }
            return values
        }, by: ", ")
    }

    private func operation(_ decl: OperationDecl) -> TemplateObject {
        let parameters = parameters(decl.parameters)
        let answer = Answer(decl.answer)
        var values: TemplateObject = [
            "specKey": text(decl.endpoint.description), "doc": doc(decl.doc), "name": text(decl.name), "access": access,
            "availability": decl.isDeprecated ? [Self.deprecation] : [TemplateText](),
            "parameters": parameters, "validationRules": decl.validationRules.map(rule), "hasValidation": !decl.validationRules.isEmpty,
            "method": text(decl.endpoint.method.rawValue), "pathLiteral": text(pathLiteral(decl.path)),
            "requestBinding": text(decl.queryItems.isEmpty && decl.headers.isEmpty && decl.body == nil ? "let" : "var"),
            "queryItems": decl.queryItems.map(queryItem), "headers": decl.headers.map(queryItem),
            "jsonBodyStatements": [TemplateText](), "multipartFields": [TemplateObject](), "hasMultipart": false, "bodyAccess": text("body."),
            "returnClause": text(answer.returnClause), "sendStatement": text(answer.sendStatement), "responseDecodeType": text(answer.decodeType),
            "listAll": decl.listAll.map(listAll) ?? [], "indent": Self.none,
        ]
        if let body = decl.body {
            let access = body.label + (body.isOptional ? "?." : ".")
            values["bodyAccess"] = text(access)
            if body.validates { values["bodyType"] = text(body.type) }
            switch body.encoding {
            case .json:
                values["jsonBodyStatements"] = [text(body.isOptional ? "if let \(body.label) { try request.setJSONBody(\(body.label)) }" : "try request.setJSONBody(\(body.label))")]
            case .multipart(let fields):
                values["hasMultipart"] = !fields.isEmpty
                values["multipartFields"] = fields.map { field -> TemplateObject in
                    ["key": text(literal(field.key)), "name": text(field.name), "isFile": field.isFile, "bodyAccess": text(access)]
                }
            }
        }
        return values
    }

    private func listAll(_ decl: ListAllDecl) -> [TemplateObject] {
        [["doc": doc(decl.doc), "name": text(decl.name), "parameters": parameters(decl.parameters),
          "pageArgument": text(decl.pageArgument), "item": text(decl.item), "indent": text("    ")]]
    }

    private func queryItem(_ item: QueryItemDecl) -> TemplateObject {
        ["key": text(literal(item.key)), "name": text(item.name)]
    }

    private func pathLiteral(_ parts: [PathPart]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): literal(text)
            case .argument(let name): "\\(PathComponent.encode(\(name)))"
            }
        }.joined()
    }

    /// What the call's answer turns into: the method's return clause, the statement that sends
    /// the request, and the type the body is decoded as.
    private struct Answer {
        var returnClause = "", sendStatement: String, decodeType: String

        init(_ answer: SwiftShaping.Answer) {
            switch answer {
            case .nothing:
                (sendStatement, decodeType) = ("_ = try await client.send(request, as: EmptyResponse.self)", "EmptyResponse")
            case .envelope(let type):
                returnClause = " -> \(type)"
                (sendStatement, decodeType) = ("return try await client.send(request, as: Envelope<\(type)>.self).data", "Envelope<\(type)>")
            case .page(let item):
                returnClause = " -> Page<\(item)>"
                (sendStatement, decodeType) = ("return try await client.send(request, as: PagedEnvelope<\(item)>.self).page", "PagedEnvelope<\(item)>")
            case .whole(let type):
                returnClause = " -> \(type)"
                (sendStatement, decodeType) = ("return try await client.send(request, as: \(type).self)", type)
            }
        }
    }

    private func validation(_ decl: ValidationDecl) -> TemplateObject {
        ["typeName": text(decl.typeName), "access": access, "rules": decl.rules.map(rule)]
    }

    /// `validator.<call>(<value><arguments>, at: <path>)`.
    private func rule(_ rule: ValidationRule) -> TemplateObject {
        let (call, arguments) = check(rule.check)
        let path: String
        switch rule.path {
        case .member(let key): path = "path.appending(\"\(literal(key))\")"
        case .parameter(let key): path = ".root.appending(\"\(literal(key))\")"
        case .root: path = ".root"
        }
        return ["call": text(call), "value": text(rule.value), "arguments": text(arguments.map { ", " + $0 }.joined()), "path": text(path)]
    }

    /// The runtime `Validator` method for a check, and the arguments after the value.
    private func check(_ check: Check) -> (String, [String]) {
        switch check {
        case .required: ("required", [])
        case .minLength(let n): ("minLength", ["\(n)"])
        case .maxLength(let n): ("maxLength", ["\(n)"])
        case .pattern(let regex): ("pattern", ["\"\(literal(regex))\""])
        // The runtime's `StringFormat` has the IR's case names (a test keeps them in step).
        case .format(let format): ("format", [".\(format)"])
        case .minimum(let bound): ("minimum", self.bound(bound))
        case .maximum(let bound): ("maximum", self.bound(bound))
        case .minItems(let n): ("minItems", ["\(n)"])
        case .maxItems(let n): ("maxItems", ["\(n)"])
        case .uniqueItems: ("uniqueItems", [])
        case .oneOf(let values): ("oneOf", ["[\(values.map(String.init).joined(separator: ", "))]"])
        case .nested: ("nested", [])
        case .knownValue: ("knownValue", [])
        case .knownValues: ("knownValues", [])
        case .each: ("each", [])
        }
    }

    private func bound(_ bound: Bound) -> [String] {
        switch bound {
        case .integer(let value, let exclusive): ["\(value)"] + (exclusive ? ["exclusive: true"] : [])
        case .number(let value, let exclusive): [SwiftNaming.doubleLiteral(value)] + (exclusive ? ["exclusive: true"] : [])
        }
    }

    /// What marks a deprecated declaration, so callers get a compiler warning.
    static let deprecation = TemplateText(#"@available(*, deprecated, message: "Deprecated by the API.")"#)

    private static let none = TemplateText("")

    /// Doc comment lines ready to print: `/// text`, and a bare `///` between paragraphs.
    private func doc(_ lines: [String]) -> [TemplateText] {
        lines.map { text($0.isEmpty ? "///" : "/// " + CommentText.line($0)) }
    }

    private func literal(_ text: String) -> String { SwiftNaming.literalContents(text) }

    private func text(_ text: String) -> TemplateText { TemplateText(text) }

    /// Each item with its `separator`: `by` after all but the last.
    private func separated(_ items: [TemplateObject], by separator: String = ",") -> [TemplateObject] {
        items.enumerated().map { index, item in
            var item = item
            item["separator"] = text(index == items.count - 1 ? "" : separator)
            return item
        }
    }
}

