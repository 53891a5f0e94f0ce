import Foundation
import Testing
@testable import SecurityAudit

/// The deep scan's walk of each agent's Skill Workshop (2026.9.3 and later): skill and
/// group folders, hidden entries skipped, and every way out of the root reported instead
/// of followed.
struct WorkshopSkillsTests {
    static let markdown = "---\nname: helper\ndescription: d\n---\n"
    static let newest = OpenClawRelease.unknown
    static func release(_ text: String) -> OpenClawRelease { OpenClawRelease(version: OpenClawVersion(text), source: "t") }

    func roster(_ config: String) throws -> AgentRoster {
        AgentRoster(config: try auditContext(in: TemporaryDirectory(), config: config).config)
    }

    @Test func skillAndGroupFoldersOfEveryAgentAreFoundHiddenOnesAreNot() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        try dir.write("state/agents/main/agent/workshop-skills/alpha/SKILL.md", Self.markdown)
        try dir.write("state/agents/main/agent/workshop-skills/ops/beta/SKILL.md", "---\nname: beta-skill\n---\n")
        try dir.write("state/agents/main/agent/workshop-skills/.archive/.retired-proposals/p1/SKILL.md", Self.markdown)
        try dir.write("state/agents/ops/agent/workshop-skills/gamma/SKILL.md", Self.markdown)
        let roster = try self.roster(#"{ agents: { entries: { main: { default: true }, ops: {} } } }"#)
        let found = WorkshopSkills.discover(roster: roster, stateDir: state, release: Self.newest, fileSystem: POSIXFileSystem())
        #expect(found.failures.isEmpty)
        #expect(found.skills.map(\.name) == ["helper", "beta-skill", "helper"])
        #expect(found.skills.map(\.directory) == [
            "\(state)/agents/main/agent/workshop-skills/alpha", "\(state)/agents/main/agent/workshop-skills/ops/beta",
            "\(state)/agents/ops/agent/workshop-skills/gamma",
        ])
        // Before 2026.9.3 the Workshop is not the deep scan's.
        #expect(WorkshopSkills.discover(roster: roster, stateDir: state, release: Self.release("2026.9.2"), fileSystem: POSIXFileSystem()) == .init())
        #expect(!WorkshopSkills.discover(roster: roster, stateDir: state, release: Self.release("2026.9.3"), fileSystem: POSIXFileSystem()).skills.isEmpty)
    }

    @Test func linksOutOfTheRootAndDanglingLinksAreReportedNotFollowed() throws {
        let dir = try TemporaryDirectory()
        let state = dir.url("state")
        let root = "\(state)/agents/main/agent/workshop-skills"
        try dir.write("outside/SKILL.md", Self.markdown)
        try dir.write("state/agents/main/agent/workshop-skills/inner/SKILL.md", Self.markdown)
        try FileManager.default.createSymbolicLink(atPath: "\(root)/escape", withDestinationPath: dir.url("outside"))
        try FileManager.default.createSymbolicLink(atPath: "\(root)/nowhere", withDestinationPath: dir.url("missing"))
        try FileManager.default.createSymbolicLink(atPath: "\(root)/alias", withDestinationPath: "inner")
        // A SKILL.md that is a link out of the root is not read.
        try dir.makeDirectory("state/agents/main/agent/workshop-skills/sneaky")
        try FileManager.default.createSymbolicLink(atPath: "\(root)/sneaky/SKILL.md", withDestinationPath: dir.url("outside/SKILL.md"))
        let recording = RecordingFileSystem()
        let found = WorkshopSkills.discover(
            roster: try roster("{}"), stateDir: state, release: Self.newest, fileSystem: recording)
        #expect(found.skills.map(\.directory) == ["\(root)/alias", "\(root)/inner"])
        // The folder whose SKILL.md leaves the root is no skill; its link is reported too.
        #expect(found.failures.map(\.directory) == ["\(root)/escape", "\(root)/nowhere", "\(root)/sneaky/SKILL.md"])
        #expect(found.failures[0].error.contains("resolves outside its configured root"))
        #expect(found.failures[1].error.contains("dangling symbolic link"))
        #expect(!recording.paths.contains { $0.hasPrefix(dir.url("outside")) && !$0.hasSuffix("outside") })
    }

    @Test func aRootOutsideTheStateDirIsNotWalked() throws {
        let dir = try TemporaryDirectory()
        try dir.write("elsewhere/agent/workshop-skills/x/SKILL.md", Self.markdown)
        try dir.makeDirectory("state/agents")
        try FileManager.default.createSymbolicLink(atPath: dir.url("state/agents/main"), withDestinationPath: dir.url("elsewhere"))
        let found = WorkshopSkills.discover(
            roster: try roster("{}"), stateDir: dir.url("state"), release: Self.newest, fileSystem: POSIXFileSystem())
        #expect(found.skills.isEmpty)
        #expect(found.failures.first?.error.contains("outside the state dir") == true)
    }

    @Test func anUnreadableGroupAndTheDiscoveryLimitAreReported() throws {
        let dir = try TemporaryDirectory()
        let root = dir.url("state/agents/main/agent/workshop-skills")
        try dir.write("state/agents/main/agent/workshop-skills/locked/inner/SKILL.md", Self.markdown)
        let refusing = RefusingFileSystem(refused: ["\(root)/locked"])
        let found = WorkshopSkills.discover(
            roster: try roster("{}"), stateDir: dir.url("state"), release: Self.newest, fileSystem: refusing)
        #expect(found.failures.map(\.directory) == ["\(root)/locked"])
        #expect(found.failures.first?.error.hasPrefix("Error: EACCES: permission denied, ") == true)

        for index in 0...WorkshopSkills.maxCandidatesPerRoot {
            try dir.write("state/agents/main/agent/workshop-skills/many/s\(index)/SKILL.md", Self.markdown)
        }
        let limited = WorkshopSkills.discover(
            roster: try roster("{}"), stateDir: dir.url("state"), release: Self.newest, fileSystem: POSIXFileSystem())
        #expect(limited.failures.map(\.error).contains { $0.contains("skill discovery stopped after 300 candidate folders") })
        #expect(limited.skills.count < WorkshopSkills.maxCandidatesPerRoot)
    }

    /// The deep audit scans what the walk found and reports what it could not walk.
    @Test func theDeepAuditScansWorkshopSkills() throws {
        let example = CheckExample("{}", files: [
            .file("agents/main/agent/workshop-skills/ops/runner/SKILL.md", Self.markdown),
            .file("agents/main/agent/workshop-skills/ops/runner/run.js", "eval(\"1\");\n"),
            .symlink("agents/main/agent/workshop-skills/gone", to: "../nowhere"),
        ], deep: true, release: "2026.9.9")
        let report = try auditReport(example: example)
        let skills = report.findings.filter { $0.checkId.hasPrefix("skills.code_safety") }
        #expect(skills.map(\.checkId).sorted() == ["skills.code_safety", "skills.code_safety.scan_failed"])
        #expect(skills.first { $0.checkId == "skills.code_safety.scan_failed" }?.title == "Skill \"gone\" code scan failed")
    }
}
