import Foundation
import Testing
@testable import SecurityAudit

/// The parallel file scan (units, lines, limits, unreadable files) and the secret facts
/// the audit gathers, on real temporary directories.
struct SecretFileScanTests {
    /// Text with secrets at and around every 4 KiB boundary, one per line.
    static func boundaryText() -> (text: String, secrets: [(line: Int, value: String)]) {
        var text = ""
        var line = 1
        var secrets: [(Int, String)] = []
        var seed: UInt64 = 1
        for boundary in stride(from: 4096, through: 40960, by: 4096) {
            for shift in [-70, -41, -20, -3, 0, 5] {
                let target = boundary + shift
                while text.utf8.count + 30 < target {
                    text += "filler line with words and numbers 12345\n"
                    line += 1
                }
                let secret = seed % 2 == 0 ? SecretSamples.gitHub(seed: seed) : SecretSamples.awsAccessKeyID(seed: seed)
                text += String(repeating: "x", count: max(0, target - text.utf8.count)) + " " + secret + "\n"
                secrets.append((line, secret))
                line += 1
                seed += 1
            }
        }
        return (text, secrets)
    }

    @Test func unitsAndWorkersDoNotChangeTheResult() throws {
        let dir = try TemporaryDirectory()
        let (text, secrets) = Self.boundaryText()
        let path = try dir.write("big.txt", text)
        let small = SecretFileScan(unitSize: 4096, workers: 3).run(paths: [path])
        let whole = SecretFileScan(workers: 1).run(paths: [path])
        #expect(small.occurrences == whole.occurrences)
        #expect(small.occurrences.map(\.line) == secrets.map(\.line))
        let values = small.occurrences.map { occurrence in
            String(decoding: Array(text.utf8)[occurrence.valueStart..<occurrence.valueEnd], as: UTF8.self)
        }
        #expect(values == secrets.map(\.value))
        #expect(small.bytesScanned == text.utf8.count)
    }

    @Test func keepsTheFirstOccurrencesOfEachKindInFileOrder() throws {
        let dir = try TemporaryDirectory()
        var paths: [String] = []
        for file in 0..<3 {
            let tokens = (0..<5).map { SecretSamples.gitHub(seed: UInt64(file * 10 + $0)) }
            paths.append(try dir.write("f\(file).txt", tokens.joined(separator: "\n") + "\n" + SecretSamples.googleAPIKey() + "\n"))
        }
        let result = SecretFileScan(unitSize: 4096, workers: 4, limitPerKind: 4).run(paths: paths)
        let gitHub = result.occurrences.filter { $0.kind == .gitHub }
        #expect(gitHub.map(\.fileIndex) == [0, 0, 0, 0])
        #expect(gitHub.map(\.line) == [1, 2, 3, 4])
        #expect(result.occurrences.filter { $0.kind == .googleAPI }.count == 3)
        #expect(result.counts(inFiles: 0..<3)[.gitHub] == 15)
    }

    @Test func specialAndMissingFilesAreReportedNotRead() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("folder")
        #expect(mkfifo(dir.url("pipe"), 0o600) == 0)
        let empty = try dir.write("empty", "")
        let unterminated = try dir.write("last", "first\n" + SecretSamples.telegram())
        let result = SecretFileScan().run(paths: [dir.url("folder"), dir.url("pipe"), dir.url("missing"), empty, unterminated])
        #expect(result.files[0].error != nil)
        #expect(result.files[1].error != nil)
        #expect(result.files[2].error?.isNotFound == true)
        #expect(result.files[3].error == nil && result.files[3].size == 0)
        #expect(result.occurrences.map(\.line) == [2])
        #expect(result.occurrences.map(\.fileIndex) == [4])
    }

    @Test func noUnitStartsAfterTheDeadline() throws {
        let dir = try TemporaryDirectory()
        let paths = try (0..<3).map { try dir.write("f\($0).txt", SecretSamples.gitHub(seed: UInt64($0))) }
        let late = SecretFileScan(deadline: 0).run(paths: paths)
        #expect(late.unfinishedFiles == 3 && late.occurrences.isEmpty)
        let inTime = SecretFileScan(deadline: .max).run(paths: paths)
        #expect(inTime.unfinishedFiles == 0 && inTime.occurrences.count == 3)
    }

    @Test func scanTargetsWalkDirectoriesWithoutFollowingSymlinks() throws {
        let dir = try TemporaryDirectory()
        try dir.write("root/a.txt", "a")
        try dir.write("root/sub/b.txt", "b")
        try dir.write("elsewhere/c.txt", "c")
        try FileManager.default.createSymbolicLink(atPath: dir.url("root/link"), withDestinationPath: dir.url("elsewhere"))
        try FileManager.default.createSymbolicLink(atPath: dir.url("root/loop"), withDestinationPath: dir.url("root"))
        let expansion = SecretScanTargets.expand([dir.url("root"), dir.url("elsewhere/c.txt"), dir.url("nothing")])
        #expect(expansion.files == [dir.url("root/a.txt"), dir.url("root/sub/b.txt"), dir.url("elsewhere/c.txt")])
        #expect(expansion.gaps.map(\.path) == [dir.url("nothing")])
    }

    @Test func textAndJSONReportsShowOnlyRedactedValues() throws {
        let dir = try TemporaryDirectory()
        let key = SecretSamples.anthropic()
        let password = SecretSamples.password()
        let path = try dir.write("notes.txt", "ANTHROPIC_API_KEY=\(key)\nDB_PASSWORD=\(password)\n")
        let result = SecretFileScan().run(paths: [path])
        let text = SecretScanReport.text(result)
        let json = SecretScanReport.json(result, gaps: [])
        for output in [text, json] {
            #expect(!output.contains(key) && !output.contains(password))
            #expect(output.contains("sk-a…AA (108 chars)"))
        }
        #expect(text.contains("\(path):2: Secret-looking assignment: "))
        #expect(text.contains("(assigned to DB_PASSWORD)"))
    }
}

