import Foundation
import SallaRuntime
import XCTest

private struct Gender: OpenEnumeration, Hashable {
    var rawValue: String
    init(rawValue: String) { self.rawValue = rawValue }
    static let male = Gender(rawValue: "male")
    static let female = Gender(rawValue: "female")
    static var knownValues: [String] { ["male", "female"] }
}

private struct Item: Validatable {
    var name: String?
    var quantity: Int?

    func validate(into validator: inout Validator, at path: FieldPath) {
        validator.required(name, at: path.appending("name"))
        validator.maxLength(name, 5, at: path.appending("name"))
        validator.minimum(quantity, 1, at: path.appending("quantity"))
    }
}

private struct Order: Validatable {
    var firstName: String?
    var email: String?
    var gender: Gender?
    var items: [Item]?
    var shipping: Item?

    func validate(into validator: inout Validator, at path: FieldPath) {
        validator.required(firstName, at: path.appending("first_name"))
        validator.maxLength(firstName, 25, at: path.appending("first_name"))
        validator.format(email, .email, at: path.appending("email"))
        validator.knownValue(gender, at: path.appending("gender"))
        validator.minItems(items, 1, at: path.appending("items"))
        validator.each(items, at: path.appending("items"))
        validator.nested(shipping, at: path.appending("shipping"))
    }
}

final class ValidationTests: XCTestCase {
    private let p = FieldPath.root.appending("field")

    /// Runs `rules` on a fresh validator and returns the violations.
    private func check(_ rules: (inout Validator) -> Void) -> [Violation] {
        var validator = Validator()
        rules(&validator)
        return validator.violations
    }

    func testFieldPath() {
        XCTAssertEqual(FieldPath.root.description, "")
        XCTAssertEqual(FieldPath.root.appending("products").appending(index: 0).appending("name").description, "products.0.name")
        XCTAssertEqual(check { $0.required(nil as Int?, at: .root) }.first?.message, "The value field is required.")
        XCTAssertEqual(
            check { $0.required(nil as Int?, at: FieldPath.root.appending("tags").appending(index: 2)) }.first?.message,
            "The tags.2 field is required."
        )
    }

    func testRequired() {
        XCTAssertEqual(check { $0.required(nil as String?, at: p) }, [
            Violation(path: "field", rule: "required", message: "The field field is required."),
        ])
        XCTAssertEqual(check { $0.required("", at: p) }, [])
        XCTAssertEqual(check { $0.required([Int](), at: p) }, [])
    }

    func testLengths() {
        XCTAssertEqual(check { $0.maxLength("héllo", 5, at: p) }, [])
        XCTAssertEqual(check { $0.maxLength("héllo!", 5, at: p) }, [
            Violation(path: "field", rule: "maxLength", message: "The field may not be greater than 5 characters."),
        ])
        XCTAssertEqual(check { $0.maxLength("👍🏽👍🏽", 2, at: p) }, [])
        XCTAssertEqual(check { $0.minLength("ab", 3, at: p) }.map(\.message), ["The field must be at least 3 characters."])
        XCTAssertEqual(check { $0.minLength("abc", 3, at: p) }, [])
        XCTAssertEqual(check { $0.maxLength(nil, 0, at: p); $0.minLength(nil, 3, at: p) }, [])
    }

