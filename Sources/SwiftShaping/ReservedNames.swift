/// Names generated declarations must not take, by the kind of declaration: the one list of what
/// Swift, Foundation, SallaRuntime and the generated code itself already use.
public enum ReservedNames {
    /// Types (and modules) the generated code names, which a generated type of the same name
    /// would shadow: a nested `String` turns a sibling `String?` property into the nested type.
    public static let types: Set<String> = [
        // Modules the generated code imports or qualifies with.
        "Swift", "Foundation", "SallaRuntime",
        // Swift and Foundation.
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "Data", "Date", "Decimal",
        "Decodable", "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error", "Float",
        "Hashable", "Hasher", "Int", "Int64", "Never", "Optional", "Protocol", "RawRepresentable", "Result",
        "Self", "Sendable", "Sequence", "Set", "String", "Substring", "Type", "URL", "URLError", "UUID", "Void",
        // SallaRuntime's public types.
        "AccessTokenProvider", "AttemptContext", "ClientMiddleware", "EmptyResponse", "Envelope", "FieldPath",
        "FileUpload", "HTTPMethod", "InMemoryTransport", "Indirect", "JSONKey", "JSONValue", "LoggingMiddleware",
        "MultipartFormData", "OAuthRefreshError", "OAuthTokenProvider", "OAuthTokens", "OpenEnumeration", "Page",
        "PagedEnvelope", "PagedList", "Pagination", "PathComponent", "QueryItems", "QueryValue", "RateLimit",
        "Request", "RequestBody", "RetryPolicy", "SallaAPIError", "SallaClient", "SallaDecodingError", "SallaModel",
        "SallaTimeoutError", "StringFormat", "Transport", "URLSessionTransport", "Validatable", "ValidationFailure",
        "Validator", "Violation",
        // swift-http-types, which SallaRuntime re-exports.
        "HTTPField", "HTTPFields", "HTTPRequest", "HTTPResponse",
    ]

    /// Members of `SallaClient`, beside which the `client.<resource>` accessors are declared.
    public static let clientMembers: Set<String> = [
        "baseURL", "configuration", "decodeResponse", "productionURL", "rateLimit", "send", "transport", "with",
    ]

    /// The stored member of every namespace type, beside which its calls are declared.
    public static let namespaceMembers: Set<String> = ["client"]

    /// Static members of every generated enum, beside which its cases are declared.
    public static let enumMembers: Set<String> = ["knownValues", "knownCases", "casesByRawValue"]

    /// Locals of a generated method body, which its parameters must not hide.
    public static let methodLocals: Set<String> = ["client", "request", "validator", "form"]

    /// `name`, or `nameModel` when the name is taken by a type the generated code uses.
    static func avoidingTypes(_ name: String) -> String {
        types.contains(name) ? name + "Model" : name
    }
}
