import Foundation
import SallaRuntime
import XCTest

final class JSONValueTests: XCTestCase {
    func testRoundTrip() throws {
        let source = #"{"a":[1,2.5,"x",true,null,{"b":[]}],"c":{},"d":-3}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: json(source))
        XCTAssertEqual(value, ["a": [1, 2.5, "x", true, nil, ["b": []]], "c": [:], "d": -3])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(text(try encoder.encode(value)), source)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: try encoder.encode(value)), value)
    }

    func testScalarsAtTopLevel() throws {
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: json("null")), .null)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: json("false")), .bool(false))
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: json(#""s""#)), .string("s"))
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: json("7")), .number(7))
    }

    func testConveniences() {
        let value: JSONValue = ["name": "Ali", "tags": ["a", "b"], "age": 30, "ok": true, "ratio": 0.5, "none": nil]
        XCTAssertEqual(value["name"]?.stringValue, "Ali")
        XCTAssertEqual(value["tags"]?[1], "b")
        XCTAssertNil(value["tags"]?[2])
        XCTAssertNil(value["tags"]?[-1])
        XCTAssertNil(value[0])
        XCTAssertNil(value["name"]?["x"])
        XCTAssertEqual(value["age"]?.intValue, 30)
        XCTAssertNil(value["ratio"]?.intValue)
        XCTAssertEqual(value["ratio"]?.doubleValue, 0.5)
        XCTAssertEqual(value["ok"]?.boolValue, true)
        XCTAssertEqual(value["none"]?.isNull, true)
        XCTAssertEqual(value["tags"]?.arrayValue?.count, 2)
        XCTAssertEqual(value.objectValue?.count, 6)
        XCTAssertEqual(value["age"]?.scalarText, "30")
        XCTAssertNil(value["tags"]?.scalarText)
    }
}
