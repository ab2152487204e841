import Diagnostics
import SpecIR

/// Every naming, typing and validation decision about the generated Swift, as values. The
/// render stage turns these into template values, the one place where decisions become text;
/// templates only lay that text out.
public struct RenderModel: Sendable {
    /// Names of the input files, for the header of every generated file.
    public var sources: [String]
    public var access: AccessLevel
    public var types: [TypeDecl]
    public var namespaces: [NamespaceDecl]
    public var validations: [ValidationDecl]

    public var operationCount: Int { namespaces.reduce(0) { $0 + $1.operations.count } }
    public var modelCount: Int { types.reduce(0) { $0 + $1.declarationCount } }
}

public enum AccessLevel: String, Sendable, CaseIterable {
    case `public`, `internal`
}

/// One named declaration.
public enum TypeDecl: Sendable {
    case structure(StructDecl)
    case enumeration(EnumDecl)
    case alias(AliasDecl)

    public var name: String {
        switch self {
        case .structure(let decl): decl.name
        case .enumeration(let decl): decl.name
        case .alias(let decl): decl.name
        }
    }

    var declarationCount: Int {
        guard case .structure(let decl) = self else { return 1 }
        return 1 + decl.nested.reduce(0) { $0 + $1.declarationCount }
    }
}

public struct StructDecl: Sendable {
    /// Doc comment lines, without the `///`; empty strings separate paragraphs.
    public var doc: [String]
    public var name: String
    public var properties: [PropertyDecl]
    public var nested: [TypeDecl]
    /// Sent in requests, so callers fill it in (`var`); a type only received has `let` properties,
    /// which spares the compiler a setter and a modify accessor per property.
    public var isSent: Bool
    /// Where the spec describes it, for `sallagen diff`.
    public var location: SourceLocation? = nil
}

public struct PropertyDecl: Sendable {
    public var doc: [String]
    /// The Swift name, backticked when it is a keyword.
    public var name: String
    /// The Swift type without the optional mark (every property is optional so responses survive gaps).
    public var type: String
    /// The key on the wire, as the spec writes it.
    public var key: String
    /// Deprecated by the API: declared as an accessor marked deprecated, over storage the
    /// generated code itself uses, so only callers see the warning.
    public var isDeprecated: Bool

    public var location: SourceLocation? = nil

    /// The stored property's name: the property's own, or `_name` under a deprecated accessor.
    public var storage: String { isDeprecated ? "_" + SwiftNaming.bare(name) : name }
}

public struct EnumDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var cases: [EnumCaseDecl]
    /// The name of the case that keeps values the spec does not list.
    public var unknownCase: String
    /// How the values are looked up: switched over, or, for very many cases (which the compiler
    /// cannot switch over quickly), read from one text split at this separator.
    public var lookup: EnumLookup
    public var location: SourceLocation? = nil
}

public enum EnumLookup: Sendable, Equatable {
    case switchOverValues
    case table(separator: Unicode.Scalar)
}

public struct EnumCaseDecl: Sendable {
    public var doc: [String]
    public var name: String
    /// The value on the wire.
    public var value: String
}

public struct AliasDecl: Sendable {
    public var doc: [String]
    public var name: String
    public var type: String
    public var location: SourceLocation? = nil
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
    public var endpoint: Endpoint
    public var isDeprecated: Bool
    public var doc: [String]
    public var name: String
    public var parameters: [ParameterDecl]
    /// Every check before sending, the body's included.
    public var validationRules: [ValidationRule]
    /// The path, with the internal names of the arguments that fill its placeholders.
    public var path: [PathPart]
    public var queryItems: [QueryItemDecl]
    public var headers: [QueryItemDecl]
    public var body: BodyDecl?
    public var answer: Answer
    /// The sibling that walks every page of a list, for an operation answering a page by number.
    public var listAll: ListAllDecl?
    public var location: SourceLocation? = nil
}

/// `<name>All`: the operation's filters without the page number, answered by a `PagedList` that
/// fetches page after page as it is iterated.
public struct ListAllDecl: Sendable {
    public var doc: [String]
    public var name: String
    /// The operation's parameters without the page number.
    public var parameters: [ParameterDecl]
    /// The internal name of the page number, which the list supplies for each page.
    public var pageArgument: String
    /// The type of the items.
    public var item: String
}

/// What a successful call hands back.
public enum Answer: Sendable, Equatable {
    /// Nothing: the answer is read only for errors.
    case nothing
    /// The `data` of Salla's `{status, success, data}` envelope, of this type.
    case envelope(String)
    /// A page of items of this type, with the pagination block.
    case page(String)
    /// The whole body, of this type.
    case whole(String)
}

public enum PathPart: Sendable, Equatable {
    case text(String)
    /// A placeholder, filled with the method's argument of this (internal) name.
    case argument(String)
}

public struct ParameterDecl: Sendable {
    public var label: String
    /// The name inside the method, which differs from the label only to avoid a generated local.
    public var internalName: String
    /// The Swift type without the optional mark.
    public var type: String
    /// Optional, and `nil` unless given.
    public var isOptional: Bool
    public var location: SourceLocation? = nil
}

public struct QueryItemDecl: Sendable {
    /// The name on the wire.
    public var key: String
    /// The argument that holds the value.
    public var name: String
}

public struct BodyDecl: Sendable {
    /// The method's parameter that holds the body.
    public var label: String
    public var type: String
    public var isOptional: Bool
    /// Whether the body's type checks itself (`Validatable`), so the call validates it.
    public var validates: Bool
    public var encoding: BodyEncoding
}

public enum BodyEncoding: Sendable {
    case json
    case multipart([MultipartFieldDecl])
}

public struct MultipartFieldDecl: Sendable {
    public var key: String
    /// The body's property that holds the value.
    public var name: String
    public var isFile: Bool
}

/// The generated `Validatable` conformance of one request type.
public struct ValidationDecl: Sendable {
    /// The type's name, qualified for nested types (`Order.Item`).
    public var typeName: String
    public var rules: [ValidationRule]
}

/// One check of one value: `validator.<check>(<value>, …, at: <path>)`.
public struct ValidationRule: Sendable {
    public var check: Check
    /// The value checked: a property, a parameter, or the body.
    public var value: String
    public var path: RulePath
}

/// Where a violation is reported.
public enum RulePath: Sendable, Equatable {
    /// The member of this wire name, below the path of the value being validated.
    case member(String)
    /// The parameter of this wire name, at the top of the request.
    case parameter(String)
    /// The top of the request: the body itself.
    case root
}

public enum Check: Sendable, Equatable {
    case required
    case minLength(Int), maxLength(Int)
    /// A regular expression, as the spec writes it.
    case pattern(String)
    case format(StringFormat)
    case minimum(Bound), maximum(Bound)
    case minItems(Int), maxItems(Int)
    case uniqueItems
    /// One of these integers.
    case oneOf([Int])
    /// The value's own rules (`Validatable`), for a nested object.
    case nested
    /// One of the enum's documented values; `knownValues` for each element of a list.
    case knownValue, knownValues
    /// Each element's own rules.
    case each
}

public enum Bound: Sendable, Equatable {
    case integer(Int, exclusive: Bool)
    case number(Double, exclusive: Bool)
}
