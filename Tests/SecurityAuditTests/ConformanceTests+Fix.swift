import Foundation
import JSON5
@testable import SecurityAudit

/// The `mode: "fix"` cases, checked as run.py checks them: fix.ok / configWritten, the
/// change strings, the modes after the fix and config values read back from the file.
extension ConformanceTests {
    static func runFix(_ raw: [String: Any], request: AuditRequest, state: String) -> [String] {
        var result = SecurityFixResult(stateDir: "", configPath: "")
        var report = AuditReport(timestamp: 0, findings: [])
        var session = AuditSession(request: request, fix: .apply)
        session.now = { 0 }
        do {
            let outcome = try session.run()
            result = outcome.fix ?? result
            report = outcome.report
        } catch {
            // As the CLI: the config is neither edited nor audited, its file and the state
            // dir are still tightened, and the report holds no finding.
            if case .configInvalid(_, fix: let tightened?) = error {
                result = tightened.fix ?? result
                report = tightened.report
            }
        }
        var problems: [String] = []
        let expect = raw["expect"] as? [String: Any] ?? [:]
        for (key, want) in expect["fixResult"] as? [String: Any] ?? [:] {
            let got: Bool? = switch key {
            case "ok": result.ok
            case "configWritten": result.configWritten
            default: nil
            }
            if got != want as? Bool { problems.append("fix.\(key) is \(String(describing: got)), expected \(want)") }
        }
        for want in expect["fixChanges"] as? [String] ?? [] where !result.changes.contains(want) {
            problems.append("fix.changes lacks \(want) (has \(result.changes))")
        }
        for entry in expect["fsAfter"] as? [[String: Any]] ?? [] {
            let path = PathNormalization.resolve(entry["path"] as? String ?? ".", cwd: state)
            var info = stat()
            guard stat(path, &info) == 0 else {
                problems.append("\(path): missing")
                continue
            }
            let want = UInt32(entry["mode"] as? String ?? "", radix: 8)
            if UInt32(info.st_mode) & 0o777 != want {
                problems.append("\(entry["path"] ?? "") has mode \(String(UInt32(info.st_mode) & 0o777, radix: 8))")
            }
        }
        if let configAfter = expect["configAfter"] as? [String: Any] {
            guard let data = FileManager.default.contents(atPath: state + "/openclaw.json"),
                  let after = try? JSON5.parse(bytes: Array(data))
            else { return problems + ["fixed openclaw.json does not parse"] }
            for (key, want) in configAfter {
                var node: JSON5Node? = after
                for part in key.split(separator: ".") { node = node?[key: String(part)] }
                if want is NSNull {
                    if node != nil { problems.append("config \(key) should be absent") }
                } else if plain(node) as? NSObject != want as? NSObject {
                    problems.append("config \(key) is \(String(describing: node.map(plain))), expected \(want)")
                }
            }
        }
        return problems + check(raw, findings: report.findings)
    }

    /// A parsed value as the Foundation value JSONSerialization gives for the case file.
    static func plain(_ node: JSON5Node?) -> Any? {
        guard let node else { return nil }
        switch node.value {
        case .null: return NSNull()
        case .bool(let b): return b
        case .number(let n): return n.value
        case .string(let s): return s
        case .array(let items): return items.map { plain($0) ?? NSNull() }
        case .object(let members): return Dictionary(members.map { ($0.key, plain($0.value) ?? NSNull()) }) { $1 }
        }
    }
}
