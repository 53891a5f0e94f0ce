/// The skills of each agent's Skill Workshop, which the deep code-safety scan also walks
/// since 2026.9.3 (the agent-owned Workshop of upstream PR #135528; the skills loader's
/// `<stateDir>/agents/<agentId>/agent/workshop-skills` source). A Workshop root holds
/// skill folders (`<name>/SKILL.md`) and group folders of skill folders; hidden entries
/// (`.archive`, the doctor's export of retired proposals) are not live skills.
///
/// Every entry is read through the file-system seam without following a link out of the
/// Workshop root: a link that leaves it or leads nowhere, a folder that cannot be listed
/// and a root with more candidates than the loader takes are reported as scans that
/// could not complete (`skills.code_safety.scan_failed`), never read.
enum WorkshopSkills {
    static let since = OpenClawVersion(major: 2026, minor: 9, patch: 3)
    /// As the loader's other sources: at most this many candidate folders per root.
    static let maxCandidatesPerRoot = InstalledSkills.maxCandidatesPerRoot

    struct Failure: Sendable, Equatable {
        var name: String
        var directory: String
        var error: String
    }

    struct Discovery: Sendable, Equatable {
        var skills: [InstalledSkills.Skill] = []
        var failures: [Failure] = []
    }

    static func root(agentId: String, stateDir: String) -> String {
        PathNormalization.join(stateDir, "agents", agentId, "agent", "workshop-skills")
    }

    static func discover(
        roster: AgentRoster, stateDir: String, release: OpenClawRelease, fileSystem: any FileSystemAccess
    ) -> Discovery {
        guard release.isAtLeast(since) else { return Discovery() }
        var discovery = Discovery()
        let realStateDir = fileSystem.resolvedPath(stateDir) ?? stateDir
        for agentId in roster.agentIdsDefaultFirst {
            walk(root: root(agentId: agentId, stateDir: stateDir), realStateDir: realStateDir, fileSystem: fileSystem, into: &discovery)
        }
        return discovery
    }

    static func walk(root: String, realStateDir: String, fileSystem: any FileSystemAccess, into discovery: inout Discovery) {
        guard case .success(let status) = fileSystem.lstat(root) else { return }
        let rootName = PathNormalization.basename(root)
        guard !status.isSymlink else {
            // The root itself must be the agent's folder, not a way elsewhere.
            discovery.failures.append(Failure(
                name: rootName, directory: root, error: "Error: skill root is a symbolic link, not scanned: '\(root)'"))
            return
        }
        guard status.isDirectory, let realRoot = fileSystem.resolvedPath(root) else { return }
        guard PathNormalization.isInside(realRoot, root: realStateDir) else {
            // A linked agents/<id> folder: the Workshop lies elsewhere, and is not read.
            discovery.failures.append(Failure(
                name: rootName, directory: root,
                error: "Error: skill root resolves outside the state dir, not scanned: '\(root)' -> '\(realRoot)'"))
            return
        }
        var candidates = 0
        var limitReported = false
        func visit(_ directory: String, isGroup: Bool) {
            let entries: [DirectoryEntry]
            do {
                entries = try fileSystem.scanListing(directory)
            } catch {
                discovery.failures.append(Failure(
                    name: PathNormalization.basename(directory), directory: directory, error: error.nodeDescription))
                return
            }
            for entry in entries where !entry.name.hasPrefix(".") && entry.name != "node_modules" {
                let path = PathNormalization.join(directory, entry.name)
                guard let kind = kind(of: entry, at: path, realRoot: realRoot, fileSystem: fileSystem, into: &discovery),
                      kind == .directory else { continue }
                candidates += 1
                if candidates > maxCandidatesPerRoot {
                    if !limitReported {
                        limitReported = true
                        discovery.failures.append(Failure(
                            name: PathNormalization.basename(root), directory: root,
                            error: "Error: skill discovery stopped after \(maxCandidatesPerRoot) candidate folders in '\(root)'"))
                    }
                    return
                }
                if let skill = skill(at: path, realRoot: realRoot, fileSystem: fileSystem) {
                    discovery.skills.append(skill)
                } else if !isGroup {
                    visit(path, isGroup: true)
                }
            }
        }
        visit(root, isGroup: false)
    }

    /// A skill folder: its `SKILL.md`, read without leaving the Workshop root; the name
    /// is the frontmatter `name`, else the folder name (as `InstalledSkills.skill`).
    static func skill(at directory: String, realRoot: String, fileSystem: any FileSystemAccess) -> InstalledSkills.Skill? {
        let file = PathNormalization.join(directory, "SKILL.md")
        guard let bytes = try? fileSystem.readFile(
            file, limit: InstalledSkills.maxSkillFileBytes, options: ReadOptions(within: realRoot)).get() else { return nil }
        let name = InstalledSkills.frontmatterValue("name", in: String(decoding: bytes, as: UTF8.self))
        return InstalledSkills.Skill(name: name ?? PathNormalization.basename(directory), directory: directory)
    }

    /// What an entry is; a link counts as its target only while the target stays in
    /// the Workshop root. Links out of it and links to nothing are failures.
    static func kind(
        of entry: DirectoryEntry, at path: String, realRoot: String, fileSystem: any FileSystemAccess,
        into discovery: inout Discovery
    ) -> DirectoryEntry.Kind? {
        guard entry.kind == .symlink else { return entry.kind }
        guard let real = fileSystem.resolvedPath(path) else {
            discovery.failures.append(Failure(
                name: entry.name, directory: path, error: "Error: dangling symbolic link, not scanned: '\(path)'"))
            return nil
        }
        guard PathNormalization.isInside(real, root: realRoot) else {
            discovery.failures.append(Failure(
                name: entry.name, directory: path,
                error: "Error: skill path resolves outside its configured root, not scanned: '\(path)' -> '\(real)'"))
            return nil
        }
        return try? fileSystem.kindFollowingLinks(path)
    }
}
