import JSON5

/// `openclaw-security audit --fix`: plans the config edits from the
/// config as loaded, writes them atomically into the files that hold the values, then
/// tightens permissions of the state dir, config, include files, credentials and agent
/// state in the original's order. With `dryRun` it only reports what it would do.
///
/// A config that exists but cannot be loaded (it does not parse, an `$include` fails) is
/// refused here before anything changes (`tightenUnloadable` then does what is safe
/// without it); the original audits it as an empty config, which reported "all clear"
/// for a file that says otherwise. Past that point
/// whatever fails is recorded in the result (`errors` for the config, the action's
/// `error` for a chmod), and the remaining steps still run.
public enum SecurityFixer {
    /// Plans from `context`, the one the checks saw (its loaded config and include
    /// files, its pairing stores, its session transcripts), then applies the plan unless
    /// `dryRun`. `systemHome` is the password database's home: a state dir equal to it
    /// is one `--fix` must not change.
    public static func run(
        _ context: AuditContext, systemHome: String?, dryRun: Bool = false,
        operations: any FixFileOperations = POSIXFixFileOperations()
    ) -> SecurityFixResult {
        let paths = context.paths
        let loaded = context.configFile
        var result = SecurityFixResult(stateDir: paths.stateDir, configPath: paths.configPath, dryRun: dryRun)
        let configDir = PathNormalization.dirname(paths.configPath)
        // Everything is reached from the state dir; include files, which must lie in the
        // config's folder, also from that folder when the config lives elsewhere.
        let walker = NoFollowWalker(anchors: [paths.stateDir])
        let includeWalker = NoFollowWalker(anchors: [paths.stateDir, configDir])

        let unsafeStateDir = UnsafeStateDir.refusal(
            stateDir: paths.stateDir, homeDirs: [paths.homeDir, systemHome].compactMap { $0 })
        if loaded.exists {
            let rewrites = planRewrites(context, into: &result)
            if dryRun {
                // Diffs show whole lines around each edit: secrets on them are redacted
                // as in every other output.
                result.configDiffs = rewrites.map {
                    ConfigFileDiff(path: $0.path, unifiedDiff: UnifiedDiff.render(
                        old: ConfigTextRedaction.redact($0.before), new: ConfigTextRedaction.redact($0.after),
                        oldLabel: $0.path, newLabel: $0.path + " (fixed)"))
                }
            } else if let unsafeStateDir, !rewrites.isEmpty {
                result.errors.append("writeConfigFile refused: state dir \(paths.stateDir): \(unsafeStateDir)")
            } else if !rewrites.isEmpty {
                write(rewrites, walker: walker, includeWalker: includeWalker, operations: operations, into: &result)
            }
        }

        // Under an unsafe state dir the targets are only looked at, as in a dry run, and
        // none is changed: the state dir's action fails, the others are refused.
        let fixer = PermissionFixer(walker: walker, dryRun: dryRun || unsafeStateDir != nil)
        let includeFixer = PermissionFixer(walker: includeWalker, dryRun: dryRun || unsafeStateDir != nil)
        result.actions = permissionActions(
            paths: paths, includes: loaded.exists ? loaded.includeFiles : [],
            agentIds: context.agents.agentIdsDefaultFirst, transcripts: context.files.sessionTranscripts.filter { !$0.permissions.isSymlink }.map(\.path),
            fixer: fixer, includeFixer: includeFixer, walker: walker)
        refuseChanges(under: unsafeStateDir, stateDir: paths.stateDir, in: &result)
        return result
    }

    /// Prepares the context as the audit does, then fixes from it.
    public static func run(
        _ request: AuditRequest, dryRun: Bool = false,
        operations: any FixFileOperations = POSIXFixFileOperations()
    ) throws(ConfigLoadError) -> SecurityFixResult {
        run(try AuditPreparation.prepare(request), systemHome: request.systemHome, dryRun: dryRun, operations: operations)
    }