struct SecretFactsTests {
    /// The context of an audit, with the deep step's transcript scan when `deep`.
    static func context(
        _ config: String, files: [FileFixture] = [], deep: Bool = false, in dir: TemporaryDirectory
    ) throws -> AuditContext {
        var context = try auditContext(in: dir, config: config, files: files)
        if deep {
            context.deep = true
            SecretFactsCollector.addTranscripts(to: &context, deadline: nil, timeoutMilliseconds: 5000)
        }
        return context
    }

    static func secretFindings(_ context: AuditContext) -> [Finding] {
        Auditor.run(context, timestamp: 0).findings.filter { $0.checkId.hasPrefix("secrets.") }
    }

    @Test func configHitsNameTheirKeyAndPointAtIt() throws {
        let dir = try TemporaryDirectory()
        let key = SecretSamples.openAI()
        let config = "{\n  models: {\n    providers: { openai: { apiKey: \"\(key)\" } },\n  },\n}\n"
        let context = try Self.context(config, in: dir)
        let hit = try #require(context.secrets.hits.first)
        #expect(hit.keyPath == "models.providers.openai.apiKey")
        #expect(hit.line == 3)
        #expect(hit.origin?.range.start.line == 3)
        let finding = try #require(Self.secretFindings(context).first)
        #expect(finding.checkId == "secrets.config_plaintext")
        #expect(finding.title == "OpenAI API key stored in plaintext in the config")
        #expect(finding.severity == .warn)
        #expect(finding.location == hit.origin)
        #expect(finding.detail == """
            1 OpenAI API key stored in plaintext in the config:
            - \(dir.url("state/openclaw.json")):3 models.providers.openai.apiKey: sk-p…\(key.suffix(2)) (\(key.count) chars)
            """)
    }

    @Test func includeFilesAreScannedWithTheirEffectiveKeyPath() throws {
        let dir = try TemporaryDirectory()
        let token = SecretSamples.telegram()
        let context = try Self.context(
            #"{ channels: { "$include": "./telegram.json5" } }"#,
            files: [.file("telegram.json5", "{\n telegram: { botToken: \"\(token)\" } }", mode: 0o644)], in: dir)
        let hit = try #require(context.secrets.hits.first)
        #expect(hit.path == dir.url("state/telegram.json5"))
        #expect(hit.keyPath == "channels.telegram.botToken")
        #expect(hit.line == 2)
        #expect(Self.secretFindings(context).map(\.severity) == [.critical])
    }

    @Test func keysReportedByConfigSecretsChecksAreLeftToThem() throws {
        let dir = try TemporaryDirectory()
        let password = SecretSamples.password(seed: 1), token = SecretSamples.password(seed: 2)
        let enabled = try Self.context(
            #"{ gateway: { auth: { password: "\#(password)" } }, hooks: { enabled: true, token: "\#(token)" } }"#, in: dir)
        #expect(enabled.secrets.hits.count == 2)
        #expect(Self.secretFindings(enabled).isEmpty)
        let disabled = try Self.context(
            #"{ gateway: { auth: { password: "\#(password)" } }, hooks: { token: "\#(token)" } }"#, in: try TemporaryDirectory())
        let findings = Self.secretFindings(disabled)
        #expect(findings.count == 1)
        #expect(findings.first?.detail.contains("hooks.token") == true)
        #expect(findings.first?.detail.hasPrefix("1 secret-looking assignment") == true)
    }

    @Test func backupsAreScannedAndParsedForKeyPaths() throws {
        let dir = try TemporaryDirectory()
        let key = SecretSamples.gitHub()
        let context = try Self.context("{}", files: [
            .file("openclaw.json.bak", "{ skills: { entries: { gh: { apiKey: \"\(key)\" } } } }"),
            .file("openclaw.json.bak.2", "not json at all\n\(SecretSamples.gitHub(seed: 3))", mode: 0o604),
            .file("other.json.bak", "\(SecretSamples.gitHub(seed: 4))"),
        ], in: dir)
        let hits = context.secrets.hits(in: .backup)
        #expect(hits.map(\.keyPath) == ["skills.entries.gh.apiKey", nil])
        #expect(hits.map(\.line) == [1, 2])
        let finding = try #require(Self.secretFindings(context).first)
        #expect(finding.severity == .critical)
        #expect(finding.detail.contains("(file mode=604, readable by other users)"))
        #expect(finding.remediation?.contains("rm \(dir.url("state/openclaw.json.bak")) \(dir.url("state/openclaw.json.bak.2"))") == true)
    }

    @Test func transcriptsAreScannedOnlyWhenDeep() throws {
        let key = SecretSamples.openAI(seed: 5)
        let line = #"{"type":"message","message":{"role":"user","content":[{"type":"text","text":"key: \#(key)"}]}}"#
        let files: [FileFixture] = [
            .file("agents/main/sessions/a.jsonl", "{\"type\":\"session\"}\n" + line + "\n"),
            .file("agents/old/sessions/b.jsonl.deleted.2026-01-01", line + "\n", mode: 0o644),
        ]
        let shallow = try Self.context("{}", files: files, in: try TemporaryDirectory())
        #expect(!shallow.secrets.transcriptsScanned)
        #expect(Self.secretFindings(shallow).isEmpty)

        let dir = try TemporaryDirectory()
        let deep = try Self.context("{}", files: files, deep: true, in: dir)
        #expect(deep.secrets.transcriptsScanned)
        let finding = try #require(Self.secretFindings(deep).first)
        #expect(finding.checkId == "secrets.transcripts")
        #expect(finding.severity == .critical)
        #expect(finding.detail.contains("\(dir.url("state/agents/main/sessions/a.jsonl")):2: sk-p…"))
        #expect(finding.detail.contains("agents/old/sessions/b.jsonl.deleted.2026-01-01:1"))
        let rendered = JSONReporter().render(Auditor.run(deep, timestamp: 0))
        #expect(!rendered.contains(key))
    }

    /// Through the whole deep step (`DeepAudit.collect`, gateway probe included).
    @Test func theDeepAuditScansTranscripts() throws {
        let key = SecretSamples.gitHubFineGrained(seed: 7)
        let report = try auditReport(example: CheckExample("{}", files: [
            .file("agents/main/sessions/a.jsonl", "{\"text\":\"GH=\(key)\"}\n", mode: 0o600),
        ], deep: true))
        let finding = try #require(report.findings.first { $0.checkId == "secrets.transcripts" })
        #expect(finding.title == "GitHub token in session transcripts")
        #expect(finding.severity == .warn)
        #expect(!report.incomplete.contains { $0.collector == "transcript-secret-scan" })
    }

    @Test func aSpentBudgetLeavesTheScanIncomplete() throws {
        var context = try Self.context("{}", files: [
            .file("agents/main/sessions/a.jsonl", "token \(SecretSamples.gitHub())\n"),
        ], in: try TemporaryDirectory())
        context.deep = true
        SecretFactsCollector.addTranscripts(to: &context, deadline: 0, timeoutMilliseconds: 250)
        #expect(context.secrets.transcriptScanIncomplete?.contains("time budget of 250 ms ran out: 1 of 1 session transcripts") == true)
        let report = Auditor.run(context, timestamp: 0)
        #expect(report.incomplete.map(\.collector) == ["transcript-secret-scan"])
        #expect(!report.complete)
    }

    @Test func manyHitsAreCountedAndTheFirstListed() throws {
        let files = (0..<14).map { index in
            FileFixture.file("agents/main/sessions/s\(index < 10 ? "0" : "")\(index).jsonl", "token: \(SecretSamples.slackBot(seed: UInt64(index)))\n")
        }
        let context = try Self.context("{}", files: files, deep: true, in: try TemporaryDirectory())
        let finding = try #require(Self.secretFindings(context).first)
        #expect(finding.detail.hasPrefix("14 Slack tokens in session transcripts:"))
        #expect(finding.detail.hasSuffix("- +4 more"))
        #expect(finding.detail.contains("s00.jsonl:1") && finding.detail.contains("s09.jsonl:1"))
        #expect(!finding.detail.contains("s10.jsonl"))
    }

    @Test func aTranscriptThatIsAPipeIsAGapNotAHang() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("state/agents/main/sessions")
        #expect(mkfifo(dir.url("fifo"), 0o600) == 0)
        let context = try Self.context("{}", files: [.symlink("agents/main/sessions/x.jsonl", to: "../fifo")], deep: true, in: dir)
        #expect(context.files.gaps.contains { $0.reason.hasPrefix("not scanned for secrets") })
    }

    @Test func envFileSeverityFollowsWhoCanReadIt() throws {
        let line = "OPENAI_API_KEY=\(SecretSamples.openAI())\nDB_PASSWORD=\(SecretSamples.password())\n"
        let privateEnv = try Self.context("{}", files: [.file(".env", line, mode: 0o600)], in: try TemporaryDirectory())
        #expect(Self.secretFindings(privateEnv).map(\.severity) == [.info, .info])
        let readable = try Self.context("{}", files: [.file(".env", line, mode: 0o640)], in: try TemporaryDirectory())
        let findings = Self.secretFindings(readable)
        #expect(findings.map(\.severity) == [.critical, .warn])
        #expect(findings.first?.title == "OpenAI API key in a .env other users can read")
    }
}
