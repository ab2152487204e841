// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sallagen",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .executable(name: "sallagen", targets: ["sallagen"]),
        .library(name: "SallaRuntime", targets: ["SallaRuntime"]),
        // The AsyncHTTPClient transport for server-side apps, a product of its own so that an app
        // using only SallaRuntime (the URLSession default) never builds AsyncHTTPClient and SwiftNIO.
        .library(name: "SallaAsyncHTTPClient", targets: ["SallaAsyncHTTPClient"]),
        .library(name: "SallaGenKit", targets: ["SallaGenKit"]),
        // A build-tool plugin that generates a target's client from the OpenAPI documents inside it.
        .plugin(name: "SallaGenPlugin", targets: ["SallaGenPlugin"]),
        // `swift package --allow-writing-to-package-directory generate-salla-client`: the same, into the target's files.
        .plugin(name: "GenerateSallaClient", targets: ["GenerateSallaClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        // Stage 0: libyaml, the only C dependency.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Diagnostics are values shared by every stage.
        .target(name: "Diagnostics"),
        // Stage 1: YAML text -> node tree with line:col.
        .target(name: "YAMLLoader", dependencies: ["CYAML", "Diagnostics"]),
        // Stage 2: the spec IR, which knows nothing of OpenAPI or Swift.
        .target(name: "SpecIR", dependencies: ["Diagnostics"]),
        // Stage 2: OpenAPI node trees -> spec IR.
        .target(name: "OpenAPIReader", dependencies: ["YAMLLoader", "SpecIR", "Diagnostics"]),
        // Stage 3: spec IR -> Swift render model (every naming and typing decision).
        .target(name: "SwiftShaping", dependencies: ["SpecIR", "Diagnostics"]),
        // Stage 4: render model -> file contents through Templates/*.mustache.
        .target(
            name: "TemplateRendering",
            dependencies: ["SwiftShaping", "SpecIR", "OutputWriter", "Diagnostics", .product(name: "Mustache", package: "swift-mustache")],
            plugins: ["EmbedTemplates"]
        ),
        // Two render models -> the changes to the Swift API a caller can touch, for `sallagen diff`.
        .target(name: "APIDiff", dependencies: ["SwiftShaping", "Diagnostics"]),
        // Spec IR -> a normalised OpenAPI document, for `sallagen merge`.
        .target(name: "OpenAPIWriter", dependencies: ["SpecIR"]),
        // Stage 5: write only what changed, never touch foreign files.
        .target(name: "OutputWriter", dependencies: ["Diagnostics"]),
        // The pipeline, as a library for the CLI, the tests and the benchmark.
        .target(
            name: "SallaGenKit",
            dependencies: ["YAMLLoader", "OpenAPIReader", "OpenAPIWriter", "SpecIR", "SwiftShaping", "TemplateRendering", "OutputWriter", "Diagnostics"]
        ),
        .executableTarget(
            name: "sallagen",
            dependencies: ["SallaGenKit", "APIDiff", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What generated code imports.
        .target(
            name: "SallaRuntime",
            dependencies: [
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HTTPTypesFoundation", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // SallaRuntime's Transport over AsyncHTTPClient (Vapor, Hummingbird and other NIO servers).
        .target(
            name: "SallaAsyncHTTPClient",
            dependencies: ["SallaRuntime", .product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        // Build-time helper that turns Templates/*.mustache into Swift string literals.
        .executableTarget(name: "embed-templates"),
        .plugin(name: "EmbedTemplates", capability: .buildTool(), dependencies: ["embed-templates"]),
        .plugin(name: "SallaGenPlugin", capability: .buildTool(), dependencies: ["sallagen"]),
        .plugin(
            name: "GenerateSallaClient",
            capability: .command(
                intent: .custom(verb: "generate-salla-client", description: "Write the generated Salla client into each target that holds Salla OpenAPI documents."),
                permissions: [.writeToPackageDirectory(reason: "The generated client is written into the target's Generated folder.")]),
            dependencies: ["sallagen"]),

        // Tests, one target per stage, sharing one support library (package root, temporary
        // folders, processes, the compiler, snippet documents).
        .target(
            name: "TestSupport",
            dependencies: ["SallaGenKit", "OpenAPIReader", "SpecIR", "YAMLLoader", "Diagnostics"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "YAMLLoaderTests", dependencies: ["YAMLLoader"]),
        .testTarget(name: "OpenAPIReaderTests", dependencies: ["OpenAPIReader", "SpecIR", "Diagnostics", "TestSupport"]),
        .testTarget(name: "SwiftShapingTests", dependencies: ["SwiftShaping", "SpecIR", "Diagnostics", "SallaGenKit", "TestSupport"]),
        .testTarget(name: "TemplateRenderingTests", dependencies: ["TemplateRendering", "SallaGenKit"]),
        .testTarget(name: "SallaGenKitTests", dependencies: ["SallaGenKit", "YAMLLoader", "OpenAPIWriter", "OutputWriter", "SpecIR", "SwiftShaping", "TestSupport"]),
        // A transport that records requests and answers from a queue, and a list any task may add to,
        // for the runtime's, the golden client's and the end-to-end tests.
        .target(name: "RuntimeTestSupport", dependencies: ["SallaRuntime"], path: "Tests/RuntimeTestSupport"),
        .testTarget(name: "SallaRuntimeTests", dependencies: ["SallaRuntime", "RuntimeTestSupport"]),
        // Release-mode figures for the README: `swift run -c release sallagen-benchmark`.
        .executableTarget(
            name: "sallagen-benchmark",
            dependencies: ["SallaGenKit", "YAMLLoader", "SwiftShaping", "Diagnostics", "CYAML", "CustomersClient", "SallaRuntime"],
            path: "Benchmarks/sallagen-benchmark"),
        // The golden output for specs/customers.yaml, compiled as a consumer would, warnings as errors.
        .target(
            name: "CustomersClient",
            dependencies: ["SallaRuntime"],
            path: "Tests/Golden/CustomersClient",
            swiftSettings: [.unsafeFlags(["-warnings-as-errors"])]
        ),
        .testTarget(name: "CustomersClientTests", dependencies: ["CustomersClient", "SallaRuntime", "RuntimeTestSupport"]),
        // The golden client over a real socket against a Salla emulator on 127.0.0.1, through both transports.
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "CustomersClient", "SallaRuntime", "SallaAsyncHTTPClient", "RuntimeTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["salla_emulator.py"]
        ),
    ]
)
