/// The one file-facts pass: every `lstat`/`stat`, listing and small read that the
/// filesystem, plugin and workspace-skill checks need, done before the checks run.
/// Nothing here fails the audit: what cannot be examined is recorded as a gap.
struct FileFactsGatherer {
    var fileSystem: any FileSystemAccess = POSIXFileSystem()
    var config: ConfigNode
    var paths: OpenClawPaths
    var includeFiles: [String]
    var environment: [String: String]
    var resolver: PathResolver

    func gather() -> FileFacts {
        var facts = FileFacts()
        facts.auditorUID = fileSystem.effectiveUID

        inspect(paths.stateDir, into: &facts)
        inspect(paths.configPath, into: &facts)
        for include in includeFiles { inspect(include, into: &facts) }
        inspect(paths.credentialsDir, into: &facts)

        let roster = AgentRoster(config: config)
        for agentId in roster.agentIdsDefaultFirst {
            inspect(agentFile(agentId, "agent", "auth-profiles.json"), into: &facts)
            inspect(agentFile(agentId, "sessions", "sessions.json"), into: &facts)
        }
        gatherTranscripts(rosterIds: roster.agentIdsDefaultFirst, into: &facts)
        gatherStateDatabases(rosterIds: roster.agentIdsDefaultFirst, into: &facts)

        if let logFile = LogFileLocation.resolve(config: config, environment: environment, cwd: resolver.cwd) {
            facts.logFile = logFile
            inspect(logFile, into: &facts)
        }

        let walker = WorkspaceSkillWalker(fileSystem: fileSystem)
        for workspace in workspaceDirs(roster) {
            facts.workspaceSkills.append(walker.scan(workspace: workspace, gaps: &facts.gaps))
        }

        facts.plugins = installedPlugins(gaps: &facts.gaps)
        let installs = InstallRecordReader(fileSystem: fileSystem, cwd: resolver.cwd)
        facts.pluginInstalls = installs.read(
            config["plugins"]["installs"], defaultRoot: PathNormalization.join(paths.stateDir, "extensions"),
            gaps: &facts.gaps)
        facts.hookInstalls = installs.read(
            config["hooks"]["internal"]["installs"], defaultRoot: PathNormalization.join(paths.stateDir, "hooks"),
            gaps: &facts.gaps)

        facts.execApprovals = ExecApprovalsReader(fileSystem: fileSystem, resolver: resolver).read(gaps: &facts.gaps)
        facts.mcporterRegistry = MCPorterRegistry.read(stateDir: paths.stateDir, fileSystem: fileSystem)

        var uids = Set([facts.auditorUID])
        if let owner = facts[paths.stateDir].permissions?.ownerUID { uids.insert(owner) }
        for uid in uids {
            if let name = fileSystem.userName(of: uid) { facts.userNames[uid] = name }
        }
        return facts
    }

    private func agentFile(_ agentId: String, _ parts: String...) -> String {
        PathNormalization.join(([paths.stateDir, "agents", agentId] + parts).joined(separator: "/"))
    }

    private func inspect(_ path: String, into facts: inout FileFacts) {
        guard facts.paths[path] == nil else { return }
        let fact = PermissionModel.inspect(path, using: fileSystem)
        facts.paths[path] = fact
        switch fact {
        case .uninspectable(let error):
            facts.gaps.append(InspectionGap(path: path, reason: error.message))
        case .present(let permissions):
            // A dangling link is simply absent; a loop or a refusal is a gap.
            if let error = permissions.targetError, !error.isNotFound {
                facts.gaps.append(InspectionGap(path: path, reason: "symlink target cannot be examined (\(error.message))"))
            }
        case .absent:
            break
        }
    }

