// swift-tools-version: 6.0
import PackageDescription

// Dependencies, each from the toolchain's package list:
// - swift-argument-parser: the CLI (subcommands, help, usage errors with exit 64).
let package = Package(
    name: "openclaw-security",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openclaw", targets: ["openclaw"]),
        .library(name: "SecurityAudit", targets: ["SecurityAudit"]),
        .library(name: "JSON5", targets: ["JSON5"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "JSON5"),
        .target(name: "SecurityAudit", dependencies: ["JSON5"]),
        .executableTarget(
            name: "openclaw",
            dependencies: [
                "SecurityAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JSON5Tests", dependencies: ["JSON5"]),
        .testTarget(name: "SecurityAuditTests", dependencies: ["SecurityAudit", "JSON5"]),
    ],
    swiftLanguageModes: [.v6]
)
