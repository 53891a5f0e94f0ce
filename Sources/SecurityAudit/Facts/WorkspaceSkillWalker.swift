/// The breadth-first walk of `<workspace>/skills` behind `skills.workspace.symlink_escape`
/// (upstream `listWorkspaceSkillMarkdownFiles`): dot-entries and `node_modules` are
/// skipped, symlinked directories are followed, each real directory is visited once (so
/// a symlink loop ends), and the walk stops at 2000 `SKILL.md` files or 40000
/// directories per workspace.
struct WorkspaceSkillWalker {
    static let maxSkillFiles = 2000
    static let maxDirectories = 40_000

    var fileSystem: any FileSystemAccess
    var maxSkillFiles = Self.maxSkillFiles
    var maxDirectories = Self.maxDirectories

    func scan(workspace workspaceDir: String, gaps: inout [InspectionGap]) -> WorkspaceSkillScan {
        let workspaceReal = (try? fileSystem.realpath(workspaceDir).get()) ?? workspaceDir
        var scan = WorkspaceSkillScan(
            workspaceDir: workspaceDir, workspaceRealPath: workspaceReal, skillFiles: [], truncated: false)
        let skillsRoot = PathNormalization.join(workspaceDir, "skills")
        // Unlike upstream (lstat), a symlinked skills/ is walked: the skill loader follows
        // it, so every skill behind it is loaded from outside the workspace.
        switch fileSystem.stat(skillsRoot) {
        case .failure(let error):
            if !error.isNotFound { gaps.append(InspectionGap(path: skillsRoot, reason: error.message)) }
            return scan
        case .success(let status):
            guard status.isDirectory else { return scan }
        }

        // Each queued directory carries its real path when known: a plain subdirectory's is
        // its parent's plus its name, so only symlinks need `realpath`.
        var queue: [(path: String, real: String?)] = [(skillsRoot, resolveReal(skillsRoot, gaps: &gaps))]
        var head = 0
        var visited = Set<String>()
        while head < queue.count, scan.skillFiles.count < maxSkillFiles, visited.count < maxDirectories {
            let (dir, dirReal) = queue[head]
            head += 1
            guard visited.insert(dirReal ?? dir).inserted else { continue }

            let entries: [DirectoryEntry]
            switch fileSystem.listDirectory(dir) {
            case .success(let list): entries = list
            case .failure(let error):
                // A subdirectory was just listed in its parent: if it is not found now, it
                // went away or its name is not UTF-8 (and cannot be named); either way it
                // was not scanned, which the report says.
                if !error.isNotFound || head > 1 { gaps.append(InspectionGap(path: dir, reason: error.message)) }
                continue
            }
            for entry in entries where !entry.name.hasPrefix(".") && entry.name != "node_modules" {
                let fullPath = dir + "/" + entry.name
                switch entry.kind {
                case .directory:
                    queue.append((fullPath, dirReal.map { $0 + "/" + entry.name }))
                case .file where entry.name == "SKILL.md":
                    // A plain file's real path is its directory's plus its name.
                    if let dirReal {
                        scan.skillFiles.append(.init(path: fullPath, location: .resolved(dirReal + "/" + entry.name)))
                    }
                case .symlink:
                    switch fileSystem.stat(fullPath) {
                    case .success(let target) where target.isDirectory:
                        queue.append((fullPath, resolveReal(fullPath, gaps: &gaps)))
                    case .success(let target) where target.isRegularFile && entry.name == "SKILL.md":
                        switch fileSystem.realpath(fullPath) {
                        case .success(let real):
                            scan.skillFiles.append(.init(path: fullPath, location: .resolved(real)))
                        case .failure(let error):
                            gaps.append(InspectionGap(path: fullPath, reason: error.message))
                        }
                    case .failure where entry.name == "SKILL.md":
                        if let target = try? fileSystem.readlink(fullPath).get() {
                            let absolute = PathNormalization.resolve(target, cwd: dirReal ?? dir)
                            scan.skillFiles.append(.init(path: fullPath, location: .dangling(target: absolute)))
                        }
                    default:
                        break
                    }
                default:
                    break
                }
            }
        }
        scan.truncated = head < queue.count
        return scan
    }

    private func resolveReal(_ path: String, gaps: inout [InspectionGap]) -> String? {
        switch fileSystem.realpath(path) {
        case .success(let real): return real
        case .failure(let error):
            if !error.isNotFound { gaps.append(InspectionGap(path: path, reason: error.message)) }
            return nil
        }
    }
}