    /// `--fix` on a config that does not load: the config is neither edited nor audited,
    /// but the state dir and the config file itself are still tightened, as upstream's
    /// `src/security/fix.ts` does ("ok=false for unparseable config but still tightens
    /// state/config perms"): a mode change loses nothing, and those two targets need no
    /// value from the config. `ok` is false, and `errors` holds the `FILE:LINE:COL` error.
    public static func tightenUnloadable(_ request: AuditRequest, error: ConfigLoadError) -> SecurityFixResult {
        let (_, paths) = AuditPreparation.locate(request)
        var result = SecurityFixResult(stateDir: paths.stateDir, configPath: paths.configPath, errors: [error.description])
        let unsafeStateDir = UnsafeStateDir.refusal(
            stateDir: paths.stateDir, homeDirs: [paths.homeDir, request.systemHome].compactMap { $0 })
        let fixer = PermissionFixer(walker: NoFollowWalker(anchors: [paths.stateDir]), dryRun: unsafeStateDir != nil)
        result.actions = [
            fixer.fix(paths.stateDir, mode: 0o700, require: .directory),
            fixer.fix(paths.configPath, mode: 0o600, require: .file),
        ]
        refuseChanges(under: unsafeStateDir, stateDir: paths.stateDir, in: &result)
        return result
    }

    /// Under an unsafe state dir the targets were only looked at: the state dir's action
    /// fails, the others are refused.
    static func refuseChanges(under unsafeStateDir: String?, stateDir: String, in result: inout SecurityFixResult) {
        guard let unsafeStateDir else { return }
        for index in result.actions.indices {
            if result.actions[index].path == stateDir {
                result.actions[index].status = .failed("refusing to change the state dir: \(unsafeStateDir)")
            } else if result.actions[index].status == .planned {
                result.actions[index].status = .skipped(.unsafeStateDir)
            }
        }
    }

    /// The edited bytes of every file that changes; the change strings go into `result`.
    /// The plan reads the config as written (before the legacy-key view) and the WhatsApp
    /// default account's pairing-store entries the channel checks read, for the audited
    /// release.
    static func planRewrites(_ context: AuditContext, into result: inout SecurityFixResult) -> [ConfigFileRewrite] {
        let loaded = context.configFile
        let store = context.channelFacts.storeEntries(channel: .whatsapp, accountId: ChannelInventory.defaultAccountId)
        let plan = ConfigFixPlanner(
            config: loaded.writtenRoot ?? loaded.root, whatsAppStoreAllowFrom: store, release: context.openclaw).plan()
        result.changes = plan.changes
        result.errors += plan.errors
        guard !plan.edits.isEmpty else { return [] }
        let editor = ConfigFileEditor { path in
            // The bytes the plan was made from; the writer refuses a file that changed since.
            if path == loaded.path { return .success(loaded.sourceBytes) }
            if let bytes = loaded.includeSources[path] { return .success(bytes) }
            return Result { () throws(FileSystemError) in
                try BoundedFileReader.read(path, limit: ConfigIncludeResolver.maxIncludeFileBytes, rejectHardLinks: true)
            }.mapError { ConfigFileEditor.ConfigFileEditError(message: "\(path): \($0.readFailureMessage)") }
        }
        do {
            return try editor.rewrites(for: plan.edits)
        } catch {
            result.errors.append("writeConfigFile failed: \(error.message)")
            return []
        }
    }

    /// Stages every file first and replaces them only when all are staged, so a full disk
    /// or a refused file leaves all of them as they were. The main config goes last.
    static func write(
        _ rewrites: [ConfigFileRewrite], walker: NoFollowWalker, includeWalker: NoFollowWalker,
        operations: any FixFileOperations, into result: inout SecurityFixResult
    ) {
        let writer = AtomicConfigWriter(operations: operations)
        let ordered = rewrites.filter { $0.path != result.configPath } + rewrites.filter { $0.path == result.configPath }
        var staged: [AtomicConfigWriter.Staged] = []
        for rewrite in ordered {
            do {
                let folder: OwnedDescriptor
                switch (rewrite.path == result.configPath ? walker : includeWalker).openParentForWriting(of: rewrite.path) {
                case .success(let opened): folder = opened
                case .failure(.symlink): throw ConfigWriteError.symlink(path: rewrite.path)
                case .failure(.missing): throw ConfigWriteError.changedOnDisk(path: rewrite.path)
                case .failure(.error(let message)):
                    throw ConfigWriteError.refused(path: rewrite.path, message)
                }
                staged.append(try writer.stage(rewrite, in: folder))
            } catch let error as ConfigWriteError {
                staged.forEach(writer.discard)
                result.errors.append("writeConfigFile failed: \(error)")
                return
            } catch {
                staged.forEach(writer.discard)
                result.errors.append("writeConfigFile failed: \(rewrite.path): \(error)")
                return
            }
        }
        var written: [String] = []
        for (index, file) in staged.enumerated() {
            do {
                if let backupProblem = try writer.commit(file) {
                    result.errors.append("writeConfigFile: \(backupProblem)")
                }
                written.append(file.rewrite.path)
            } catch {
                staged[(index + 1)...].forEach(writer.discard)
                let note = written.isEmpty ? "" : " (already replaced: \(written.joined(separator: ", ")))"
                result.errors.append("writeConfigFile failed: \(error)\(note)")
                return
            }
        }
        result.configWritten = true
        for file in staged {
            do {
                try writer.syncFolder(of: file)
            } catch {
                result.errors.append("writeConfigFile: \(file.rewrite.path) was replaced, but syncing its folder failed: \(error)")
            }
        }
    }

