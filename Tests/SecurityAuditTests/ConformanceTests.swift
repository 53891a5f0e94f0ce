import Foundation
import Testing
@testable import SecurityAudit

/// The cases of the original's own test suite (`Tests/Fixtures/conformance/cases.json`,
/// copied from shared/conformance) run against the engine, with the same rules as the
/// black-box runner `run.py`: a case on the known-failures list must still fail, and a
/// case off it must pass, so the list can only shrink.
struct ConformanceTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    struct Case: CustomTestStringConvertible, @unchecked Sendable {
        let id: String
        let raw: [String: Any]
        var testDescription: String { id }
    }

    static let cases: [Case] = {
        let url = fixtures.appendingPathComponent("conformance/cases.json")
        guard let data = try? Data(contentsOf: url),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.map { Case(id: $0["id"] as? String ?? "?", raw: $0) }
    }()

    static let knownFailures: Set<String> = {
        let url = fixtures.deletingLastPathComponent().appendingPathComponent("conformance-known-failures.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap { line in
            let id = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first?
                .trimmingCharacters(in: .whitespaces) ?? ""
            return id.isEmpty ? nil : id
        })
    }()

    @Test func casesAreLoaded() {
        #expect(Self.cases.count >= 124)
        #expect(Set(Self.cases.map(\.id)).isSuperset(of: Self.knownFailures), "known-failures names unknown cases")
    }

    @Test(arguments: cases)
    func conformanceCase(_ testCase: Case) throws {
        let problems = try Self.run(testCase.raw)
        if Self.knownFailures.contains(testCase.id) {
            #expect(!problems.isEmpty, "\(testCase.id) passes now: take it off Tests/conformance-known-failures.txt")
        } else {
            #expect(problems.isEmpty, "\(testCase.id): \(problems.joined(separator: "; "))")
        }
    }

    // MARK: - Building and checking a case, as run.py does

    static func substitute(_ value: Any, stateDir: String) -> Any {
        switch value {
        case let s as String: return s.replacingOccurrences(of: "{stateDir}", with: stateDir)
        case let a as [Any]: return a.map { substitute($0, stateDir: stateDir) }
        case let d as [String: Any]: return d.mapValues { substitute($0, stateDir: stateDir) }
        default: return value
        }
    }

    /// The release each era's cases describe (run.py's `ERA_RELEASE`).
    static let eraRelease = ["2026-02": "2026.2.26"]

    static func run(_ raw: [String: Any]) throws -> [String] {
        let root = try TemporaryDirectory()
        // A case with explicit paths (an absolute state dir such as /Users/test/Dropbox/.openclaw)
        // is laid out at that path under the root, so path-only checks see the same tail.
        let explicitState = (raw["paths"] as? [String: Any])?["stateDir"] as? String
        let state = explicitState.map { root.url(String($0.drop(while: { $0 == "/" }))) } ?? root.url("state")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let entries = raw["fs"] as? [[String: Any]] ?? []
        // An openclaw.json entry without content only sets the file's mode: the case's config fills it.
        let writesConfig = entries.contains { $0["path"] as? String == "openclaw.json" && $0["content"] != nil }
        var modes: [(String, mode_t)] = []
        for entry in entries {
            let relative = entry["path"] as? String ?? "."
            let path = PathNormalization.resolve(relative, cwd: state)
            switch entry["kind"] as? String ?? "file" {
            case "dir":
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            case "symlink":
                try FileManager.default.createDirectory(atPath: PathNormalization.dirname(path), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: path)
                let target = PathNormalization.resolve(entry["target"] as? String ?? "", cwd: state)
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            case _ where relative == "openclaw.json" && !writesConfig:
                break
            default:
                try FileManager.default.createDirectory(atPath: PathNormalization.dirname(path), withIntermediateDirectories: true)
                let content = substitute(entry["content"] as? String ?? "", stateDir: state) as! String
                try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            }
            if let mode = entry["mode"] as? String, entry["kind"] as? String != "symlink" {
                modes.append((path, mode_t(mode, radix: 8)!))
            }
        }
        if !writesConfig {
            let config = substitute(raw["config"] ?? [String: Any](), stateDir: state)
            let data = try JSONSerialization.data(withJSONObject: config, options: [.prettyPrinted])
            try data.write(to: URL(fileURLWithPath: state + "/openclaw.json"))
        }
        // Modes last, deepest first, so a 0500 directory does not block its own children.
        for (path, mode) in modes.sorted(by: { $0.0.split(separator: "/").count > $1.0.split(separator: "/").count }) {
            chmod(path, mode)
        }
        try root.makeDirectory("home")
        var environment = ["HOME": root.url("home"), "OPENCLAW_STATE_DIR": state,
                           "OPENCLAW_CONFIG_PATH": state + "/openclaw.json", "NO_COLOR": "1"]
        for (key, value) in raw["env"] as? [String: Any] ?? [:] {
            environment[key] = substitute(value, stateDir: state) as? String
        }
        // As run.py: February cases describe OpenClaw 2026.2.26 (`--openclaw-version`).
        let release = (raw["era"] as? String).flatMap { Self.eraRelease[$0] }.flatMap(OpenClawVersion.init)
        if raw["mode"] as? String == "fix" {
            var request = AuditRequest(environment: environment, cwd: root.path, systemHome: nil)
            request.openclawVersion = release
            return runFix(raw, request: request, state: state)
        }
        let deep = raw["deep"] as? Bool == true
        if deep, environment["OPENCLAW_GATEWAY_PORT"] == nil {
            // As run.py's port 18789 with nothing listening, without depending on that.
            environment["OPENCLAW_GATEWAY_PORT"] = String(closedLoopbackPort())
        }
        var request = AuditRequest(environment: environment, cwd: root.path, systemHome: nil, deep: deep)
        request.openclawVersion = release
        var context: AuditContext
        do {
            context = try AuditPreparation.prepare(request)
        } catch {
            return ["config rejected: \(error)"]
        }
        if deep {
            context = try DeepAudit.collect(into: context, request: request)
        }
        return check(raw, findings: Auditor.run(context, timestamp: 0).findings)
    }

    static func check(_ raw: [String: Any], findings: [Finding]) -> [String] {
        var problems: [String] = []
        let expect = raw["expect"] as? [String: Any] ?? [:]
        func strings(_ value: Any?) -> [String] {
            if let s = value as? String { return [s] }
            return value as? [String] ?? []
        }
        for want in expect["present"] as? [[String: Any]] ?? [] {
            let id = want["checkId"] as? String ?? ""
            var hits = findings.filter { $0.checkId == id }
            if let severity = want["severity"] as? String { hits = hits.filter { $0.severity.rawValue == severity } }
            for text in strings(want["detailContains"]) { hits = hits.filter { $0.detail.contains(text) } }
            for text in strings(want["titleContains"]) { hits = hits.filter { $0.title.contains(text) } }
            for text in strings(want["remediationContains"]) { hits = hits.filter { ($0.remediation ?? "").contains(text) } }
            for text in strings(want["detailExcludes"]) { hits = hits.filter { !$0.detail.contains(text) } }
            if let title = want["title"] as? String { hits = hits.filter { $0.title == title } }
            if hits.isEmpty {
                problems.append("missing \(id) \(want); seen: \(findings.filter { $0.checkId == id }.map(\.severity.rawValue))")
            } else if let count = want["count"] as? Int, hits.count != count {
                problems.append("\(id) found \(hits.count) times, expected \(count)")
            }
        }
        let present = Set(findings.map(\.checkId))
        for absent in expect["absent"] as? [String] ?? [] where present.contains(absent) {
            problems.append("unexpected \(absent)")
        }
        return problems
    }
}
