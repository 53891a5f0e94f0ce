// swift-tools-version: 6.0
import PackageDescription

// The libFuzzer target of the JSON5 parser and the config loader. A package of its own so
// that a plain `swift build` of the project never builds it: it only links with
// `-sanitize=fuzzer`, whose runtime supplies `main`. Build and run it with `Fuzz/run.sh`.
let package = Package(
    name: "openclaw-security-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "openclaw-security", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "ConfigFuzzer",
            dependencies: [
                .product(name: "JSON5", package: "openclaw-security"),
                .product(name: "SecurityAudit", package: "openclaw-security"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
