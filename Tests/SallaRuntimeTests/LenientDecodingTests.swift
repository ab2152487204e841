import Foundation
import SallaRuntime
import XCTest

final class LenientDecodingTests: XCTestCase {
    private struct Price: Decodable, Sendable, Equatable {
        var amount: Double?
        var currency: String?
        init(amount: Double?, currency: String?) {
            self.amount = amount
            self.currency = currency
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            amount = container.lenient(Double.self, forKey: AnyKey("amount"))
            currency = container.lenient(String.self, forKey: AnyKey("currency"))
        }
    }

    /// Every lenient overload applied to the same `v` member, the way a
    /// generated `init(from:)` calls them.
    private struct Probe: Decodable {
        var string: String?
        var int: Int?
        var int64: Int64?
        var double: Double?
        var bool: Bool?
        var price: Price?
        var json: JSONValue?
        var ints: [Int]?
        var strings: [String]?
        var doubles: [Double]?
        var bools: [Bool]?
        var prices: [Price]?
        var nestedInts: [[Int]]?
        var optionalInts: [Int?]?
        var intMap: [String: Int]?
        var stringMap: [String: String]?
        var priceMap: [String: Price]?
        var genericInt: Int?
        var genericInts: [Int]?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            let v = AnyKey("v")
            string = container.lenient(String.self, forKey: v)
            int = container.lenient(Int.self, forKey: v)
            int64 = container.lenient(Int64.self, forKey: v)
            double = container.lenient(Double.self, forKey: v)
            bool = container.lenient(Bool.self, forKey: v)
            price = container.lenient(Price.self, forKey: v)
            json = container.lenient(JSONValue.self, forKey: v)
            ints = container.lenient([Int].self, forKey: v)
            strings = container.lenient([String].self, forKey: v)
            doubles = container.lenient([Double].self, forKey: v)
            bools = container.lenient([Bool].self, forKey: v)
            prices = container.lenient([Price].self, forKey: v)
            nestedInts = container.lenient([[Int]].self, forKey: v)
            optionalInts = container.lenient([Int?].self, forKey: v)
            intMap = container.lenient([String: Int].self, forKey: v)
            stringMap = container.lenient([String: String].self, forKey: v)
            priceMap = container.lenient([String: Price].self, forKey: v)
            func generic<T: Decodable>(_ type: T.Type) -> T? { container.lenient(type, forKey: v) }
            genericInt = generic(Int.self)
            genericInts = generic([Int].self)
        }
    }

    /// Decodes `{"v": <value>}`, or `{}` when `value` is empty.
    private func probe(_ value: String) throws -> Probe {
        try JSONDecoder().decode(Probe.self, from: json(value.isEmpty ? "{}" : #"{"v":\#(value)}"#))
    }

    func testString() throws {
        XCTAssertEqual(try probe(#""abc""#).string, "abc")
        XCTAssertEqual(try probe("12").string, "12")
        XCTAssertEqual(try probe("35.5").string, "35.5")
        XCTAssertEqual(try probe("35.0").string, "35")
        XCTAssertEqual(try probe("true").string, "true")
        XCTAssertNil(try probe("null").string)
        XCTAssertNil(try probe("").string)
        XCTAssertNil(try probe("[1]").string)
        XCTAssertNil(try probe(#"{"a":1}"#).string)
    }

    func testInt() throws {
        XCTAssertEqual(try probe("35").int, 35)
        XCTAssertEqual(try probe("35.0").int, 35)
        XCTAssertEqual(try probe(#""35""#).int, 35)
        XCTAssertEqual(try probe(#""35.00""#).int, 35)
        XCTAssertEqual(try probe(#"" -7 ""#).int, -7)
        XCTAssertNil(try probe("35.5").int)
        XCTAssertNil(try probe(#""35.5""#).int)
        XCTAssertNil(try probe(#""abc""#).int)
        XCTAssertNil(try probe("true").int)
        XCTAssertNil(try probe("1e300").int)
        XCTAssertNil(try probe(#""1e300""#).int)
        XCTAssertNil(try probe("null").int)
        XCTAssertNil(try probe("").int)
    }

    func testInt64() throws {
        XCTAssertEqual(try probe("9000000000").int64, 9_000_000_000)
        XCTAssertEqual(try probe(#""9000000000""#).int64, 9_000_000_000)
        XCTAssertNil(try probe("false").int64)
    }

    func testDouble() throws {
        XCTAssertEqual(try probe("35").double, 35)
        XCTAssertEqual(try probe("35.25").double, 35.25)
        XCTAssertEqual(try probe(#""35.00""#).double, 35)
        XCTAssertNil(try probe(#""nan""#).double)
        XCTAssertNil(try probe(#""""#).double)
        XCTAssertNil(try probe("true").double)
        XCTAssertNil(try probe("null").double)
    }

    func testBool() throws {
        XCTAssertEqual(try probe("true").bool, true)
        XCTAssertEqual(try probe("0").bool, false)
        XCTAssertEqual(try probe("1").bool, true)
        XCTAssertEqual(try probe(#""1""#).bool, true)
        XCTAssertEqual(try probe(#""FALSE""#).bool, false)
        XCTAssertNil(try probe("2").bool)
        XCTAssertNil(try probe(#""yes""#).bool)
        XCTAssertNil(try probe("null").bool)
    }

    func testDecodableStruct() throws {
        XCTAssertEqual(
            try probe(#"{"amount":"35.00","currency":"SAR"}"#).price,
            Price(amount: 35, currency: "SAR")
        )
        XCTAssertNil(try probe(#""35 SAR""#).price)
        XCTAssertNil(try probe("[]").price)
        XCTAssertNil(try probe("null").price)
        XCTAssertEqual(try probe(#"{"a":[1]}"#).json, ["a": [1]])
    }

    func testArrays() throws {
        XCTAssertEqual(try probe(#"["1",2,"x",null,3.0]"#).ints, [1, 2, 3])
        XCTAssertEqual(try probe(#"["a",2,true,null]"#).strings, ["a", "2", "true"])
        XCTAssertEqual(try probe(#"["1.5",2]"#).doubles, [1.5, 2])
        XCTAssertEqual(try probe(#"[1,"0","maybe"]"#).bools, [true, false])
        XCTAssertEqual(
            try probe(#"[{"amount":1},"junk",{"amount":"2","currency":5}]"#).prices,
            [Price(amount: 1, currency: nil), Price(amount: 2, currency: "5")]
        )
        XCTAssertEqual(try probe(#"[["1",2],"x",[3]]"#).nestedInts, [[1, 2], [3]])
        XCTAssertEqual(try probe(#"[1,null,"2"]"#).optionalInts, [1, nil, 2])
        XCTAssertEqual(try probe("[]").ints, [])
        XCTAssertNil(try probe("5").ints)
        XCTAssertNil(try probe(#"{"a":1}"#).ints)
        XCTAssertNil(try probe("null").ints)
        XCTAssertNil(try probe("").prices)
    }

    func testDictionaries() throws {
        XCTAssertEqual(
            try probe(#"{"a":"1","b":2,"c":"x","d":null}"#).intMap,
            ["a": 1, "b": 2]
        )
        XCTAssertEqual(
            try probe(#"{"ar":"قميص","en":5}"#).stringMap,
            ["ar": "قميص", "en": "5"]
        )
        XCTAssertEqual(
            try probe(#"{"x":{"amount":"3"},"y":"bad"}"#).priceMap,
            ["x": Price(amount: 3, currency: nil)]
        )
        XCTAssertNil(try probe("[1]").intMap)
        XCTAssertNil(try probe("null").intMap)
    }

    func testGenericPathAppliesScalarRules() throws {
        XCTAssertEqual(try probe(#""42""#).genericInt, 42)
        XCTAssertEqual(try probe(#"["1",2]"#).genericInts, [1, 2])
    }
}
