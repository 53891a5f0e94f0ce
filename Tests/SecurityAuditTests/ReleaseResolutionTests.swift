import Foundation
import Testing
@testable import SecurityAudit

/// Which OpenClaw an audit is for: the sources in their order, the installed package only
/// for the default state dir, and the report fields that say what was audited.
struct ReleaseResolutionTests {
    static func version(_ text: String) -> OpenClawVersion { OpenClawVersion(text)! }

    @Test func sourcesAreBelievedInTheirOrderAndUnparsableClaimsAreSkipped() {
        var evidence = ReleaseEvidence([ReleaseClaim(source: .config, text: "2026.2.26")])
        #expect(evidence.resolved == OpenClawRelease(version: Self.version("2026.2.26"), source: "config meta.lastTouchedVersion"))
        evidence.add(ReleaseClaim(source: .installedPackage, text: "2026.9.3", origin: "openclaw (/x/package.json)"))
        #expect(evidence.resolved.source == "installed package openclaw (/x/package.json)")
        evidence.add(ReleaseClaim(source: .gateway, text: "dev"))
        #expect(evidence.resolved.version == Self.version("2026.9.3"), "a gateway saying dev names no release")
        evidence.add(ReleaseClaim(source: .gateway, text: "2026.9.9"))
        #expect(evidence.resolved.version == Self.version("2026.9.9"))
        evidence.add(ReleaseClaim(source: .flag, text: "2026.5.2"))
        #expect(evidence.resolved == OpenClawRelease(version: Self.version("2026.5.2"), source: "--openclaw-version"))
        evidence.add(ReleaseClaim(source: .stateDatabase, text: "  "))
        #expect(!evidence.claims.contains { $0.source == .stateDatabase }, "a blank claim says nothing")
        #expect(ReleaseEvidence().resolved == .unknown)
    }

    @Test func unknownReleaseIncludesEveryRange() {
        let retired = ReleaseRange(nil, until: "2026.7.28")
        let added = ReleaseRange("2026.9.2", until: nil)
        #expect(OpenClawRelease.unknown.includes(retired) && OpenClawRelease.unknown.includes(added))
        #expect(OpenClawRelease.unknown.isAtLeast(Self.version("2026.99.1")))
        let february = OpenClawRelease(version: Self.version("2026.2.26"), source: "x")
        #expect(february.includes(retired) && !february.includes(added))
        // Boundaries: since is included, until is not; a beta of the boundary is before it.
        #expect(ReleaseRange("2026.9.2", until: nil).contains(Self.version("2026.9.2")))
        #expect(!ReleaseRange("2026.9.2", until: nil).contains(Self.version("2026.9.2-beta.1")))
        #expect(!retired.contains(Self.version("2026.7.28")))
        #expect(retired.contains(Self.version("2026.7.27")))
        #expect(retired.description == "OpenClaw before 2026.7.28")
    }

