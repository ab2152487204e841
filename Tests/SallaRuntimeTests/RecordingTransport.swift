import Foundation
import SallaRuntime

/// Captures every request and answers with canned responses, in order; the
/// last response repeats.
actor RecordingTransport: Transport {
    private(set) var requests: [HTTPRequest] = []
    private var responses: [HTTPResponse]

    init(_ responses: HTTPResponse...) {
        self.responses = responses
    }

    init(status: Int = 200, json: String) {
        self.responses = [HTTPResponse(statusCode: status, headers: ["Content-Type": "application/json"], body: Data(json.utf8))]
    }

    var lastRequest: HTTPRequest? { requests.last }

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        requests.append(request)
        guard let first = responses.first else { throw URLError(.resourceUnavailable) }
        if responses.count > 1 { responses.removeFirst() }
        return first
    }
}

func json(_ text: String) -> Data { Data(text.utf8) }

func text(_ data: Data?) -> String? { data.map { String(decoding: $0, as: UTF8.self) } }