    func testPattern() {
        XCTAssertEqual(check { $0.pattern("abc123", "[0-9]+", at: p) }, [])
        XCTAssertEqual(check { $0.pattern("abc", "^[0-9]+$", at: p) }, [
            Violation(path: "field", rule: "pattern", message: "The field format is invalid."),
        ])
        XCTAssertEqual(check { $0.pattern("+966500000000", #"^\+?[0-9]{9,14}$"#, at: p) }, [])
        XCTAssertEqual(check { $0.pattern("anything", "([unclosed", at: p) }, [])
        XCTAssertEqual(check { $0.pattern(nil, "^x$", at: p) }, [])
    }

    func testNumericBounds() {
        XCTAssertEqual(check { $0.minimum(0.5, 1, at: p) }.map(\.message), ["The field must be at least 1."])
        XCTAssertEqual(check { $0.minimum(1.0, 1, at: p) }, [])
        XCTAssertEqual(check { $0.minimum(1.0, 1, exclusive: true, at: p) }.map(\.message), ["The field must be greater than 1."])
        XCTAssertEqual(check { $0.maximum(2.5, 2.25, at: p) }.map(\.message), ["The field may not be greater than 2.25."])
        XCTAssertEqual(check { $0.maximum(2.0, 2, exclusive: true, at: p) }.map(\.message), ["The field must be less than 2."])
        XCTAssertEqual(check { $0.minimum(Double.nan, 0, at: p) }.map(\.rule), ["minimum"])
        XCTAssertEqual(check { $0.minimum(-1, 0, at: p) }.map(\.rule), ["minimum"])
        XCTAssertEqual(check { $0.minimum(Int64(5), 5, exclusive: true, at: p) }.map(\.rule), ["minimum"])
        XCTAssertEqual(check { $0.maximum(100, 99, at: p) }.map(\.message), ["The field may not be greater than 99."])
        XCTAssertEqual(check { $0.maximum(99, 99, at: p); $0.minimum(nil as Int?, 1, at: p) }, [])
    }

    func testItems() {
        XCTAssertEqual(check { $0.minItems([Int](), 1, at: p) }.map(\.message), ["The field must have at least 1 items."])
        XCTAssertEqual(check { $0.maxItems([1, 2, 3], 2, at: p) }.map(\.message), ["The field may not have more than 2 items."])
        XCTAssertEqual(check { $0.uniqueItems(["a", "b", "a"], at: p) }, [
            Violation(path: "field", rule: "uniqueItems", message: "The field field has a duplicate value."),
        ])
        XCTAssertEqual(check { $0.uniqueItems([1, 2], at: p); $0.minItems([1], 1, at: p); $0.maxItems(nil as [Int]?, 0, at: p) }, [])
    }

    func testFormats() {
        func failures(_ value: String, _ format: StringFormat) -> [String] {
            check { $0.format(value, format, at: p) }.map(\.message)
        }
        XCTAssertEqual(failures("a@b.co", .email), [])
        XCTAssertEqual(failures("user@localhost", .email), [])
        XCTAssertEqual(failures("not-an-email", .email), ["The field must be a valid email address."])
        XCTAssertEqual(failures("a b@c.d", .email).count, 1)
        XCTAssertEqual(failures("a@", .email).count, 1)
        XCTAssertEqual(failures("a@b..c", .email).count, 1)

        XCTAssertEqual(failures("2024-02-29", .date), [])
        XCTAssertEqual(failures("2023-02-29", .date), ["The field is not a valid date."])
        XCTAssertEqual(failures("2023-02-30", .date).count, 1)
        XCTAssertEqual(failures("1900-02-29", .date).count, 1)
        XCTAssertEqual(failures("2000-02-29", .date), [])
        XCTAssertEqual(failures("2023-13-01", .date).count, 1)
        XCTAssertEqual(failures("2023-1-01", .date).count, 1)
        XCTAssertEqual(failures("2023-01-01T00:00:00Z", .date).count, 1)

        for valid in ["2020-04-02T22:43:26Z", "2020-04-02t22:43:26.5+03:00", "2020-04-02 22:43:26.000000",
                      "2020-04-02 22:43:26", "2020-04-02T23:59:60-00:30"] {
            XCTAssertEqual(failures(valid, .dateTime), [], valid)
        }
        for invalid in ["2020-04-02", "2020-04-02X22:43:26", "2020-02-30T10:00:00Z", "2020-04-02T24:00:00Z",
                        "2020-04-02T22:43:26.", "2020-04-02T22:43:26+3:00", "2020-04-02T22:43:26Zjunk", "2020-04-02T22:61:00"] {
            XCTAssertEqual(failures(invalid, .dateTime), ["The field is not a valid date."], invalid)
        }

        XCTAssertEqual(failures("123e4567-e89b-12d3-a456-426614174000", .uuid), [])
        XCTAssertEqual(failures("123e4567e89b12d3a456426614174000", .uuid), ["The field must be a valid UUID."])
        XCTAssertEqual(failures("123e4567-e89b-12d3-a456-42661417400g", .uuid).count, 1)

        XCTAssertEqual(failures("https://salla.sa/path?q=1", .uri), [])
        XCTAssertEqual(failures("mailto:a@b.c", .uri), [])
        XCTAssertEqual(failures("salla.sa/path", .uri), ["The field format is invalid."])
        XCTAssertEqual(failures("https://a b", .uri).count, 1)
        XCTAssertEqual(failures("1http://x", .uri).count, 1)
        XCTAssertEqual(check { $0.format(nil, .uuid, at: p) }, [])
        XCTAssertEqual(check { $0.format("x", .dateTime, at: p) }.map(\.rule), ["format"])
    }

    func testKnownValue() {
        XCTAssertEqual(check { $0.knownValue(Gender.male, at: FieldPath.root.appending("gender")) }, [])
        XCTAssertEqual(check { $0.knownValue(Gender(rawValue: "other"), at: FieldPath.root.appending("gender")) }, [
            Violation(path: "gender", rule: "enum", message: "The gender is invalid."),
        ])
        XCTAssertEqual(Gender.female.queryValue, "female")
    }

    func testCollectsEverythingWithNestedPaths() {
        let order = Order(
            firstName: String(repeating: "x", count: 26),
            email: "bad",
            gender: Gender(rawValue: "x"),
            items: [Item(name: "ok", quantity: 1), Item(name: nil, quantity: 0), Item(name: "toolong", quantity: 2)],
            shipping: Item(name: nil, quantity: nil)
        )
        XCTAssertThrowsError(try order.validate()) { error in
            guard let failure = error as? ValidationFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.violations.map(\.path), [
                "first_name", "email", "gender", "items.1.name", "items.1.quantity", "items.2.name", "shipping.name",
            ])
            XCTAssertEqual(failure.fields, [
                "first_name": ["The first_name may not be greater than 25 characters."],
                "email": ["The email must be a valid email address."],
                "gender": ["The gender is invalid."],
                "items.1.name": ["The name field is required."],
                "items.1.quantity": ["The quantity must be at least 1."],
                "items.2.name": ["The name may not be greater than 5 characters."],
                "shipping.name": ["The name field is required."],
            ])
            XCTAssertTrue(failure.description.hasPrefix("Validation failed: first_name: The first_name may not"))
        }
    }

    func testTypedThrowAndValidInput() throws {
        let order = Order(firstName: nil, email: nil, gender: nil, items: [], shipping: nil)
        do {
            try order.validate()
            XCTFail("expected a failure")
        } catch {
            // `error` is statically a ValidationFailure.
            XCTAssertEqual(error.violations.map(\.rule), ["required", "minItems"])
            XCTAssertEqual(error.fields["first_name"], ["The first_name field is required."])
        }
        try Order(firstName: "Sara", email: "s@x.sa", gender: .female, items: [Item(name: "a", quantity: 3)], shipping: nil)
            .validate()
    }

    func testManualRecordAndThrowIfInvalid() {
        var validator = Validator()
        XCTAssertTrue(validator.isValid)
        XCTAssertNoThrow(try validator.throwIfInvalid())
        validator.record(rule: "custom", message: "Nope.", at: .root)
        XCTAssertEqual(validator.violations.first?.description, "Nope.")
        XCTAssertThrowsError(try validator.throwIfInvalid())
    }
}
