/// Reads the exec approvals file in the facts pass. A missing file is the empty
/// default; a file that cannot be read is a gap in the inspection and, like an invalid
/// one, evaluates fail-closed (as the gateway treats a file it cannot trust).
struct ExecApprovalsReader {
    /// Far above any real approvals file.
    static let maxBytes = 16 * 1024 * 1024
    static let fileName = "exec-approvals.json"

    var fileSystem: any FileSystemAccess
    var resolver: PathResolver

    /// `$OPENCLAW_STATE_DIR/exec-approvals.json`, else `~/.openclaw/exec-approvals.json`
    /// (the later rule; legacy state dir names are not consulted).
    var path: String {
        if let stateDir = resolver.environment["OPENCLAW_STATE_DIR"]?.trimmingWhitespace, !stateDir.isEmpty {
            return PathNormalization.join(resolver.resolveUserPath(stateDir), Self.fileName)
        }
        return PathNormalization.join(resolver.homeDir(), "\(PathResolver.stateDirName)/\(Self.fileName)")
    }

    func read(gaps: inout [InspectionGap]) -> ExecApprovals {
        let path = path
        switch fileSystem.readFile(path, limit: Self.maxBytes) {
        case .failure(let error) where error.isNotFound:
            return .missing(path: path)
        case .failure(let error):
            gaps.append(InspectionGap(path: path, reason: "exec approvals unreadable (\(error.message)); evaluated as deny-all"))
            return .failClosed(path: path, source: .unreadable)
        case .success(let bytes):
            guard let root = StrictJSON.configTree(bytes, file: path) else { return .failClosed(path: path, source: .invalid) }
            return ExecApprovals.parse(root, path: path)
        }
    }
}
