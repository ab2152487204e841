import SwiftShaping
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