    /// Transcripts of every agent directory on disk (and of every configured agent), so
    /// the conversations of an agent removed from the config are still covered.
    private func gatherTranscripts(rosterIds: [String], into facts: inout FileFacts) {
        let agentsDir = PathNormalization.join(paths.stateDir, "agents")
        var agentNames: [String] = []
        switch fileSystem.listDirectory(agentsDir) {
        case .success(let entries):
            agentNames = entries.filter { $0.kind == .directory || $0.kind == .symlink }.map(\.name)
        case .failure(let error):
            if !error.isNotFound { facts.gaps.append(InspectionGap(path: agentsDir, reason: error.message)) }
        }
        var seen = Set<String>()
        for name in agentNames + rosterIds where seen.insert(name).inserted {
            let sessionsDir = agentsDir + "/" + name + "/sessions"
            let entries: [(entry: DirectoryEntry, status: Result<FileStatus, FileSystemError>?)]
            let isTranscript = { (entry: DirectoryEntry) in
                (entry.kind == .file || entry.kind == .symlink) && Self.isTranscriptName(entry.name)
            }
            switch fileSystem.listDirectory(sessionsDir, statusOf: isTranscript) {
            case .success(let list): entries = list
            case .failure(let error):
                if !error.isNotFound { facts.gaps.append(InspectionGap(path: sessionsDir, reason: error.message)) }
                continue
            }
            for (entry, status) in entries {
                guard let status else { continue }
                let path = sessionsDir + "/" + entry.name
                let fact: PathFact
                switch status {
                case .success(let linkStatus) where !linkStatus.isSymlink:
                    fact = .present(PathPermissions(
                        isSymlink: false, isDirectory: linkStatus.isDirectory, mode: linkStatus.mode,
                        ownerUID: linkStatus.ownerUID))
                case .success:
                    fact = PermissionModel.inspect(path, using: fileSystem)
                case .failure(let error):
                    fact = error.isNotFound ? .absent : .uninspectable(error)
                }
                switch fact {
                case .present(let permissions) where !permissions.isDirectory:
                    if permissions.targetError == nil {
                        facts.sessionTranscripts.append(SessionTranscript(path: path, permissions: permissions))
                    }
                case .uninspectable(let error):
                    facts.gaps.append(InspectionGap(path: path, reason: error.message))
                    facts.uninspectableTranscripts.append(InspectionGap(path: path, reason: error.message))
                default:
                    break
                }
            }
        }
    }

    /// The SQLite stores and their sidecars, by `lstat` alone (a symlink's target is
    /// `stat`ed, as for every other file): the plain audit never opens a database.
    private func gatherStateDatabases(rosterIds: [String], into facts: inout FileFacts) {
        var databases: [StateDatabase] = []
        let stateFolder = PathNormalization.join(paths.stateDir, StateDatabase.stateFolder)
        databases.append(database(.state, folder: stateFolder, name: StateDatabase.stateFileName, into: &facts))
        let roster = Set(rosterIds)
        for name in rosterIds + agentFolderNames(excluding: roster) {
            let folder = PathNormalization.join(paths.stateDir, "agents", name, "agent")
            databases.append(database(
                .agent(id: name, inRoster: roster.contains(name)), folder: folder,
                name: StateDatabase.agentFileName, into: &facts))
        }
        facts.stateDatabases = databases.filter { !$0.files.isEmpty }
    }

    private func database(_ role: StateDatabase.Role, folder: String, name: String, into facts: inout FileFacts) -> StateDatabase {
        let path = folder + "/" + name
        var files: [(path: String, permissions: PathPermissions)] = []
        for candidate in [path] + StateDatabase.sidecarSuffixes.map({ path + $0 }) {
            // Sidecars share the folder: what kept the database from being examined
            // keeps them too, and is reported once.
            if candidate != path, case .uninspectable = facts[path] { break }
            inspect(candidate, into: &facts)
            if let permissions = facts[candidate].permissions, permissions.targetError == nil, !permissions.isDirectory {
                files.append((candidate, permissions))
            }
        }
        var folderPermissions: PathPermissions?
        if !files.isEmpty {
            inspect(folder, into: &facts)
            folderPermissions = facts[folder].permissions
        }
        return StateDatabase(role: role, folder: folder, path: path, files: files, folderPermissions: folderPermissions)
    }

    /// `agents/*` folders (or links to folders) not in `excluding`, in listing order.
    private func agentFolderNames(excluding: Set<String>) -> [String] {
        let agentsDir = PathNormalization.join(paths.stateDir, "agents")
        guard case .success(let entries) = fileSystem.listDirectory(agentsDir) else { return [] }
        return entries
            .filter { ($0.kind == .directory || $0.kind == .symlink) && !excluding.contains($0.name) }
            .map(\.name)
    }

