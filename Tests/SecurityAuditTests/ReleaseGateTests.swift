import Foundation
import Testing
@testable import SecurityAudit

/// Checks follow the audited release: outside its range a check reports nothing, an
/// unknown release runs everything and says which releases a retired check is for.
struct ReleaseGateTests {
    /// The issue's list of our own ids, plus the upstream proposals kept as extensions.
    static let extensionIDs: Set<String> = [
        "secrets.config_plaintext", "secrets.backup_plaintext", "secrets.env_file", "secrets.transcripts",
        "fs.inspection_incomplete", "fs.state_dir.foreign_owner", "fs.session_transcripts.perms_readable",
        "security.audit.suppressions.expired", "security.audit.suppressions.invalid", "security.audit.suppressions.stale",
        "skills.markdown_sensitive_network", "tools.web.fetch.env_proxy_without_use_trusted_env_proxy",
        // Issue 19's own checks.
        "secrets.config_url_credentials", "config.env_var_unresolved", "gateway.auth_placeholder", "hooks.token_placeholder",
        "config.legacy_keys", "config.invalid_value",
        // Issue 17's own checks.
        "fs.sqlite_state.perms_writable", "fs.sqlite_state.perms_readable", "secrets.databases",
        // Issue 18's advisory check.
        "openclaw.version.vulnerable",
    ]

    @Test func everyCatalogIdHasItsOriginAndNoOtherIdDoes() {
        let ids = Set(CheckCatalog.entries.map(\.id))
        for id in ids {
            let provenance = CheckReleaseTable.entries[id]
            #expect(provenance != nil, "\(id) has no origin")
            #expect((provenance?.origin == .extension) == Self.extensionIDs.contains(id), "\(id)")
        }
        #expect(Set(CheckReleaseTable.entries.keys).subtracting(ids).isEmpty, "stale entries")
        for (id, provenance) in CheckReleaseTable.entries {
            if let since = provenance.releases.since, let until = provenance.releases.until {
                #expect(since < until, "\(id)")
            }
            if provenance.origin == .extension { #expect(provenance.releases == .always, "\(id)") }
        }
    }

    static var boundaries: [Boundary] {
        CheckCatalog.infos.flatMap { info -> [Boundary] in
            guard let range = info.provenance?.releases, info.provenance?.origin == .upstream,
                  let trigger = info.triggers.first(where: { $0.release == nil }) else { return [] }
            var out: [Boundary] = []
            if let since = range.since { out.append(Boundary(info: info, example: trigger, edge: since, isSince: true)) }
            if let until = range.until { out.append(Boundary(info: info, example: trigger, edge: until, isSince: false)) }
            return out
        }
    }

    struct Boundary: CustomTestStringConvertible, Sendable {
        var info: CheckInfo
        var example: CheckExample
        var edge: OpenClawVersion
        var isSince: Bool
        var testDescription: String { "\(info.id) \(isSince ? "since" : "until") \(edge)" }
    }

    /// Each release boundary, both sides: the check's first trigger audited as the
    /// boundary release and as its beta (which comes before it).
    @Test(arguments: boundaries)
    func boundaryHasBothSides(_ boundary: Boundary) throws {
        let before = OpenClawVersion(
            major: boundary.edge.major, minor: boundary.edge.minor, patch: boundary.edge.patch,
            prerelease: [.text("beta"), .numeric(1)])
        func hits(_ release: OpenClawVersion) throws -> Bool {
            var example = boundary.example
            example.release = release.description
            return try auditReport(example: example).findings.contains { boundary.info.matches($0.checkId) }
        }
        #expect(try hits(boundary.edge) == boundary.isSince, "at \(boundary.edge)")
        #expect(try hits(before) == !boundary.isSince, "at \(before)")
    }

    static let redactionOff = #"{ logging: { redactSensitive: "off" } }"#

    @Test func aStampedConfigGetsItsReleasesCatalogAndTheFlagWins() throws {
        let september = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.9.9" }, logging: { redactSensitive: "off" } }"#)
        #expect(!september.findings.contains { $0.checkId == "logging.redact_off" })
        let february = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.2.26" }, logging: { redactSensitive: "off" } }"#)
        let redaction = try #require(february.findings.first { $0.checkId == "logging.redact_off" })
        #expect(!redaction.detail.contains("applies to OpenClaw"), "a known release needs no note")
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.9.9" }, logging: { redactSensitive: "off" } }"#, mode: 0o600)
        let cli = CLITests()
        let overridden = try cli.run(["audit", "--json", "--openclaw-version", "2026.2.26"], environment: cli.environment(dir))
        #expect(overridden.stdout.contains(#""checkId" : "logging.redact_off""#) || overridden.stdout.contains(#""checkId": "logging.redact_off""#))
        #expect(overridden.stdout.contains("--openclaw-version"))
    }

    @Test func unknownReleaseRunsRetiredChecksAndSaysWhichReleasesTheyAreFor() throws {
        let report = try auditReport(config: Self.redactionOff)
        let redaction = try #require(report.findings.first { $0.checkId == "logging.redact_off" })
        #expect(redaction.detail.hasSuffix("\nThis check applies to OpenClaw before 2026.8.1 (no release identified; pass --openclaw-version to audit as one)."))
    }

    @Test func suppressionReviewFollowsTheReleaseToo() throws {
        let config = #"{ meta: { lastTouchedVersion: "VERSION" }, logging: { redactSensitive: "off" }, security: { audit: { suppressions: [{ checkId: "logging.redact_off" }] } } }"#
        let old = try auditReport(config: config.replacing("VERSION", with: "2026.2.26"))
        #expect(old.suppressedFindings.map(\.finding.checkId) == ["logging.redact_off"])
        #expect(!old.findings.contains { $0.checkId == "security.audit.suppressions.active" })
        let may = try auditReport(config: config.replacing("VERSION", with: "2026.5.18"))
        #expect(may.findings.contains { $0.checkId == "security.audit.suppressions.active" })
    }
}
