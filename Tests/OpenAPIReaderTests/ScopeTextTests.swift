@testable import OpenAPIReader
import XCTest

/// Scopes listed in an operation's prose when its security requirement names none.
final class ScopeTextTests: XCTestCase {
    func testScopesAfterTheMarkerInOrderAndOnce() {
        let text = "Lists customers.\n\nScopes: `customers.read_write`- orders.read, customers.read_write and **products.read**."
        XCTAssertEqual(ScopeText.scopes(in: text), ["customers.read_write", "orders.read", "products.read"])
    }

    func testWordsThatAreNotScopes() {
        XCTAssertEqual(ScopeText.scopes(in: "customers.read before the marker; Scopes: none. Orders.read v1.2 .read."), [])
        XCTAssertEqual(ScopeText.scopes(in: "No marker: customers.read"), [])
    }

    /// A letter that a combining mark joins is not ASCII as a character, so it ends the token.
    func testCombiningMarksEndATokenAsCharactersWould() {
        XCTAssertEqual(ScopeText.scopes(in: "Scopes: orders.read\u{301}, orders.reading\u{301}x, users.read"), ["orders.readin", "users.read"])
        XCTAssertEqual(ScopeText.scopes(in: "Scope\u{301}s: orders.read Scopes: users.read"), ["users.read"])
        // U+0600 joins the letter after it.
        XCTAssertEqual(ScopeText.scopes(in: "Scopes: \u{600}orders.read users.read"), ["rders.read", "users.read"])
        XCTAssertEqual(ScopeText.scopes(in: "مجال Scopes: صلاحية orders.read_only، users.read"), ["orders.read_only", "users.read"])
    }
}