    /// `<id>.jsonl`, and the archives upstream leaves beside it
    /// (`<id>.jsonl.reset.<ts>`, `.deleted.<ts>`, `.bak.<ts>`), which hold the same text.
    static func isTranscriptName(_ name: String) -> Bool {
        name.hasSuffix(".jsonl") || name.contains(".jsonl.")
    }

    /// Subdirectories of `<stateDir>/extensions`. The directory itself may be a symlink
    /// (the plugin loader follows it); entries must be real directories, as the loader
    /// and upstream's audit take them; install debris is ignored as later upstream does.
    private func installedPlugins(gaps: inout [InspectionGap]) -> InstalledPlugins? {
        let extensionsDir = PathNormalization.join(paths.stateDir, "extensions")
        switch fileSystem.stat(extensionsDir) {
        case .failure(let error):
            if !error.isNotFound { gaps.append(InspectionGap(path: extensionsDir, reason: error.message)) }
            return nil
        case .success(let status):
            guard status.isDirectory else { return nil }
        }
        switch fileSystem.listDirectory(extensionsDir) {
        case .failure(let error):
            gaps.append(InspectionGap(path: extensionsDir, reason: error.message))
            return InstalledPlugins(extensionsDir: extensionsDir, names: [])
        case .success(let entries):
            let names = entries.filter { $0.kind == .directory && !Self.isInstallDebris($0.name) }.map(\.name)
            return InstalledPlugins(extensionsDir: extensionsDir, names: names)
        }
    }

    /// Later upstream's `shouldIgnoreInstalledPluginDirName`.
    static func isInstallDebris(_ name: String) -> Bool {
        let lower = name.trimmingWhitespace.lowercased()
        return lower.isEmpty || lower == "node_modules" || lower == ".openclaw-install-backups"
            || lower.hasPrefix(".") || lower.hasSuffix(".bak") || lower.contains(".backup-")
            || lower.contains(".disabled")
    }

    /// `listAgentWorkspaceDirs`: each listed agent's workspace, then the default agent's.
    private func workspaceDirs(_ roster: AgentRoster) -> [String] {
        var dirs: [String] = []
        for id in roster.agents.map(\.normalizedId) + [roster.defaultAgentId] {
            let dir = workspaceDir(for: id, roster: roster)
            if !dirs.contains(dir) { dirs.append(dir) }
        }
        return dirs
    }

    /// `resolveAgentWorkspaceDir`.
    private func workspaceDir(for agentId: String, roster: AgentRoster) -> String {
        if let configured = roster.agent(withNormalizedId: agentId)?.config["workspace"].string?.trimmingWhitespace,
           !configured.isEmpty {
            return resolver.resolveUserPath(configured)
        }
        if agentId == roster.defaultAgentId {
            if let fallback = config["agents"]["defaults"]["workspace"].string?.trimmingWhitespace, !fallback.isEmpty {
                return resolver.resolveUserPath(fallback)
            }
            let profile = environment["OPENCLAW_PROFILE"]?.trimmingWhitespace ?? ""
            let name = profile.isEmpty || profile.lowercased() == "default" ? "workspace" : "workspace-\(profile)"
            return PathNormalization.join(resolver.homeDir(), ".openclaw", name)
        }
        return PathNormalization.join(paths.stateDir, "workspace-\(agentId)")
    }
}

/// `logging.file` as the state-files collector resolves it: trimmed, a leading `~`
/// expanded with `$HOME` only (no HOME, or `~user`: not checked), then made absolute.
enum LogFileLocation {
    static func resolve(config: ConfigNode, environment: [String: String], cwd: String) -> String? {
        guard let raw = config["logging"]["file"].string?.trimmingWhitespace, !raw.isEmpty else { return nil }
        var expanded = raw
        if raw.hasPrefix("~") {
            guard let home = environment["HOME"]?.trimmingWhitespace, !home.isEmpty else { return nil }
            if raw == "~" {
                expanded = home
            } else if raw.hasPrefix("~/") || raw.hasPrefix("~\\") {
                expanded = PathNormalization.join(home, String(raw.dropFirst(2)))
            } else {
                return nil
            }
        }
        return PathNormalization.resolve(expanded, cwd: cwd)
    }
}
