import CustomersSDK
import Foundation
import SallaRuntime

/// Answers every request with a canned page of customers, so the example runs without a network.
let transport = InMemoryTransport { _, _ in
    .json(#"{"status": 200, "success": true, "data": [{"id": 1, "first_name": "Ahmed", "gender": "male"}], "pagination": {"count": 1, "total": 1, "perPage": 15, "currentPage": 1, "totalPages": 1, "links": []}}"#)
}

let client = SallaClient(accessToken: "example-token", transport: transport)
let page = try await client.customers.list(page: 1)
for customer in page.items {
    print("customer \(customer.id ?? 0): \(customer.firstName ?? "?") (\(customer.gender?.rawValue ?? "no gender"))")
}
print("page \(page.pagination?.currentPage ?? 0) of \(page.pagination?.totalPages ?? 0)")
for try await customer in client.customers.listAll() {
    print("every page: customer \(customer.id ?? 0)")
}
