import Foundation

// MARK: - Scale: synthetic APIs of growing size

/// A synthetic API of `operations` calls shaped like the Salla docs: documents of 40 calls, each
/// resource of four calls (list, create, read, update) in its own tag with its own component, the
/// shared `Pagination` component repeated in every document, inline bodies, enums and nesting.
func writeSyntheticAPI(operations: Int, into folder: URL) throws {
    let resources = (operations + 3) / 4
    let perDocument = 10
    var written = 0
    for first in stride(from: 0, to: resources, by: perDocument) {
        var paths = ""
        var schemas = syntheticPagination
        for resource in first..<min(first + perDocument, resources) {
            let calls = min(4, operations - written)
            guard calls > 0 else { break }
            paths += syntheticPaths(resource, calls: calls)
            schemas += syntheticComponent(resource)
            written += calls
        }
        let text = "openapi: 3.0.1\ninfo: {title: Synthetic, version: '1'}\npaths:\n" + paths + "components:\n  schemas:\n" + schemas
        try Data(text.utf8).write(to: folder.appendingPathComponent("doc\(first / perDocument).yaml"))
    }
}

private let syntheticPagination = """
        Pagination:
          type: object
          properties:
            count: {type: integer}
            total: {type: integer}
            perPage: {type: integer}
            currentPage: {type: integer}
            totalPages: {type: integer}
            links: {type: object, properties: {next: {type: string}, previous: {type: string}}}

    """

private func syntheticComponent(_ r: Int) -> String {
    """
        Resource\(r):
          type: object
          description: Resource number \(r).
          properties:
            id: {type: integer, description: The id.}
            name: {type: string, maxLength: 100, description: The name.}
            email: {type: string, format: email}
            status: {type: string, enum: [active, inactive, pending]}
            price: {type: object, properties: {amount: {type: number}, currency: {type: string, pattern: '^[A-Z]{3}$'}}}
            tags: {type: array, items: {type: object, properties: {label: {type: string}, weight: {type: integer, minimum: 0}}}}
            created_at: {type: string, format: date-time}

    """
}

private func syntheticPaths(_ r: Int, calls: Int) -> String {
    let envelope = { (data: String) in
        "{type: object, properties: {status: {type: integer}, success: {type: boolean}, data: \(data)}}"
    }
    let list = """
          /resources\(r):
            get:
              operationId: listResources\(r)
              tags: [Resources\(r)]
              summary: List resources \(r)
              parameters:
                - {name: page, in: query, schema: {type: integer}}
                - {name: sort, in: query, schema: {type: string, enum: [name, created_at]}}
              responses:
                '200':
                  description: OK
                  content:
                    application/json:
                      schema: {type: object, properties: {status: {type: integer}, success: {type: boolean}, data: {type: array, items: {$ref: '#/components/schemas/Resource\(r)'}}, pagination: {$ref: '#/components/schemas/Pagination'}}}

        """
    let create = """
            post:
              operationId: createResource\(r)
              tags: [Resources\(r)]
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name: {type: string, maxLength: 100}
                        email: {type: string, format: email}
                        status: {type: string, enum: [active, inactive, pending]}
                        notes: {type: string}
              responses:
                '201': {description: Created, content: {application/json: {schema: \(envelope("{$ref: '#/components/schemas/Resource\(r)'}"))}}}

        """
    let read = """
          /resources\(r)/{id}:
            get:
              operationId: getResource\(r)
              tags: [Resources\(r)]
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              responses:
                '200': {description: OK, content: {application/json: {schema: \(envelope("{$ref: '#/components/schemas/Resource\(r)'}"))}}}

        """
    let update = """
            put:
              operationId: updateResource\(r)
              tags: [Resources\(r)]
              parameters:
                - {name: id, in: path, required: true, schema: {type: integer}}
              requestBody:
                content:
                  application/json:
                    schema: {type: object, properties: {name: {type: string, maxLength: 100}, status: {type: string, enum: [active, inactive, pending]}}}
              responses:
                '200': {description: OK, content: {application/json: {schema: \(envelope("{$ref: '#/components/schemas/Resource\(r)'}"))}}}

        """
    return [list, create, read, update].prefix(calls).joined()
}

struct ScaleFigures {
    var operations: Int
    var seconds: Double
    /// User plus system time: steadier than wall time on a machine doing other work.
    var cpuSeconds: Double
    var peakKilobytes: Int
}

/// Generates each synthetic size through the CLI `runs` times and keeps the fastest run.
func measureScale(_ binary: String, sizes: [Int], runs: Int) -> [ScaleFigures] {
    let manager = FileManager.default
    let scratch = manager.temporaryDirectory.appendingPathComponent("sallagen-benchmark-scale-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: scratch) }
    var figures: [ScaleFigures] = []
    for size in sizes {
        let specs = scratch.appendingPathComponent("specs\(size)")
        do {
            try manager.createDirectory(at: specs, withIntermediateDirectories: true)
            try writeSyntheticAPI(operations: size, into: specs)
            var best: ScaleFigures?
            for run in 0..<runs {
                let output = scratch.appendingPathComponent("out\(size)-\(run)")
                let result = try spawnMeasured(binary, [specs.path, "-o", output.path], scratch: scratch)
                guard result.exitStatus == 0 else {
                    print("  sallagen exited with status \(result.exitStatus) on \(size) operations:\n\(result.standardError.suffix(2000))")
                    return figures
                }
                if best.map({ result.seconds < $0.seconds }) ?? true {
                    best = ScaleFigures(operations: size, seconds: result.seconds, cpuSeconds: result.cpuSeconds, peakKilobytes: result.peakRSSKilobytes)
                }
            }
            if let best { figures.append(best) }
        } catch {
            print("  \(error)")
            return figures
        }
    }
    return figures
}
