// swift-tools-version: 6.0
import PackageDescription

// A package that keeps the Salla Customers docs in its own target and lets the sallagen build
// plugin generate the client. It names the dependency, so it resolves whatever folder the
// sallagen checkout is in.
let package = Package(
    name: "CustomersApp",
    platforms: [.macOS(.v13), .iOS(.v16)],
    dependencies: [
        .package(name: "sallagen", path: "../.."),
    ],
    targets: [
        .target(
            name: "CustomersSDK",
            dependencies: [.product(name: "SallaRuntime", package: "sallagen")],
            plugins: [.plugin(name: "SallaGenPlugin", package: "sallagen")]
        ),
        .executableTarget(name: "CustomersApp", dependencies: ["CustomersSDK", .product(name: "SallaRuntime", package: "sallagen")]),
    ]
)
