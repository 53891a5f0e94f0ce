import Foundation
import Testing
@testable import SecurityAudit

/// The real POSIX reader, except for the paths a test declares refused and everything
/// below them (`EACCES`, what a non-root auditor gets for a mode-000 directory) and,
/// optionally, another effective uid. Tests run as root, which no mode keeps out, so
/// refusal is injected here.
struct RefusingFileSystem: FileSystemAccess {
    var base = POSIXFileSystem()
    var refused: Set<String> = []
    var uid: UInt32?

    private func refuse<T>(_ path: String, _ operation: String, _ call: () -> Result<T, FileSystemError>) -> Result<T, FileSystemError> {
        refused.contains { path == $0 || path.hasPrefix($0 + "/") } ? .failure(FileSystemError(operation: operation, code: EACCES, path: path)) : call()
    }

    func lstat(_ path: String) -> Result<FileStatus, FileSystemError> { refuse(path, "lstat") { base.lstat(path) } }
    func stat(_ path: String) -> Result<FileStatus, FileSystemError> { refuse(path, "stat") { base.stat(path) } }
    func listDirectory(_ path: String) -> Result<[DirectoryEntry], FileSystemError> {
        refuse(path, "readdir") { base.listDirectory(path) }
    }
    func realpath(_ path: String) -> Result<String, FileSystemError> { refuse(path, "realpath") { base.realpath(path) } }
    func readlink(_ path: String) -> Result<String, FileSystemError> { refuse(path, "readlink") { base.readlink(path) } }
    func readFile(_ path: String, limit: Int, options: ReadOptions) -> Result<[UInt8], FileSystemError> {
        refuse(path, "open") { base.readFile(path, limit: limit, options: options) }
    }
    func openForReading(_ path: String, within root: String?) -> Result<Int32, FileSystemError> {
        refuse(path, "open") { base.openForReading(path, within: root) }
    }
    var effectiveUID: UInt32 { uid ?? base.effectiveUID }
    func userName(of uid: UInt32) -> String? { base.userName(of: uid) }
}

struct FileFactsTests {
    @Test func permissionModelJudgesASymlinkByItsTarget() throws {
        let dir = try TemporaryDirectory()
        let target = try dir.write("target.json", "{}", mode: 0o640)
        symlink(target, dir.url("link.json"))
        let fact = PermissionModel.inspect(dir.url("link.json"), using: POSIXFileSystem())
        let perms = try #require(fact.permissions)
        #expect(perms.isSymlink)
        #expect(perms.modeText == "640")
        #expect(perms.groupReadable && !perms.worldReadable && !perms.writableByOthers)
        #expect(perms.detail("/x") == "/x mode=640")
        #expect(PathPermissions.remediation("/x", directory: true) == "chmod 700 /x")
        #expect(PathPermissions.remediation("/x", directory: false) == "chmod 600 /x")
    }

    @Test func absentDanglingAndLoopingPathsAreToldApart() throws {
        let dir = try TemporaryDirectory()
        let fs = POSIXFileSystem()
        #expect(PermissionModel.inspect(dir.url("missing"), using: fs) == .absent)
        #expect(PermissionModel.inspect(dir.url("missing/below"), using: fs) == .absent)

        symlink(dir.url("nowhere"), dir.url("dangling"))
        let dangling = try #require(PermissionModel.inspect(dir.url("dangling"), using: fs).permissions)
        #expect(dangling.isSymlink && dangling.mode == nil && dangling.targetError?.isNotFound == true)
        #expect(!dangling.writableByOthers, "a link's own 777 must not count")

        symlink(dir.url("loop"), dir.url("loop"))
        let loop = try #require(PermissionModel.inspect(dir.url("loop"), using: fs).permissions)
        #expect(loop.targetError?.code == ELOOP)
        #expect(PermissionModel.inspect(dir.url("loop/child"), using: fs) == .uninspectable(FileSystemError(operation: "lstat", code: ELOOP, path: dir.url("loop/child"))))
    }

    @Test func listingsAreSortedByBytesAndTyped() throws {
        let dir = try TemporaryDirectory()
        try dir.makeDirectory("list/b")
        try dir.write("list/B.txt", "")
        try dir.write("list/a", "")
        symlink(dir.url("list/b"), dir.url("list/c"))
        let entries = try POSIXFileSystem().listDirectory(dir.url("list")).get()
        #expect(entries.map(\.name) == ["B.txt", "a", "b", "c"])
        #expect(entries.map(\.kind) == [.file, .file, .directory, .symlink])
    }

    // MARK: - The audit goes on when paths cannot be inspected

