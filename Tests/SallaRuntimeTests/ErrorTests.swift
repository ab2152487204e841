import Foundation
import SallaRuntime
import XCTest

final class ErrorTests: XCTestCase {
    func testValidationEnvelopeWithListsAndSingleStrings() {
        let body = json("""
        {"status":422,"success":false,"error":{"code":"validation_failed","message":"alert.invalid_fields",
         "fields":{"first_name":["The first_name field is required."],"email":"The email must be a valid email address.",
                   "mobile":["a",null,5]}}}
        """)
        let error = SallaAPIError(statusCode: 422, body: body)
        XCTAssertTrue(error.isValidationFailure)
        XCTAssertFalse(error.isNotFound)
        XCTAssertEqual(error.code, "validation_failed")
        XCTAssertEqual(error.message, "alert.invalid_fields")
        XCTAssertEqual(error.fields, [
            "first_name": ["The first_name field is required."],
            "email": ["The email must be a valid email address."],
            "mobile": ["a", "5"],
        ])
        XCTAssertEqual(error.body, body)
        XCTAssertTrue(error.description.hasPrefix("Salla API error 422 (validation_failed): alert.invalid_fields ["))
    }

    func testNumericCode() {
        let error = SallaAPIError(
            statusCode: 401,
            body: json(#"{"status":401,"success":false,"error":{"code":401,"message":"Unauthorized"}}"#)
        )
        XCTAssertTrue(error.isUnauthorized)
        XCTAssertEqual(error.code, "401")
        XCTAssertEqual(error.message, "Unauthorized")
        XCTAssertEqual(error.fields, [:])
        XCTAssertEqual(error.description, "Salla API error 401 (401): Unauthorized")
    }

    func testOtherShapesNeverFail() {
        let laravel = SallaAPIError(statusCode: 422, body: json(#"{"message":"Invalid","errors":{"name":["bad"]}}"#))
        XCTAssertEqual(laravel.message, "Invalid")
        XCTAssertEqual(laravel.fields, ["name": ["bad"]])

        let stringError = SallaAPIError(statusCode: 403, body: json(#"{"error":"Forbidden"}"#))
        XCTAssertTrue(stringError.isForbidden)
        XCTAssertEqual(stringError.message, "Forbidden")
        XCTAssertNil(stringError.code)

        let html = SallaAPIError(statusCode: 502, body: json("<html>Bad gateway</html>"))
        XCTAssertNil(html.code)
        XCTAssertNil(html.message)
        XCTAssertEqual(html.description, "Salla API error 502")

        let empty = SallaAPIError(statusCode: 429, body: Data())
        XCTAssertTrue(empty.isRateLimited)

        let weird = SallaAPIError(statusCode: 500, body: json(#"[1,{"error":{}}]"#))
        XCTAssertNil(weird.message)
    }
}