    /// In the original's order (`src/security/fix.ts`): state dir, config, includes,
    /// credentials dir and its `*.json`, then per agent (default first) its folder,
    /// `agent/`, `auth-profiles.json`, `sessions/`, `sessions.json` and `sessions/*.jsonl`;
    /// then ours: the SQLite stores, and the rest of the transcripts.
    ///
    /// `transcripts` are the session transcripts the audit found that are not links
    /// (links are left out as the original's `readdir` + `isFile()` leaves them): the
    /// subjects of `fs.session_transcripts.perms_readable`, so what that check reports is
    /// what `--fix` tightens. The original takes a configured agent's `*.jsonl` only;
    /// the rest (rotated archives such as `<id>.jsonl.reset.<ts>`, and the transcripts of
    /// agent folders the config no longer lists) hold the same conversations and come
    /// last, configured agents first.
    static func permissionActions(
        paths: OpenClawPaths, includes: [String], agentIds: [String], transcripts: [String],
        fixer: PermissionFixer, includeFixer: PermissionFixer, walker: NoFollowWalker
    ) -> [SecurityFixAction] {
        var actions: [SecurityFixAction] = []
        actions.append(fixer.fix(paths.stateDir, mode: 0o700, require: .directory))
        actions.append(fixer.fix(paths.configPath, mode: 0o600, require: .file))
        for include in includes {
            actions.append(includeFixer.fix(include, mode: 0o600, require: .file))
        }
        actions.append(fixer.fix(paths.credentialsDir, mode: 0o700, require: .directory))
        actions += filesInFolder(paths.credentialsDir, suffix: ".json", walker: walker) { name, folder, path in
            fixer.fix(name, in: folder, path: path, mode: 0o600, require: .file)
        }
        var transcriptsByFolder = TranscriptFolders(transcripts)
        let sessionsDirs = agentIds.map { PathNormalization.join(paths.stateDir, "agents", $0, "sessions") }
        for (id, sessionsDir) in zip(agentIds, sessionsDirs) {
            let agentRoot = PathNormalization.join(paths.stateDir, "agents", id)
            let agentDir = PathNormalization.join(agentRoot, "agent")
            actions.append(fixer.fix(agentRoot, mode: 0o700, require: .directory))
            actions.append(fixer.fix(agentDir, mode: 0o700, require: .directory))
            actions.append(fixer.fix(PathNormalization.join(agentDir, "auth-profiles.json"), mode: 0o600, require: .file))
            actions.append(fixer.fix(sessionsDir, mode: 0o700, require: .directory))
            actions.append(fixer.fix(PathNormalization.join(sessionsDir, "sessions.json"), mode: 0o600, require: .file))
            let originals = transcriptsByFolder.take(sessionsDir) { $0.hasSuffix(".jsonl") }
            actions += transcriptActions(sessionsDir, names: originals, fixer: fixer, walker: walker)
        }
        actions += databaseActions(stateDir: paths.stateDir, rosterIds: agentIds, fixer: fixer, walker: walker)
        for sessionsDir in sessionsDirs {
            actions += transcriptActions(sessionsDir, names: transcriptsByFolder.take(sessionsDir), fixer: fixer, walker: walker)
        }
        for (sessionsDir, names) in transcriptsByFolder.remaining {
            actions += transcriptActions(sessionsDir, names: names, fixer: fixer, walker: walker)
        }
        return actions
    }

