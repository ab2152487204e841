import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SallaRuntime

/// A ``SallaRuntime/Transport`` over AsyncHTTPClient, for server-side apps (Vapor, Hummingbird
/// and other SwiftNIO servers) that already run an `HTTPClient`.
///
/// ```swift
/// let client = SallaClient(accessToken: token, transport: AsyncHTTPClientTransport())
/// ```
public struct AsyncHTTPClientTransport: Transport {
    /// The client requests are sent through.
    public let client: HTTPClient
    /// The largest answer body accepted; a larger one fails the attempt.
    public let maximumBodySize: Int

    /// Creates a transport on `client`, by default AsyncHTTPClient's shared one.
    public init(client: HTTPClient = .shared, maximumBodySize: Int = 32 * 1024 * 1024) {
        self.client = client
        self.maximumBodySize = maximumBodySize
    }

    /// Sends `request` and collects the whole answer.
    ///
    /// The deadline given to AsyncHTTPClient is only a backstop: the calling `SallaClient`
    /// times each attempt itself and cancels it, which AsyncHTTPClient honours at once.
    public func send(_ request: HTTPRequest, body: Data?) async throws -> (HTTPResponse, Data) {
        guard let url = request.url else { throw URLError(.badURL) }
        var outgoing = HTTPClientRequest(url: url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if let body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        do {
            let answer = try await client.execute(outgoing, timeout: .hours(1))
            let bytes = try await answer.body.collect(upTo: maximumBodySize)
            var fields = HTTPFields()
            for (name, value) in answer.headers {
                if let name = HTTPField.Name(name) { fields.append(HTTPField(name: name, value: value)) }
            }
            let response = HTTPResponse(status: .init(code: Int(answer.status.code)), headerFields: fields)
            return (response, Data(bytes.readableBytesView))
        } catch is CancellationError {
            throw CancellationError()
        } catch let error as HTTPClientError where error == .cancelled && Task.isCancelled {
            throw CancellationError()
        }
    }
}
