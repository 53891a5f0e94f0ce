import Foundation
import JSON5
@testable import SecurityAudit

/// Files of the project the report tests read: fixtures and the documented schema.
enum ProjectFile {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
    }

    static let sarifSchema = Result { try JSONSchemaValidator(schema: text("Tests/Fixtures/sarif-schema-2.1.0.json")) }
    static let reportSchema = Result { try JSONSchemaValidator(schema: text("docs/report.schema.json")) }
}

/// Audits `config` in `dir/state` at a chosen time, as the CLI does (suppressions
/// included), so expiry and locations can be tested.
func auditReport(in dir: TemporaryDirectory, config: String, timestamp: Int64 = 0, files: [String: String] = [:]) throws -> AuditReport {
    try dir.write("state/openclaw.json", config)
    for (path, text) in files { try dir.write("state/" + path, text) }
    try dir.makeDirectory("home")
    let context = try AuditPreparation.prepare(AuditRequest(
        environment: ["HOME": dir.url("home"), "OPENCLAW_STATE_DIR": dir.url("state")],
        cwd: dir.path, systemHome: nil, loadDotEnv: false))
    return Auditor.run(context, timestamp: timestamp)
}

/// Epoch milliseconds of an RFC 3339 instant, via Foundation (independent of ISODate).
func epochMilliseconds(_ text: String) -> Int64 {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    let date = formatter.date(from: text) ?? ISO8601DateFormatter().date(from: text)!
    return Int64((date.timeIntervalSince1970 * 1000).rounded())
}

extension CLITests {
    /// Runs `body` with a state dir holding `config`, with the modes a real one has, kept
    /// on disk until `body` returns.
    func withState(_ config: String, _ body: (TemporaryDirectory, [String: String]) throws -> Void) throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", config, mode: 0o600)
        chmod(dir.url("state"), 0o700)
        try withExtendedLifetime(dir) { try body(dir, environment(dir)) }
    }
}
