import Foundation
import Testing
@testable import SecurityAudit

/// The one pipeline that audit, `--fix`, `--dry-run` and baselines go through.
struct AuditSessionTests {
    static let transcriptCheck = SessionTranscriptPermissionsCheck.id

    /// `fs.session_transcripts.perms_readable` is declared fixable and reports rotated
    /// archives and the transcripts of agent folders the config does not list; `--fix`
    /// used to tighten only configured agents' `*.jsonl`, so the finding survived the fix.
    @Test func theFixTightensEveryTranscriptTheCheckReports() throws {
        let fixture = try FixFixture(config: "{}")
        let paths = [
            "agents/main/sessions/a.jsonl", "agents/main/sessions/a.jsonl.reset.2026-01-01T00-00-00.000Z",
            "agents/main/sessions/b.jsonl.deleted.2026-02-01T00-00-00.000Z", "agents/retired/sessions/old.jsonl",
        ]
        for path in paths { try fixture.write(path, "{}", mode: 0o644) }
        try fixture.write("agents/main/sessions/notes.txt", "", mode: 0o644)

        let before = try AuditSession(request: fixture.request).run()
        #expect(before.report.findings.contains { $0.checkId == Self.transcriptCheck })

        let outcome = try AuditSession(request: fixture.request, fix: .apply).run()
        let fix = try #require(outcome.fix)
        for path in paths {
            #expect(fix.actions.first { $0.path == fixture.state(path) }?.status == .applied, "\(path)")
            #expect(fixture.mode(path) == 0o600, "\(path)")
        }
        #expect(fixture.mode("agents/main/sessions/notes.txt") == 0o644)
        // The report is of the fixed state, through the same pipeline.
        #expect(!outcome.report.findings.contains { $0.checkId == Self.transcriptCheck }, "\(outcome.report.findings.map(\.checkId))")
    }

    @Test func aDryRunPlansTheSameTranscriptsAndReportsTheStateAsItIs() throws {
        let fixture = try FixFixture(config: "{}")
        try fixture.write("agents/retired/sessions/old.jsonl.bak.2026-01-01", "{}", mode: 0o640)
        let outcome = try AuditSession(request: fixture.request, fix: .dryRun).run()
        let action = try #require(outcome.fix?.actions.first { $0.path == fixture.state("agents/retired/sessions/old.jsonl.bak.2026-01-01") })
        #expect(action.status == .planned)
        #expect(fixture.mode("agents/retired/sessions/old.jsonl.bak.2026-01-01") == 0o640)
        #expect(outcome.report.findings.contains { $0.checkId == Self.transcriptCheck })
    }

    /// The WhatsApp seed comes from the pairing stores the channel checks read.
    @Test func theWhatsAppSeedIsThePairingStoreTheChecksRead() throws {
        let fixture = try FixFixture(config: "{ channels: { whatsapp: { groupPolicy: 'open' } } }")
        try fixture.write("credentials/whatsapp-default-allowFrom.json", #"{ "version": 1, "allowFrom": [" +15550001 ", "*", "+15550002"] }"#)
        try fixture.write("credentials/whatsapp-allowFrom.json", #"{ "version": 1, "allowFrom": ["+15550002", "+15550003"] }"#)
        let context = try AuditPreparation.prepare(fixture.request)
        let seed = context.channelFacts.storeEntries(channel: .whatsapp, accountId: "default")
        #expect(seed == ["+15550001", "+15550002", "+15550003"])
        let outcome = try AuditSession(request: fixture.request, fix: .apply).run()
        #expect(outcome.fix?.changes.contains { $0.contains("groupAllowFrom") } == true, "\(outcome.fix?.changes ?? [])")
        let written = fixture.text("openclaw.json") ?? ""
        let fixed = try ConfigLoader(environment: [:]).load(path: fixture.configPath).root
        #expect(fixed["channels"]["whatsapp"]["groupAllowFrom"].array?.compactMap(\.string) == seed, "\(written)")
    }

    @Test func theBaselineIsRecordedBeforeItIsApplied() throws {
        let fixture = try FixFixture(config: "{ logging: { redactSensitive: 'off' } }")
        var recording = AuditSession(request: fixture.request)
        recording.recordsBaseline = true
        let first = try recording.run()
        let baseline = try #require(first.recordedBaseline)
        let file = try fixture.dir.write("baseline.json", baseline.rendered())

        var comparing = AuditSession(request: fixture.request)
        comparing.baseline = file
        comparing.recordsBaseline = true
        let second = try comparing.run()
        #expect(second.report.findings.isEmpty, "\(second.report.findings.map(\.checkId))")
        #expect(second.recordedBaseline == baseline)
        #expect(second.report.baseline?.known == first.report.findings.count)
    }

    @Test func anOutputFileInTheStateDirIsRefusedBeforeTheFixChangesAnything() throws {
        let fixture = try FixFixture(config: "{ logging: { redactSensitive: 'off' } }")
        var session = AuditSession(request: fixture.request, fix: .apply)
        session.outputFiles = [AuditSession.OutputFile(what: "report", path: fixture.state("report.txt"))]
        #expect(throws: AuditSessionError.self) { try session.run() }
        #expect(fixture.text("openclaw.json") == "{ logging: { redactSensitive: 'off' } }")
        #expect(fixture.mode(".") != 0o700)
    }

    @Test func anUnloadableConfigUnderFixCarriesWhatWasTightened() throws {
        let fixture = try FixFixture(config: "{ nope")
        do {
            _ = try AuditSession(request: fixture.request, fix: .apply).run()
            Issue.record("an unloadable config must stop the session")
        } catch {
            guard case .configInvalid(_, fix: let tightened?) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(tightened.fix?.ok == false)
            #expect(tightened.report.findings.isEmpty)
            #expect(tightened.report.incomplete.map(\.collector) == ["config"])
            #expect(tightened.exitStatus(ExitPolicy()) == .error)
        }
        #expect(fixture.mode("openclaw.json") == 0o600)
        #expect(throws: AuditSessionError.self) { try AuditSession(request: fixture.request, fix: .dryRun).run() }
    }
}
