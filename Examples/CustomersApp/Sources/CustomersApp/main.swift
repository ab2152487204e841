import CustomersSDK
import Foundation

/// Answers every request with a canned page of customers, so the example runs without a network.
struct StubTransport: Transport {
    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = #"{"status": 200, "success": true, "data": [{"id": 1, "first_name": "Ahmed", "gender": "male"}], "pagination": {"count": 1, "total": 1, "perPage": 15, "currentPage": 1, "totalPages": 1, "links": []}}"#
        return HTTPResponse(statusCode: 200, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

let client = SallaClient(accessToken: "example-token", transport: StubTransport())
let page = try await client.customers.list(page: 1)
for customer in page.items {
    print("customer \(customer.id ?? 0): \(customer.firstName ?? "?") (\(customer.gender?.rawValue ?? "no gender"))")
}
print("page \(page.pagination?.currentPage ?? 0) of \(page.pagination?.totalPages ?? 0)")
