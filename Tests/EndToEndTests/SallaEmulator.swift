import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs `salla_emulator.py` (next to this file), a small emulator of the Salla Merchant API, in a
/// `python3` child process for the end-to-end tests.
///
/// The server lives as long as its stdin stays open: `stop()` (or `deinit`) closes it, and so does the
/// death of the test process, so no server outlives the tests. Each test works in a run of its own:
/// `configure(_:_:)` picks the scenario and answers the run's URLs, `log(_:)` the requests it saw.
final class SallaEmulator: @unchecked Sendable {
    /// One test's slice of the server: its own scenario, counters and request log.
    struct Run: Sendable {
        let id: String
        /// `http://127.0.0.1:<port>/<id>/admin/v2`
        let baseURL: URL
        /// `http://127.0.0.1:<port>/<id>/oauth2/token`
        let tokenURL: URL
    }

    /// A request as the server received it.
    struct LoggedRequest: Decodable, Sendable {
        /// One part of a multipart/form-data body.
        struct Part: Decodable, Sendable {
            let name: String
            let filename: String?
            let contentType: String?
            let content: Data

            enum CodingKeys: String, CodingKey {
                case name, filename, content
                case contentType = "content_type"
            }
        }

        let method: String
        /// The path without the query, `/<run id>/admin/v2/...`.
        let path: String
        /// The raw query string, "" if none.
        let query: String
        /// Lower-cased names.
        let headers: [String: String]
        let body: Data
        /// Seconds since 1970 when the request arrived.
        let time: Double
        /// Only for multipart/form-data bodies.
        let parts: [Part]?
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: Int

    private let process: Process
    private let input: Pipe
    private let lock = NSLock()
    private var stopped = false

    private static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("salla_emulator.py")

    private init(process: Process, input: Pipe, port: Int) {
        self.process = process
        self.input = input
        self.port = port
    }

    deinit {
        stop()
    }

    /// Starts a server and waits (at most 10 s) for the port it listens on.
    static func start() throws -> SallaEmulator {
        guard pythonIsOnPath() else {
            throw Failure(description: "The end-to-end tests need python3 on PATH to run their Salla API emulator (\(script.path)); install Python 3.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw Failure(description: "Could not start python3 for the Salla API emulator: \(error)")
        }

        let reader = PortReader(output.fileHandleForReading)
        let port: Int
        switch reader.wait(seconds: 10) {
        case .port(let value):
            port = value
        case .failed(let text):
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            let status = process.terminationStatus
            if status == 127 {
                throw Failure(description: "The end-to-end tests need python3 to run their Salla API emulator; /usr/bin/env could not find it.")
            }
            throw Failure(description: "The Salla API emulator ended (status \(status)) before it printed its port; it printed: \(text.debugDescription)")
        case .timedOut:
            process.terminate()
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
            throw Failure(description: "The Salla API emulator did not print its port within 10 s.")
        }
        return SallaEmulator(process: process, input: input, port: port)
    }

    /// Starts a new run of `scenario` with `params` (see salla_emulator.py).
    func configure(_ scenario: String, _ params: [String: Any] = [:]) async throws -> Run {
        var config = params
        config["scenario"] = scenario
        let body = try JSONSerialization.data(withJSONObject: config)
        let id = UUID().uuidString.lowercased()
        var request = URLRequest(url: serverURL("__control/\(id)"))
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let (answer, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 204 else {
            throw Failure(description: "The emulator refused scenario \(scenario) (\(status)): \(String(decoding: answer, as: UTF8.self))")
        }
        return Run(
            id: id,
            baseURL: serverURL("\(id)/admin/v2"),
            tokenURL: serverURL("\(id)/oauth2/token")
        )
    }

    /// Every request the run has seen so far (API and token endpoint), in order of arrival.
    func log(_ run: Run) async throws -> [LoggedRequest] {
        let (answer, response) = try await URLSession.shared.data(from: serverURL("__log/\(run.id)"))
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw Failure(description: "The emulator has no log for run \(run.id) (\(status)): \(String(decoding: answer, as: UTF8.self))")
        }
        return try JSONDecoder().decode([LoggedRequest].self, from: answer)
    }

    /// Closes the server's stdin, which ends it, and waits for it to exit (it is killed after 5 s).
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        if process.isRunning {
            process.terminate()
        }
        process.waitUntilExit()
    }

    private func serverURL(_ path: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(path)")!
    }

    private static func pythonIsOnPath() -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/python3")
        }
    }
}

/// Reads the server's stdout on a thread of its own until the `PORT <n>` line, or EOF.
private final class PortReader: @unchecked Sendable {
    enum Outcome {
        case port(Int)
        case failed(String)
        case timedOut
    }

    private let handle: FileHandle
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var outcome: Outcome = .timedOut

    init(_ handle: FileHandle) {
        self.handle = handle
        let thread = Thread { [self] in read() }
        thread.name = "SallaEmulator stdout"
        thread.start()
    }

    func wait(seconds: Double) -> Outcome {
        guard done.wait(timeout: .now() + seconds) == .success else { return .timedOut }
        lock.lock()
        defer { lock.unlock() }
        return outcome
    }

    private func read() {
        var buffer = Data()
        var result = Outcome.failed("")
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty {  // EOF: the process ended
                result = .failed(String(decoding: buffer, as: UTF8.self))
                break
            }
            buffer.append(chunk)
            guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else { continue }
            let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("PORT "), let port = Int(line.dropFirst(5)) {
                result = .port(port)
            } else {
                result = .failed(String(decoding: buffer, as: UTF8.self))
            }
            break
        }
        lock.lock()
        outcome = result
        lock.unlock()
        done.signal()
    }
}
