import Foundation
import JSON5
import Testing
@testable import SecurityAudit

/// `security checks` and `security explain`, generated from the check declarations.
struct CheckReferenceTests {
    let cli = CLITests()

    func run(_ arguments: [String]) throws -> CLITests.Result {
        let dir = try TemporaryDirectory()
        return try cli.run(arguments, environment: cli.environment(dir))
    }

    @Test func checksJSONListsEveryBaselineId() throws {
        let result = try run(["checks", "--json"])
        #expect(result.status == 0)
        let root = try JSON5.parse(result.stdout)
        let checks = try #require(root[key: "checks"]?.elements)
        let ids = checks.compactMap { $0[key: "id"]?.asString }
        #expect(Set(ids).count == ids.count)
        for id in try ProjectFile.text("Tests/Fixtures/baseline-check-ids.txt").split(separator: "\n") {
            #expect(ids.contains(String(id)), "\(id) is not listed")
        }
        #expect(ids == CheckCatalog.entries.map(\.id))
        for check in checks {
            let implemented = check[key: "implemented"]?.asBool ?? false
            #expect(check.members?.map(\.key) == ["id", "title", "severity", "severities", "severityRule", "area", "fixable", "implemented", "rationale", "remediation", "origin", "since", "until", "releaseNote"])
            #expect((check[key: "title"]?.asString != nil) == implemented)
            #expect((check[key: "severity"]?.asString != nil) == implemented)
            #expect(check[key: "area"]?.asString?.isEmpty == false)
        }
        let redaction = try #require(checks.first { $0[key: "id"]?.asString == "logging.redact_off" })
        #expect(redaction[key: "fixable"]?.asBool == true)
        #expect(redaction[key: "severity"]?.asString == "warn")
        let varying = try #require(checks.first { $0[key: "id"]?.asString == "gateway.tools_invoke_http.dangerous_allow" })
        #expect(varying[key: "severities"]?.elements?.compactMap(\.asString) == ["warn", "critical"])
    }

    @Test func checksTableHasEveryIdWithItsColumns() throws {
        let result = try run(["checks"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true) == ["ID", "SEVERITY", "AREA", "RELEASES", "FIXABLE", "TITLE"])
        for entry in CheckCatalog.entries {
            let row = try #require(lines.first { $0.hasPrefix(entry.id + " ") }, "\(entry.id)")
            let cells = row.split(separator: " ", maxSplits: 5, omittingEmptySubsequences: true).map(String.init)
            #expect(cells[2] == entry.area)
            #expect(cells[3] == entry.provenance?.releaseColumn)
            if let info = entry.info {
                #expect(cells[4] == (info.fixable ? "yes" : "no"))
                #expect(cells[5].trimmingCharacters(in: .whitespaces) == info.title)
            } else {
                #expect(row.hasSuffix("(not implemented yet)"))
            }
        }
        let gateway = try run(["checks", "--area", "gateway", "--json"])
        let areas = try JSON5.parse(gateway.stdout)[key: "checks"]?.elements?.compactMap { $0[key: "area"]?.asString }
        #expect(areas?.isEmpty == false && areas?.allSatisfy { $0 == "gateway" } == true)
        #expect(try run(["checks", "--area", "nowhere"]).status == 64)
    }

    @Test func explainPrintsTheDeclaration() throws {
        let info = try #require(CheckCatalog.infos.first { $0.id == "gateway.real_ip_fallback_enabled" })
        let result = try run(["explain", info.id])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("\(info.id)\n  \(info.title)\n"))
        #expect(result.stdout.contains("Area: gateway"))
        #expect(result.stdout.contains("Severity: \(info.severity.description)"))
        #expect(result.stdout.contains(info.rationale))
        #expect(result.stdout.contains(try #require(info.remediation)))
        for example in info.triggers + info.passes {
            #expect(result.stdout.contains(example.config))
        }
        #expect(result.stdout.contains("-> critical"))

        let json = try JSON5.parse(try run(["explain", info.id, "--json"]).stdout)
        let declared = try #require(json[key: "checks"]?[index: 0])
        #expect(declared[key: "triggers"]?.elements?.count == info.triggers.count)
        #expect(declared[key: "passes"]?[index: 0]?[key: "config"]?.asString == info.passes.first?.config)
    }

    @Test func explainFindsTemplatesPendingAndReportIds() throws {
        let templated = try run(["explain", "channels.discord.dm.open"])
        #expect(templated.status == 0)
        #expect(templated.stdout.hasPrefix("channels.discord.dm.open (an instance of channels.<id>.dm.open)"))
        #expect(templated.stdout.contains("<Label> DMs are open"))
        for id in CheckCatalog.pendingIDs {
            let pending = try run(["explain", id])
            #expect(pending.status == 0)
            #expect(pending.stdout.contains("does not check it yet"))
        }
        let suppression = try run(["explain", "security.audit.suppressions.expired"])
        #expect(suppression.stdout.contains("Area: suppressions"))
        #expect(suppression.stdout.contains("expires"))
        let unknown = try run(["explain", "gateway.bind_no_aut"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("Did you mean: gateway.bind_no_auth?"))
        #expect(try run(["explain", "bind_no_auth"]).stderr.contains("Did you mean: gateway.bind_no_auth?"))
    }

    @Test func areasComeFromIdPrefixes() {
        #expect(CheckArea.of("fs.config.perms_writable") == "filesystem")
        #expect(CheckArea.of("config.secrets.hooks_token_in_config") == "secrets")
        #expect(CheckArea.of("config.insecure_or_dangerous_flags") == "config")
        #expect(CheckArea.of("gateway.nodes.allow_commands_dangerous") == "nodes")
        #expect(CheckArea.of("gateway.probe_failed") == "deep-probe")
        #expect(CheckArea.of("security.exposure.open_groups_with_elevated") == "exposure")
        #expect(CheckArea.of("security.audit.suppressions.stale") == "suppressions")
        #expect(CheckArea.of("channels.<id>.dm.open") == "channels")
        #expect(CheckArea.of("tools.exec.safe_bin_trusted_dirs_risky") == "exec")
        #expect(CheckArea.of("tools.profile_minimal_overridden") == "tools")
        #expect(CheckArea.of("tools.web.fetch.env_proxy_without_use_trusted_env_proxy") == "web")
        #expect(CheckArea.of("mcp.apps.enabled") == "mcp")
        #expect(CheckArea.of("nodots") == "nodots")
    }

    @Test func shellCompletionsComeFromTheArgumentParser() throws {
        for shell in ["bash", "zsh", "fish"] {
            let dir = try TemporaryDirectory()
            let script = try cli.run(["--generate-completion-script", shell], environment: cli.environment(dir))
            #expect(script.status == 0, "\(shell): \(script.stderr)")
            #expect(script.stdout.contains("fail-on-incomplete"), "\(shell)")
            #expect(script.stdout.contains("prometheus"), "\(shell)")
            #expect(script.stdout.contains("explain"), "\(shell)")
        }
    }
}
