import CustomersClient
import Foundation
import SallaRuntime

// Decoding what the API returns and encoding what is sent, through the generated Customers client
// (Tests/Golden/CustomersClient) beside hand-written structs with synthesized `Codable`: optional
// properties named as the JSON keys, default `JSONDecoder` and `JSONEncoder`.

/// One customer as the List Customers docs show it.
let customerJSON = #"""
{"id": 2075683582, "first_name": "Ahmed", "last_name": "Ali", "mobile": 777777777, "mobile_code": "967",
 "email": "ahmedali@test.test", "urls": {"customer": "https://shtara.com/profile", "admin": "https://shtara.com/profiley"},
 "avatar": "https://i.ibb.co/jyqRQfQ/avatar-male.webp", "gender": "male", "city": "Riyadh", "country": "السعودية",
 "location": "Alaziziah Street, building number 5",
 "updated_at": {"date": "2020-04-02 22:43:26.000000", "timezone_type": 3, "timezone": "Asia/Riyadh"},
 "groups": [11323141, 11323142]}
"""#

/// A 60-item page of the docs' example customer.
let pageJSON = Data(("""
    {"status": 200, "success": true, "data": [\(Array(repeating: customerJSON, count: 60).joined(separator: ","))],
     "pagination": {"count": 60, "total": 600, "perPage": 60, "currentPage": 1, "totalPages": 10, "links": {"next": "https://api.salla.dev/admin/v2/customers?page=2"}}}
    """).utf8)
let singleJSON = Data(#"{"status": 200, "success": true, "data": \#(customerJSON)}"#.utf8)

struct BaselineURLs: Codable { var customer: String?; var admin: String? }
struct BaselineDate: Codable { var date: String?; var timezone_type: Double?; var timezone: String? }
struct BaselineCustomer: Codable {
    var id: Int?; var first_name: String?; var last_name: String?; var mobile: Int?; var mobile_code: String?
    var email: String?; var urls: BaselineURLs?; var avatar: String?; var gender: String?; var city: String?
    var country: String?; var location: String?; var updated_at: BaselineDate?; var groups: [Int]?
}
struct BaselineLinks: Codable { var next: String?; var previous: String? }
struct BaselinePagination: Codable {
    var count: Int?; var total: Int?; var perPage: Int?; var currentPage: Int?; var totalPages: Int?; var links: BaselineLinks?
}
struct BaselinePage: Codable { var status: Int?; var success: Bool?; var data: [BaselineCustomer]?; var pagination: BaselinePagination? }
struct BaselineSingle: Codable { var status: Int?; var success: Bool?; var data: BaselineCustomer? }
struct BaselineRequestBody: Codable {
    var first_name: String?; var last_name: String?; var mobile: String?; var mobile_code_country: String?
    var email: String?; var gender: String?; var birthday: String?; var groups: [Int]?
}

struct CodecFigures {
    var label: String
    var generated: Sample
    var baseline: Sample
}

/// Times `generated` and `baseline` over `repeats` calls each, alternating run by run so that
/// the machine's drift touches both alike; per call, after a warm-up of each.
func paired(_ label: String, runs: Int, repeats: Int, generated: () throws -> Void, baseline: () throws -> Void) rethrows -> CodecFigures {
    try generated()
    try baseline()
    var figures = CodecFigures(label: label, generated: Sample(), baseline: Sample())
    for _ in 0..<runs {
        figures.generated.add(try timed { for _ in 0..<repeats { try generated() } }.seconds / Double(repeats))
        figures.baseline.add(try timed { for _ in 0..<repeats { try baseline() } }.seconds / Double(repeats))
    }
    return figures
}

func measureCodec(runs: Int) throws -> [CodecFigures] {
    let decoder = JSONDecoder()
    let encoder = JSONEncoder()
    let body = CustomerRequestBody(firstName: "Ahmed", lastName: "Ali", mobile: "555000111", mobileCodeCountry: "+966",
                                   email: "ahmed@example.com", gender: .male, birthday: "1997-06-03", groups: [1, 2, 3])
    let baselineBody = BaselineRequestBody(first_name: "Ahmed", last_name: "Ali", mobile: "555000111", mobile_code_country: "+966",
                                           email: "ahmed@example.com", gender: "male", birthday: "1997-06-03", groups: [1, 2, 3])
    let samples = max(runs * 3, 9)
    return [
        try paired("decode a 60-item page", runs: samples, repeats: 50, generated: {
            _ = try SallaClient.decodeResponse(PagedEnvelope<Customer>.self, statusCode: 200, body: pageJSON).page
        }, baseline: { _ = try decoder.decode(BaselinePage.self, from: pageJSON) }),
        try paired("decode one Customer", runs: samples, repeats: 2000, generated: {
            _ = try SallaClient.decodeResponse(Envelope<Customer>.self, statusCode: 200, body: singleJSON).data
        }, baseline: { _ = try decoder.decode(BaselineSingle.self, from: singleJSON) }),
        try paired("encode a request body", runs: samples, repeats: 5000, generated: {
            var request = Request(method: .post, path: "/customers")
            try request.setJSONBody(body)
        }, baseline: { _ = try encoder.encode(baselineBody) }),
    ]
}

func printCodec(runs: Int) {
    print("Decoding and encoding: the generated Customers client beside synthesized Codable (per call, release)")
    print("  " + pad("", 28) + padLeft("generated", 12) + padLeft("synthesized", 13) + padLeft("ratio", 8))
    do {
        for figures in try measureCodec(runs: runs) {
            let ratio = figures.generated.median / max(figures.baseline.median, 1e-12)
            print("  " + pad(figures.label, 28) + padLeft(formatMicroseconds(figures.generated.median), 12)
                + padLeft(formatMicroseconds(figures.baseline.median), 13) + padLeft(String(format: "%.2f×", ratio), 8))
        }
        print("  (medians; the page is \(pageJSON.count / 1024) KB. The generated path is SallaClient.decodeResponse, error-envelope check")
        print("   and lenient fallbacks included, and setJSONBody with sorted keys for encoding)")
    } catch {
        print("  failed: \(error)")
    }
    print("")
}

func formatMicroseconds(_ seconds: Double) -> String {
    seconds >= 1e-3 ? String(format: "%.2f ms", seconds * 1e3) : String(format: "%.1f µs", seconds * 1e6)
}
