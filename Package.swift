// swift-tools-version: 6.0
import PackageDescription

// Dependencies, each from the toolchain's package list:
// - swift-argument-parser: the CLI (subcommands, help, usage errors with exit 64).
// - swift-nio (NIOCore, NIOPosix, NIOHTTP1, NIOWebSocket, NIOConcurrencyHelpers): the `--deep` gateway probe is a
//   WebSocket client with its own deadline; Foundation's URLSessionWebSocketTask on Linux gives
//   no control over the handshake, close codes or a hard stop, and the tests need a real
//   WebSocket peer on 127.0.0.1 built from the same parts. NIOConcurrencyHelpers' lock
//   collects the results of the parallel code-safety scan.
// - swift-nio-ssl (NIOSSL): `wss://` gateways (gateway.tls.enabled, remote wss:// URLs).
// - swift-crypto (Crypto): the probe's `device` block is an Ed25519 signature with the CLI's
//   device key (identity/device.json), as the gateway expects from operator clients.
// - sqlite-nio (SQLiteNIO): OpenClaw keeps its state in SQLite (state/openclaw.sqlite,
//   agents/<id>/agent/openclaw-agent.sqlite); the deep secret scan reads every row of them.
//   sqlite-nio compiles SQLite's own amalgamation (its VaporCSQLite target, symbols prefixed
//   sqlite_nio_) with the package, so `swift build` needs the Swift toolchain alone; GRDB
//   links the system's libsqlite3, which a fresh machine must first install (libsqlite3-dev).
//   The package exports no C-only product, so we depend on SQLiteNIO (its further
//   dependencies are swift-nio, already ours, and the small swift-log) and call the C API of
//   its VaporCSQLite module synchronously: the scan is one tight row loop under a deadline,
//   which SQLiteNIO's event-loop API would turn into a thread hop and a buffer per row.
// - ZIPFoundation (reading only): `--advisories` reads OSV's per-ecosystem export
//   (`npm/all.zip`, the file osv-scanner uses offline). That archive holds far more than
//   65,535 entries, so it needs ZIP64, plus deflate and CRC-32 checks; a reader of our own
//   would be a second zip implementation to keep safe against hostile archives, where
//   ZIPFoundation is maintained, streams one entry at a time (we cap each entry's inflated
//   size) and writes nothing. It links the system zlib on Linux.
let package = Package(
    name: "openclaw-security",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "openclaw-security", targets: ["openclaw-security"]),
        .library(name: "SecurityAudit", targets: ["SecurityAudit"]),
        .library(name: "JSON5", targets: ["JSON5"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "JSON5"),
        .target(
            name: "SecurityAudit",
            dependencies: [
                "JSON5",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "openclaw-security",
            dependencies: [
                "SecurityAudit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JSON5Tests", dependencies: ["JSON5"]),
        .testTarget(
            name: "SecurityAuditTests",
            dependencies: [
                "SecurityAudit",
                "JSON5",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