    @Test func refusedDirectoriesAreReportedAndTheAuditGoesOn() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        let fileSystem = RefusingFileSystem(refused: [state + "/agents", state + "/credentials", state + "/extensions"])
        let report = try auditReport(
            config: "{}",
            files: [
                .directory("credentials", mode: 0o755),
                .file("agents/main/sessions/a.jsonl", "{}", mode: 0o644),
                .directory("extensions/p"),
                .chmod(".", 0o755),
            ],
            fileSystem: fileSystem, in: dir)
        let ids = report.findings.map(\.checkId)
        #expect(ids.contains("fs.state_dir.perms_readable"), "other checks still run")
        #expect(!ids.contains("fs.credentials_dir.perms_readable"))
        #expect(!ids.contains("fs.session_transcripts.perms_readable"))
        #expect(!ids.contains("plugins.extensions_no_allowlist"))
        let gap = try #require(report.findings.first { $0.checkId == "fs.inspection_incomplete" })
        #expect(gap.severity == .info)
        #expect(gap.detail == """
            7 path(s) could not be inspected; the checks that need them skipped them:
            - \(state)/credentials: lstat: Permission denied
            - \(state)/agents/main/agent/auth-profiles.json: lstat: Permission denied
            - \(state)/agents/main/sessions/sessions.json: lstat: Permission denied
            - \(state)/agents: readdir: Permission denied
            - \(state)/agents/main/sessions: readdir: Permission denied
            - \(state)/agents/main/agent/openclaw-agent.sqlite: lstat: Permission denied
            - \(state)/extensions: stat: Permission denied
            """)
        #expect(ids.last == "fs.inspection_incomplete")
    }

    /// A path longer than PATH_MAX cannot be examined by anyone, root included: a real,
    /// uninjected failure.
    @Test func aPathNoOneCanInspectIsAGap() throws {
        let longPath = "/tmp/" + String(repeating: "deep/", count: 900) + "gateway.log"
        let report = try auditReport(config: #"{ logging: { file: "\#(longPath)" } }"#)
        let gap = try #require(report.findings.first { $0.checkId == "fs.inspection_incomplete" })
        #expect(gap.detail.contains("\(longPath): lstat: File name too long"))
        #expect(!report.findings.contains { $0.checkId == "fs.log_file.perms_readable" })
    }

    @Test func symlinkLoopsAndDanglingLinksNeverStopTheAudit() throws {
        let report = try auditReport(
            config: #"{ agents: { defaults: { workspace: "{stateDir}/../ws" } } }"#,
            files: [
                .symlink("credentials", to: "credentials"),
                .symlink("agents", to: "agents"),
                .symlink("extensions", to: "../nowhere"),
                .directory("../ws/skills/a"),
                .symlink("../ws/skills/a/up", to: "../ws/skills"),
                .symlink("../ws/skills/a/self", to: "../ws/skills/a/self"),
                .file("../ws/skills/a/SKILL.md", "# a"),
            ])
        let ids = report.findings.map(\.checkId)
        #expect(!ids.contains("skills.workspace.symlink_escape"))
        #expect(!ids.contains("skills.workspace.scan_truncated"))
        let gap = try #require(report.findings.first { $0.checkId == "fs.inspection_incomplete" })
        #expect(gap.detail.contains("credentials: symlink target cannot be examined (stat: Too many levels of symbolic links)"))
        #expect(gap.detail.contains("/agents: readdir: Too many levels of symbolic links"))
        #expect(!gap.detail.contains("extensions"), "a dangling link is absent, not a gap")
    }

    @Test func aDanglingConfigSymlinkIsReportedWithoutModeFindings() throws {
        let report = try auditReport(config: "{}", files: [.symlink("openclaw.json", to: "../gone.json")])
        let ids = report.findings.map(\.checkId)
        #expect(ids.contains("fs.config.symlink"))
        #expect(!ids.contains { $0.hasPrefix("fs.config.perms") })
        #expect(!ids.contains("fs.inspection_incomplete"))
    }

    // MARK: - Workspace skill walk

    @Test func skillWalkFollowsSymlinkedDirectoriesOnceAndStopsAtItsLimits() throws {
        let dir = try TemporaryDirectory()
        for name in ["a", "b", "c", "d"] { try dir.write("ws/skills/\(name)/SKILL.md", "#") }
        symlink(dir.url("ws/skills"), dir.url("ws/skills/a/back"))
        try dir.write("ws/skills/node_modules/x/SKILL.md", "#")
        try dir.write("ws/skills/.git/SKILL.md", "#")
        var gaps: [InspectionGap] = []
        let full = WorkspaceSkillWalker(fileSystem: POSIXFileSystem()).scan(workspace: dir.url("ws"), gaps: &gaps)
        #expect(full.skillFiles.map { PathNormalization.basename(PathNormalization.dirname($0.path)) } == ["a", "b", "c", "d"])
        #expect(!full.truncated && gaps.isEmpty)

        let capped = WorkspaceSkillWalker(fileSystem: POSIXFileSystem(), maxSkillFiles: 2).scan(workspace: dir.url("ws"), gaps: &gaps)
        #expect(capped.skillFiles.count == 2 && capped.truncated)
        let fewDirs = WorkspaceSkillWalker(fileSystem: POSIXFileSystem(), maxDirectories: 3).scan(workspace: dir.url("ws"), gaps: &gaps)
        #expect(fewDirs.skillFiles.count == 2 && fewDirs.truncated)
    }

    @Test func escapeFindingListsTwelveRowsThenACount() throws {
        var files: [FileFixture] = [.file("../outside/SKILL.md", "#")]
        for index in 0..<14 {
            files.append(.directory("../ws/skills/s\(String(format: "%02d", index))"))
            files.append(.symlink("../ws/skills/s\(String(format: "%02d", index))/SKILL.md", to: "../outside/SKILL.md"))
        }
        let dir = try TemporaryDirectory()
        let report = try auditReport(config: #"{ agents: { defaults: { workspace: "{stateDir}/../ws" } } }"#, files: files, in: dir)
        let finding = try #require(report.findings.first { $0.checkId == "skills.workspace.symlink_escape" })
        let ws = dir.url("ws")
        let real = try #require(BoundedFileReader.realpath(dir.url("outside/SKILL.md")))
        #expect(finding.detail.hasPrefix("Detected workspace `skills/**/SKILL.md` paths whose realpath escapes their workspace root:\n- workspace=\(ws)\n  skill=\(ws)/skills/s00/SKILL.md\n  realpath=\(real)\n- workspace="))
        #expect(finding.detail.hasSuffix("\n  skill=\(ws)/skills/s11/SKILL.md\n  realpath=\(real)\n- +2 more"))
    }

    @Test func workspacesAreTheListedAgentsThenTheDefault() throws {
        let dir = try TemporaryDirectory()
        let config = #"{ agents: { entries: { Ops: { workspace: "~/ops" }, main: { default: true } } } }"#
        let context = try auditContext(in: dir, config: config, environment: ["OPENCLAW_PROFILE": "work"])
        #expect(context.files.workspaceSkills.map(\.workspaceDir) == [dir.url("home/ops"), dir.url("home/.openclaw/workspace-work")])

        let second = try TemporaryDirectory()
        let listed = try auditContext(in: second, config: #"{ agents: { list: [{ id: "a" }, { id: "b", default: true }] } }"#)
        #expect(listed.files.workspaceSkills.map(\.workspaceDir) == [second.url("state/workspace-a"), second.url("home/.openclaw/workspace")])
    }

    // MARK: - Session transcripts

    @Test func transcriptFindingCountsListsAndPrintsOneCommand() throws {
        var files: [FileFixture] = []
        for index in 0..<12 { files.append(.file("agents/main/sessions/s\(String(format: "%02d", index)).jsonl", "{}", mode: 0o640)) }
        files.append(.file("agents/main/sessions/ok.jsonl", "{}", mode: 0o600))
        files.append(.file("agents/zz/sessions/x.jsonl.deleted.2026-01-01T00-00-00.000Z", "{}", mode: 0o604))
        let dir = try TemporaryDirectory()
        let report = try auditReport(config: "{}", files: files, in: dir)
        let finding = try #require(report.findings.first { $0.checkId == "fs.session_transcripts.perms_readable" })
        let sessions = dir.url("state/agents/main/sessions")
        #expect(finding.severity == .critical)
        #expect(finding.detail.hasPrefix("13 session transcript(s) can be read by every local user; transcripts hold whole conversations and tool output:\n- \(sessions)/s00.jsonl mode=640\n"))
        #expect(finding.detail.hasSuffix("\n- \(sessions)/s09.jsonl mode=640\n- +3 more"))
        #expect(finding.remediation == "find \(dir.url("state/agents")) -path '*/sessions/*.jsonl*' -type f -exec chmod 600 {} +")
    }

    @Test func oneGroupReadableTranscriptGetsAPlainChmod() throws {
        let dir = try TemporaryDirectory()
        let report = try auditReport(config: "{}", files: [.file("agents/main/sessions/a b.jsonl", "{}", mode: 0o640)], in: dir)
        let finding = try #require(report.findings.first { $0.checkId == "fs.session_transcripts.perms_readable" })
        #expect(finding.severity == .warn)
        #expect(finding.detail.hasPrefix("1 session transcript(s) can be read by their group;"))
        #expect(finding.remediation == "chmod 600 \(dir.url("state/agents/main/sessions/a b.jsonl"))")
    }

    @Test func shellWordsAreQuotedOnlyWhenNeeded() {
        #expect(ShellWord.quote("/home/u/.openclaw") == "/home/u/.openclaw")
        #expect(ShellWord.quote("/home/u/my state") == "'/home/u/my state'")
        #expect(ShellWord.quote("/it's") == #"'/it'\''s'"#)
    }

    // MARK: - State dir owner

    @Test func foreignOwnerIsCriticalForANormalAuditor() throws {
        guard getuid() == 0 else { return }  // chown needs root
        let dir = try TemporaryDirectory()
        let report = try auditReport(
            config: "{}", files: [.chown(".", uid: 4242)],
            fileSystem: RefusingFileSystem(uid: 1000), in: dir)
        let finding = try #require(report.findings.first { $0.checkId == "fs.state_dir.foreign_owner" })
        #expect(finding.severity == .critical)
        #expect(finding.detail.hasPrefix("\(dir.url("state")) is owned by uid 4242, not by the user running this audit (uid 1000"))
        let rootOwned = try auditReport(config: "{}", fileSystem: RefusingFileSystem(uid: 1000))
        #expect(!rootOwned.findings.contains { $0.checkId == "fs.state_dir.foreign_owner" })
    }
}
