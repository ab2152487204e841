/// What the templates see: every naming, typing and validation decision already made.
/// Templates only lay these values out; they never decide.
public struct RenderModel: Sendable {
    public var headerLines: [String]
    /// `public ` or empty (internal), with its trailing space, ready to prefix a declaration.
    public var access: String
    public var types: [TypeDecl]
    public var namespaces: [NamespaceDecl]
    public var validations: [ValidationDecl]

    public var operationCount: Int { namespaces.reduce(0) { $0 + $1.operations.count } }
    public var modelCount: Int { types.reduce(0) { $0 + $1.declarationCount } }
}

/// One named declaration. Exactly one list holds one element: lists, not optionals, because a
/// Mustache section over a missing value would fall through to an enclosing declaration's.
public struct TypeDecl: Sendable {
    public var structDecl: [StructDecl]
    public var enumDecl: [EnumDecl]
    public var aliasDecl: [AliasDecl]

    init(structDecl: StructDecl) { (self.structDecl, enumDecl, aliasDecl) = ([structDecl], [], []) }
    init(enumDecl: EnumDecl) { (structDecl, self.enumDecl, aliasDecl) = ([], [enumDecl], []) }
    init(aliasDecl: AliasDecl) { (structDecl, enumDecl, self.aliasDecl) = ([], [], [aliasDecl]) }

    public var name: String { structDecl.first?.name ?? enumDecl.first?.name ?? aliasDecl.first?.name ?? "" }

    var declarationCount: Int {
        structDecl.reduce(0) { $0 + 1 + $1.nested.reduce(0) { $0 + $1.declarationCount } } + enumDecl.count + aliasDecl.count
    }
}

public struct StructDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var access: String
    public var properties: [PropertyDecl]
    public var nested: [TypeDecl]
    /// The nested declarations as rendered text, indented one level; filled in at render time
    /// because Mustache does not indent every line of a nested partial.
    public var nestedSource: [String] = []
    /// Whether there is anything to declare beyond the type itself; templates cannot count.
    public var hasProperties: Bool { !properties.isEmpty }
    /// `var` for types sent in requests, which callers fill in; `let` for types only received,
    /// which spares the compiler a setter and a modify accessor per property.
    public var binding: String

    init(doc: [String], name: String, access: String, properties: [PropertyDecl], nested: [TypeDecl], binding: String) {
        (self.doc, self.name, self.access, self.properties, self.nested, self.binding) = (doc, name, access, properties, nested, binding)
    }
}

public struct PropertyDecl: Sendable {
    public var doc: [String]
    /// The Swift name, backticked when it is a keyword.
    public var name: String
    /// The Swift type without the optional mark (every property is optional so responses survive gaps).
    public var type: String
    /// The key on the wire, escaped for a string literal.
    public var key: String
    /// `,` after every initializer parameter but the last.
    public var separator: String
}

public struct EnumDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var access: String
    public var cases: [EnumCaseDecl]
    /// The name of the case that keeps values the spec does not list.
    public var unknownCase: String
    /// Whether the values are read from a table (`knownValuesText` split at `valueSeparator`)
    /// instead of switched over, which the compiler cannot do quickly for very many cases.
    public var usesTable = false
    public var knownValuesText = ""
    public var valueSeparator = ""
}

public struct EnumCaseDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var value: String
    public var separator: String
    /// The position of the value in `knownValues`.
    public var index: Int
}

public struct AliasDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var access: String
    public var type: String
}

/// The methods of one resource group, reached as `client.<propertyName>`.
public struct NamespaceDecl: Sendable {
    /// For the `client.<propertyName>` accessor.
    public var doc: [String]
    /// For the type that holds the calls.
    public var typeDoc: [String]
    public var typeName: String
    public var propertyName: String
    public var operations: [OperationDecl]
}

public struct OperationDecl: Sendable {
    /// `METHOD /path`, tying the declaration back to the spec operation.
    public var specKey: String
    /// The type the response body is decoded as (`Envelope<Customer>`, `PagedEnvelope<Customer>`, ...).
    public var responseDecodeType: String
    /// The request body's Swift type, when the operation takes a body.
    public var bodyType: String?
    public var doc: [String]
    public var name: String
    public var parameters: [ParameterDecl]
    /// ` -> T`, or empty when the call returns nothing.
    public var returnClause: String
    /// Every check before sending, the body's included.
    public var validationRules: [ValidationRule]
    public var hasValidation: Bool { !validationRules.isEmpty }
    public var method: String
    /// `var` when the request is filled in after it is made, else `let`.
    public var requestBinding: String
    /// The path as the body of a Swift string literal, with interpolated path parameters.
    public var pathLiteral: String
    public var queryItems: [QueryItemDecl]
    public var headers: [QueryItemDecl]
    /// The statement that puts a JSON body on the request, when there is one.
    public var jsonBodyStatements: [String]
    /// The body's member access (`body.` or `body?.`) for form fields.
    public var bodyAccess: String
    public var multipartFields: [MultipartFieldDecl]
    public var hasMultipart: Bool { !multipartFields.isEmpty }
    /// How the response is read: `return try await ...` expression, or a statement for no result.
    public var sendStatement: String
}

public struct ParameterDecl: Sendable {
    public var label: String
    /// The name inside the method, which differs from the label only to avoid a generated local.
    public var internalName: String
    public var hasInternalName: Bool { internalName != label }
    public var type: String
    public var defaultValue: String?
    public var separator: String

    init(label: String, internalName: String, type: String, defaultValue: String?, separator: String) {
        (self.label, self.internalName, self.type, self.defaultValue, self.separator) = (label, internalName, type, defaultValue, separator)
    }
}

public struct QueryItemDecl: Sendable {
    public var key: String
    public var name: String
}

public struct MultipartFieldDecl: Sendable {
    public var key: String
    public var name: String
    public var isFile: Bool
}

/// The generated `Validatable` conformance of one request type.
public struct ValidationDecl: Sendable {
    public var typeName: String
    public var access: String
    public var rules: [ValidationRule]
}

/// One call on the runtime `Validator`: `validator.<call>(<value><arguments>, at: <path>)`.
public struct ValidationRule: Sendable {
    public var call: String
    public var value: String
    /// Further arguments after the value, each with its leading `, `.
    public var arguments: String
    /// Where a violation is reported: `path.appending("first_name")` inside a type,
    /// `.root.appending("page")` for a parameter, `.root` for the body.
    public var path: String
}
