import Foundation
import Testing
@testable import SecurityAudit

/// The network library (`Sources/SecurityAudit/Network`): every loopback test the audit
/// makes, and a guard that none is written again elsewhere.
struct NetworkLibraryTests {
    /// Upstream's `isLoopbackHost`, which the deep probe uses before it sends a token over
    /// plaintext `ws://`.
    @Test(arguments: [
        ("localhost", true), ("LOCALHOST", true), (" localhost ", true), ("127.0.0.1", true), ("127.9.8.7", true),
        ("127.000.0.1", true), ("[::1]", true), ("::1", true), ("0:0:0:0:0:0:0:1", true), ("0::1", true),
        ("::ffff:127.0.0.1", true), ("[::ffff:127.1.2.3]", true), ("::ffff:7f00:1", true),
        ("0.0.0.0", false), ("::", false), ("[::]", false), ("127.1", false), ("128.0.0.1", false), ("10.0.0.1", false),
        ("127.0.0.256", false), ("127.٣.0.1", false), ("::2", false), ("::ffff:10.0.0.1", false), ("localhost.example", false),
        ("", false), ("[]", false),
    ])
    func loopbackHost(_ host: String, _ loopback: Bool) {
        #expect(HostClassification.isLoopbackHost(host) == loopback)
    }

    /// The probe refuses plaintext to a host that is not loopback, whatever spelling.
    @Test func theProbeUsesTheLibrary() throws {
        for url in ["ws://127.0.0.1:18789", "ws://[::1]:18789", "ws://[0::1]:18789", "ws://localhost:1"] {
            let config = try loadedConfig(#"{ gateway: { mode: "remote", remote: { url: "\#(url)" } } }"#)
            #expect(throws: Never.self) { try GatewayTarget.resolve(config: config, environment: [:], configPath: "/c") }
        }
        let remote = try loadedConfig(#"{ gateway: { mode: "remote", remote: { url: "ws://10.0.0.2:18789" } } }"#)
        #expect(throws: GatewayTarget.PlaintextRemoteError.self) { try GatewayTarget.resolve(config: remote, environment: [:], configPath: "/c") }
    }

    @Test(arguments: [
        ("127.0.0.1", true), (" ::1 ", true), ("localhost", true), ("0.0.0.0", false), ("::", false),
        ("127.0.0.2", false), ("192.168.1.5", false),
    ])
    func publishHost(_ host: String, _ loopback: Bool) {
        #expect(HostClassification.isLoopbackPublishHost(host) == loopback)
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("::1", true), ("::1/128", true), ("127.0.0.1/32", true), (" 127.0.0.1 / 32 ", true),
        ("127.0.0.0/8", false), ("127.0.0.1/31", false), ("0:0:0:0:0:0:0:1", false), ("10.0.0.1", false), ("", false),
    ])
    func strictLoopbackProxyEntry(_ entry: String, _ strict: Bool) {
        #expect(HostClassification.isStrictLoopbackProxyEntry(entry) == strict)
    }

    func loadedConfig(_ text: String) throws -> ConfigNode {
        let dir = try TemporaryDirectory()
        let path = try dir.write("openclaw.json", text)
        return try ConfigLoader(environment: [:]).load(path: path).root
    }

    static let sourcesDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/SecurityAudit")

    /// A comparison with a loopback literal outside `Network/` is a loopback test written
    /// again; it belongs in `HostClassification`.
    @Test func noLoopbackTestOutsideTheLibrary() throws {
        let comparison = try Regex(#"(==|!=)\s*"(127\.0\.0\.1|::1|localhost|0\.0\.0\.0)"|"(127\.0\.0\.1|::1|localhost|0\.0\.0\.0)"\s*(==|!=)|hasPrefix\("(127\.|::ffff:)|(let|var)\s+\w+\s*(:\s*Set<String>)?\s*=\s*\[\s*"(127\.0\.0\.1|::1|localhost)""#)
        var found: [String] = []
        var scanned = 0
        let files = FileManager.default.enumerator(atPath: Self.sourcesDirectory.path)
        while let relative = files?.nextObject() as? String {
            guard relative.hasSuffix(".swift"), !relative.hasPrefix("Network/") else { continue }
            scanned += 1
            let text = try String(contentsOf: Self.sourcesDirectory.appendingPathComponent(relative), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(comparison) {
                found.append("\(relative):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(scanned > 100)
        #expect(found.isEmpty, "loopback tests outside Network/: \(found)")
    }
}
