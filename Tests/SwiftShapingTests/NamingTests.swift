import SwiftShaping
import TestSupport
import XCTest

/// The naming rules on their own: idiomatic Swift from the names Salla's docs use.
final class NamingTests: XCTestCase {
    func testAcronymsStayUniformlyCapitalised() {
        XCTAssertEqual(SwiftNaming.typeName("DNS Records"), "DNSRecords")
        XCTAssertEqual(SwiftNaming.typeName("SEO"), "SEO")
        XCTAssertEqual(SwiftNaming.typeName("Custom URLs"), "CustomURLs")
        XCTAssertEqual(SwiftNaming.memberName("DNS Records"), "dnsRecords")
        XCTAssertEqual(SwiftNaming.memberName("SEO"), "seo")
        // Long capitalised words, and names written all in capitals, are shouting, not acronyms.
        XCTAssertEqual(SwiftNaming.typeName("ORDER_STATUS"), "OrderStatus")
        XCTAssertEqual(SwiftNaming.memberName("OUT_OF_STOCK"), "outOfStock")
        XCTAssertEqual(SwiftNaming.memberName("CASH_ON_DELIVERY"), "cashOnDelivery")
        XCTAssertEqual(SwiftNaming.typeName("USER_NAME"), "UserName")
        XCTAssertEqual(SwiftNaming.typeName("SKU"), "SKU")
    }

    func testInitialismsFollowTheAPIGuidelines() {
        XCTAssertEqual(SwiftNaming.memberName("country_id"), "countryID")
        XCTAssertEqual(SwiftNaming.memberName("customer_url"), "customerURL")
        XCTAssertEqual(SwiftNaming.memberName("urls"), "urls")
        XCTAssertEqual(SwiftNaming.memberName("id"), "id")
        XCTAssertEqual(SwiftNaming.memberName("product_ids"), "productIDs")
        XCTAssertEqual(SwiftNaming.memberName("imageUrls"), "imageURLs")
        XCTAssertEqual(SwiftNaming.memberName("ORDER_ID"), "orderID")
        XCTAssertEqual(SwiftNaming.memberName("url_path"), "urlPath")
        XCTAssertEqual(SwiftNaming.memberName("HTTPS_only"), "httpsOnly")
        XCTAssertEqual(SwiftNaming.typeName("customer_urls"), "CustomerURLs")
        XCTAssertEqual(SwiftNaming.typeName("id"), "ID")
        XCTAssertEqual(SwiftNaming.typeName("api_key"), "APIKey")
        // Words that merely contain an initialism stay words.
        XCTAssertEqual(SwiftNaming.memberName("shipping_idea"), "shippingIdea")
        XCTAssertEqual(SwiftNaming.memberName("valid"), "valid")
    }

    func testNamesFromSpecText() {
        XCTAssertEqual(SwiftNaming.typeName("customer_request_body"), "CustomerRequestBody")
        XCTAssertEqual(SwiftNaming.typeName("Object Not Found(404)"), "ObjectNotFound404")
        XCTAssertEqual(SwiftNaming.memberName("Update-Customer"), "updateCustomer")
        XCTAssertEqual(SwiftNaming.memberName("default"), "`default`")
        XCTAssertEqual(SwiftNaming.memberName("3d_model"), "_3DModel")
        XCTAssertEqual(SwiftNaming.singular("categories"), "category")
        XCTAssertEqual(SwiftNaming.singular("Items"), "Item")
    }

    func testVendorMethodNamesTypedTwiceAreReadOnce() throws {
        let paths = """
            /affiliates/{id}:
              get:
                operationId: Affiliate-Details
                x-salla-php-method-name: retrieveretrieve
                parameters:
                  - {name: id, in: path, required: true, schema: {type: integer}}
                responses:
                  '204': {description: No content}
            """
        let rendered = try Snippet.generate(paths: paths)
        XCTAssertTrue(rendered.client.contains("public func retrieve(id: Int) async throws {"), rendered.client)
    }
}

/// The reserved names stay complete as the runtime and the templates grow: every public type of
/// SallaRuntime, every public member of SallaClient, and every type name a template writes.
final class ReservedNamesTests: XCTestCase {
    private func sources(in folder: String) throws -> [String] {
        let url = packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted().map {
            try String(contentsOf: url.appendingPathComponent($0), encoding: .utf8)
        }
    }

    /// The identifier after each of `keywords` on lines that start with `prefix`.
    private func declared(_ keywords: [String], in text: String, prefix: String) -> Set<String> {
        var names = Set<String>()
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) {
            for keyword in keywords {
                guard let range = line.range(of: keyword + " ") else { continue }
                let name = line[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                if !name.isEmpty { names.insert(String(name)) }
            }
        }
        return names
    }

    func testEveryPublicRuntimeTypeIsReserved() throws {
        let kinds = ["struct", "enum", "protocol", "typealias", "class", "actor"]
        let types = try sources(in: "Sources/SallaRuntime").reduce(into: Set<String>()) { $0.formUnion(declared(kinds.map { "public " + $0 }, in: $1, prefix: "public ")) }
        XCTAssertFalse(types.isEmpty)
        XCTAssertEqual(types.subtracting(ReservedNames.types), [])
    }

    func testEverySallaClientMemberIsReserved() throws {
        let client = try String(contentsOf: packageRoot.appendingPathComponent("Sources/SallaRuntime/SallaClient.swift"), encoding: .utf8)
        let members = declared(["let", "var", "func"], in: client, prefix: "    public ")
        XCTAssertFalse(members.isEmpty)
        XCTAssertEqual(members.subtracting(ReservedNames.clientMembers), [])
    }

    func testEveryTypeATemplateNamesIsReserved() throws {
        // Capitalised words of the templates outside `{{…}}` and doc comments: the types generated code names.
        var names = Set<String>()
        for template in try sources(in: "Templates") {
            var text = template.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///") }.joined(separator: "\n")
            while let open = text.range(of: "{{"), let close = text[open.upperBound...].range(of: "}}") {
                text.replaceSubrange(open.lowerBound..<close.upperBound, with: " ")
            }
            var word = ""
            for character in text + " " {
                if character.isLetter || character.isNumber { word.append(character); continue }
                if let first = word.first, first.isUppercase { names.insert(word) }
                word = ""
            }
        }
        XCTAssertEqual(names.subtracting(ReservedNames.types), [])
    }
}