    /// One action per transcript of one `sessions/` folder, reached without following
    /// links: a folder that is a link (or gone) contributes nothing (a configured
    /// agent's own action says why).
    static func transcriptActions(
        _ sessionsDir: String, names: [String], fixer: PermissionFixer, walker: NoFollowWalker
    ) -> [SecurityFixAction] {
        guard !names.isEmpty, case .parent(let parent, let name) = walker.locateParent(of: sessionsDir),
              case .success(let folder) = NoFollowWalker.openDirectory(named: name, in: parent)
        else { return [] }
        return names.map { fixer.fix($0, in: folder, path: PathNormalization.join(sessionsDir, $0), mode: 0o600, require: .file) }
    }

    /// The SQLite stores, after the original's targets: `state/` 700 and
    /// `state/openclaw.sqlite` 600, then for each agent (configured ones first, then the
    /// other `agents/*/` folders) `agent/` 700 (for configured agents the original's
    /// target above) and `openclaw-agent.sqlite` 600, each with its `-wal`, `-shm` and
    /// `-journal` sidecars 600. Only modes change: the databases
    /// are never opened, so a running gateway is not disturbed. A path that does not
    /// exist gives no action (sidecars come and go with the gateway).
    static func databaseActions(
        stateDir: String, rosterIds: [String], fixer: PermissionFixer, walker: NoFollowWalker
    ) -> [SecurityFixAction] {
        var folders: [(folder: String, database: String)] = [
            (PathNormalization.join(stateDir, StateDatabase.stateFolder), StateDatabase.stateFileName),
        ]
        var seen = Set(rosterIds)
        var agentNames = rosterIds
        let agentsDir = PathNormalization.join(stateDir, "agents")
        if case .parent(let parent, let name) = walker.locateParent(of: agentsDir),
           let names = NoFollowWalker.listDirectories(named: name, in: parent) {
            agentNames += names.filter { seen.insert($0).inserted }
        }
        for name in agentNames {
            folders.append((PathNormalization.join(agentsDir, name, "agent"), StateDatabase.agentFileName))
        }
        // Looked at first without changing anything: only what exists gets an action.
        let probe = PermissionFixer(walker: walker, dryRun: true)
        var actions: [SecurityFixAction] = []
        for (index, (folder, database)) in folders.enumerated() {
            let isRosterAgent = index > 0 && index <= rosterIds.count
            switch probe.fix(folder, mode: 0o700, require: .directory).status {
            case .skipped(.missing), .skipped(.notADirectory):
                continue
            case .skipped(.symlink):
                // Nothing below a link is touched; a configured agent's folder is
                // already reported above.
                if index == 0 { actions.append(fixer.fix(folder, mode: 0o700, require: .directory)) }
                continue
            default:
                break
            }
            let path = PathNormalization.join(folder, database)
            let files = ([path] + StateDatabase.sidecarSuffixes.map { path + $0 })
                .filter { probe.fix($0, mode: 0o600, require: .file).status != .skipped(.missing) }
            guard !files.isEmpty else { continue }
            if !isRosterAgent { actions.append(fixer.fix(folder, mode: 0o700, require: .directory)) }
            actions += files.map { fixer.fix($0, mode: 0o600, require: .file) }
        }
        return actions
    }

    /// One action per regular file named `*<suffix>` directly in `folder`, reached without
    /// following links; a folder that is a link (or missing) contributes nothing.
    static func filesInFolder(
        _ folder: String, suffix: String, walker: NoFollowWalker,
        _ body: (String, OwnedDescriptor, String) -> SecurityFixAction
    ) -> [SecurityFixAction] {
        guard case .parent(let parent, let name) = walker.locateParent(of: folder),
              case .success(let opened) = NoFollowWalker.openDirectory(named: name, in: parent),
              let names = NoFollowWalker.entryNames(of: opened, kind: .regular, where: { $0.hasSuffix(suffix) })
        else { return [] }
        return names.map { body($0, opened, PathNormalization.join(folder, $0)) }
    }
}
