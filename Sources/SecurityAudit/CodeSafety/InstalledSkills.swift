/// The installed skills the deep scan covers (`collectInstalledSkillsCodeSafetyFindings`):
/// for every agent workspace, the skills the loader would load from the extra dirs,
/// `<stateDir>/skills`, `~/.agents/skills`, `<workspace>/.agents/skills` and
/// `<workspace>/skills` (later sources win on a name clash), without bundled skills and
/// without skills inside `<stateDir>/extensions` (the plugin scan covers those), each
/// directory once.
enum InstalledSkills {
    struct Skill: Sendable, Equatable {
        var name: String
        var directory: String
    }

    static let maxCandidatesPerRoot = 300
    static let maxSkillsLoadedPerSource = 200
    static let maxSkillFileBytes = 256_000

    static func discover(
        config: ConfigNode, roster: AgentRoster, paths: OpenClawPaths, resolver: PathResolver,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> [Skill] {
        let extensionsDir = PathNormalization.join(paths.stateDir, "extensions")
        var seen: Set<String> = []
        var result: [Skill] = []
        for workspace in workspaceDirs(config: config, roster: roster, paths: paths, resolver: resolver) {
            for skill in skills(workspace: workspace, config: config, paths: paths, resolver: resolver, fileSystem: fileSystem) {
                let directory = PathNormalization.resolve(skill.directory, cwd: resolver.cwd)
                if PathNormalization.isInside(directory, root: extensionsDir) { continue }
                guard seen.insert(directory).inserted else { continue }
                result.append(Skill(name: skill.name, directory: directory))
            }
        }
        return result
    }

    /// `listAgentWorkspaceDirs`: every listed agent's workspace, then the default
    /// agent's, without duplicates.
    static func workspaceDirs(
        config: ConfigNode, roster: AgentRoster, paths: OpenClawPaths, resolver: PathResolver
    ) -> [String] {
        var dirs: [String] = []
        for agent in roster.agents {
            dirs.append(workspaceDir(agentId: agent.normalizedId, config: config, roster: roster, paths: paths, resolver: resolver))
        }
        dirs.append(workspaceDir(agentId: roster.defaultAgentId, config: config, roster: roster, paths: paths, resolver: resolver))
        var seen: Set<String> = []
        return dirs.filter { seen.insert($0).inserted }
    }

    /// `resolveAgentWorkspaceDir`.
    static func workspaceDir(
        agentId: String, config: ConfigNode, roster: AgentRoster, paths: OpenClawPaths, resolver: PathResolver
    ) -> String {
        if let configured = roster.agent(withNormalizedId: agentId)?.config["workspace"].string?.trimmingWhitespace,
           !configured.isEmpty {
            return resolver.resolveUserPath(configured)
        }
        if agentId == roster.defaultAgentId {
            if let fallback = config["agents"]["defaults"]["workspace"].string?.trimmingWhitespace, !fallback.isEmpty {
                return resolver.resolveUserPath(fallback)
            }
            let home = resolver.homeDir()
            if let profile = resolver.environment["OPENCLAW_PROFILE"]?.trimmingWhitespace,
               !profile.isEmpty, profile.lowercased() != "default" {
                return PathNormalization.join(home, ".openclaw", "workspace-\(profile)")
            }
            return PathNormalization.join(home, ".openclaw", "workspace")
        }
        return PathNormalization.join(paths.stateDir, "workspace-\(agentId)")
    }

    /// The skills one workspace sees, merged by name in the loader's precedence; the
    /// order is that of each name's first appearance (JavaScript `Map` semantics).
    static func skills(
        workspace: String, config: ConfigNode, paths: OpenClawPaths, resolver: PathResolver,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> [Skill] {
        var sources: [String] = []
        for entry in config["skills"]["load"]["extraDirs"].array ?? [] {
            if let dir = entry.string?.trimmingWhitespace, !dir.isEmpty { sources.append(resolver.resolveUserPath(dir)) }
        }
        sources.append(PathNormalization.join(paths.stateDir, "skills"))
        sources.append(PathNormalization.join(resolver.homeDir(), ".agents", "skills"))
        sources.append(PathNormalization.resolve(".agents/skills", cwd: workspace))
        sources.append(PathNormalization.resolve("skills", cwd: workspace))

        var order: [String] = []
        var byName: [String: Skill] = [:]
        for source in sources {
            for skill in load(root: source, fileSystem: fileSystem) {
                if byName[skill.name] == nil { order.append(skill.name) }
                byName[skill.name] = skill
            }
        }
        return order.compactMap { byName[$0] }
    }

    /// One skills root: the root itself when it holds a `SKILL.md`, else its child
    /// directories that do (sorted, capped), after the nested-`skills/` heuristic.
    static func load(root: String, fileSystem: any FileSystemAccess) -> [Skill] {
        let base = nestedRoot(root, fileSystem: fileSystem)
        if let skill = skill(at: base, fileSystem: fileSystem) { return [skill] }
        if fileSystem.exists(PathNormalization.join(base, "SKILL.md")) { return [] }
        var loaded: [Skill] = []
        for name in childDirectories(base, fileSystem: fileSystem).sorted(by: { $0.utf16.lexicographicallyPrecedes($1.utf16) })
            .prefix(maxSkillsLoadedPerSource) {
            if let skill = skill(at: PathNormalization.join(base, name), fileSystem: fileSystem) { loaded.append(skill) }
            if loaded.count >= maxSkillsLoadedPerSource { break }
        }
        return loaded
    }

    /// `dir/skills` is the real root when some `dir/skills/<name>/SKILL.md` exists.
    static func nestedRoot(_ dir: String, fileSystem: any FileSystemAccess) -> String {
        let nested = PathNormalization.join(dir, "skills")
        guard (try? fileSystem.kindFollowingLinks(nested)) == .directory else { return dir }
        for name in childDirectories(nested, fileSystem: fileSystem).prefix(maxCandidatesPerRoot)
        where fileSystem.exists(PathNormalization.join(nested, name, "SKILL.md")) {
            return nested
        }
        return dir
    }

    /// Non-hidden, non-`node_modules` directories, and symlinks to directories.
    static func childDirectories(_ dir: String, fileSystem: any FileSystemAccess) -> [String] {
        guard let entries = try? fileSystem.scanListing(dir) else { return [] }
        return entries.compactMap { entry in
            if entry.name.hasPrefix(".") || entry.name == "node_modules" { return nil }
            switch entry.kind {
            case .directory: return entry.name
            case .symlink:
                return (try? fileSystem.kindFollowingLinks(PathNormalization.join(dir, entry.name))) == .directory ? entry.name : nil
            default: return nil
            }
        }
    }

    /// A skill directory: its `SKILL.md` exists and is not oversized; the name is the
    /// frontmatter `name`, else the directory name.
    static func skill(at dir: String, fileSystem: any FileSystemAccess) -> Skill? {
        let file = PathNormalization.join(dir, "SKILL.md")
        guard let bytes = try? fileSystem.readFile(file, limit: maxSkillFileBytes).get() else { return nil }
        let name = frontmatterValue("name", in: String(decoding: bytes, as: UTF8.self))
        return Skill(name: name ?? PathNormalization.basename(dir), directory: dir)
    }

    /// A single-line `key: value` of the leading `---` block, quotes removed.
    static func frontmatterValue(_ key: String, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard lines.next()?.trimmingWhitespace == "---" else { return nil }
        while let line = lines.next() {
            let trimmed = line.trimmingWhitespace
            if trimmed == "---" { break }
            guard trimmed.hasPrefix(key + ":") else { continue }
            var value = trimmed.dropFirst(key.count + 1).trimmingWhitespace
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