    @Test func configStampNamesTheRelease() throws {
        let stamped = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.9.9" } }"#)
        #expect(stamped.openclaw == OpenClawRelease(version: Self.version("2026.9.9"), source: "config meta.lastTouchedVersion"))
        let garbage = try auditReport(config: #"{ meta: { lastTouchedVersion: "unknown" } }"#)
        #expect(garbage.openclaw == .unknown)
        #expect(try auditReport(config: "{}").openclaw == .unknown)
    }

    /// A fake npm global install: `bin/openclaw` links to the package's entry script.
    static func installPackage(in dir: TemporaryDirectory, name: String, version: String) throws {
        try dir.write("npm/lib/node_modules/\(name)/package.json", #"{ "name": "\#(name)", "version": "\#(version)" }"#)
        try dir.write("npm/lib/node_modules/\(name)/openclaw.mjs", "#!/usr/bin/env node\n", mode: 0o755)
        try dir.makeDirectory("npm/bin")
        try FileManager.default.createSymbolicLink(
            atPath: dir.url("npm/bin/openclaw"), withDestinationPath: "../lib/node_modules/\(name)/openclaw.mjs")
    }

    static func prepare(_ dir: TemporaryDirectory, stateDir: String?, flag: String? = nil) throws -> AuditContext {
        var environment = ["HOME": dir.url("home"), "PATH": "relative/bin:" + dir.url("npm/bin")]
        if let stateDir { environment["OPENCLAW_STATE_DIR"] = stateDir }
        var request = AuditRequest(environment: environment, cwd: dir.path, systemHome: nil, loadDotEnv: false)
        request.openclawVersion = flag.flatMap(OpenClawVersion.init)
        return try AuditPreparation.prepare(request)
    }

    @Test func installedPackageCountsOnlyForTheDefaultStateDir() throws {
        let dir = try TemporaryDirectory()
        try Self.installPackage(in: dir, name: "moltbot", version: "2026.1.29")
        try dir.write("home/.openclaw/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.1.5" } }"#, mode: 0o600)
        try dir.write("elsewhere/openclaw.json", #"{ meta: { lastTouchedVersion: "2026.1.5" } }"#, mode: 0o600)
        let home = try Self.prepare(dir, stateDir: nil).openclaw
        #expect(home.version == Self.version("2026.1.29"))
        #expect(home.source == "installed package moltbot (\(dir.url("npm/lib/node_modules/moltbot/package.json")))")
        // The default dir named explicitly is still the default one.
        #expect(try Self.prepare(dir, stateDir: dir.url("home/.openclaw")).openclaw.version == Self.version("2026.1.29"))
        // Another state dir may belong to any release: only its own stamp counts.
        #expect(try Self.prepare(dir, stateDir: dir.url("elsewhere")).openclaw.version == Self.version("2026.1.5"))
        #expect(try Self.prepare(dir, stateDir: nil, flag: "2026.9.9").openclaw.source == "--openclaw-version")
    }

    @Test func packageOfAnotherNameOrAShimGivesNothing() throws {
        let dir = try TemporaryDirectory()
        try Self.installPackage(in: dir, name: "left-pad", version: "2026.9.9")
        try dir.write("home/.openclaw/openclaw.json", "{}", mode: 0o600)
        #expect(try Self.prepare(dir, stateDir: nil).openclaw == .unknown)
        let shim = try TemporaryDirectory()
        try shim.write("npm/bin/openclaw", "#!/bin/sh\nexec node /opt/openclaw/openclaw.mjs \"$@\"\n", mode: 0o755)
        try shim.write("home/.openclaw/openclaw.json", "{}", mode: 0o600)
        #expect(try Self.prepare(shim, stateDir: nil).openclaw == .unknown)
    }

    @Test func reportsSayWhatWasAudited() throws {
        var report = try auditReport(config: #"{ meta: { lastTouchedVersion: "2026.9.9" } }"#)
        let json = try #require(JSONReporter.document(report)["openclaw"])
        #expect(json.rendered(indent: 0) == #"{"version":"2026.9.9","source":"config meta.lastTouchedVersion"}"#)
        #expect(TextReporter(colors: false, profile: nil).render(report).contains("\nOpenClaw release: 2026.9.9 (config meta.lastTouchedVersion)\n"))
        report.openclaw = .unknown
        #expect(JSONReporter.document(report)["openclaw"]?.rendered(indent: 0) == #"{"version":null,"source":null}"#)
        #expect(PrometheusReporter().render(report).contains(#"openclaw_version="unknown""#))
    }

    @Test func badFlagIsAUsageError() throws {
        let dir = try TemporaryDirectory()
        try dir.write("state/openclaw.json", "{}", mode: 0o600)
        let cli = CLITests()
        let bad = try cli.run(["audit", "--openclaw-version", "2026.02.1", "--json"], environment: cli.environment(dir))
        #expect(bad.status == 64)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--openclaw-version"))
        let good = try cli.run(["audit", "--openclaw-version", "v2026.9.9", "--json"], environment: cli.environment(dir))
        #expect(good.status == 0)
        #expect(good.stdout.contains(#""version" : "2026.9.9""#) || good.stdout.contains(#""version": "2026.9.9""#))
    }
}
