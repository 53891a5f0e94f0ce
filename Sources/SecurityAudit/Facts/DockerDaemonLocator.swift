#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a `docker` call could reach a daemon at all, decided without running docker.
///
/// The container audit (upstream `src/security/audit-extra.async.ts`, sandbox browser
/// containers) reports nothing when `docker` fails, so where no daemon can answer,
/// running `docker ps` only costs the audit a process start (15-20 ms) for the same
/// result. The docker CLI finds its daemon, in order, from `DOCKER_HOST`, a non-default
/// context (`DOCKER_CONTEXT`, or `currentContext` in `$DOCKER_CONFIG/config.json`,
/// `~/.docker/config.json` by default), else the socket `/var/run/docker.sock`. Any of
/// the first two may point anywhere (ssh, tcp, Docker Desktop), so they count as
/// reachable; only the default socket's absence is proof that nothing will answer.
enum DockerDaemonLocator {
    static let defaultSocket = "/var/run/docker.sock"
    /// docker's config.json is small; a larger one is not read (and counts as reachable).
    static let maxConfigBytes = 256 * 1024

    static func mayBeReachable(environment: [String: String], homeDir: String, fileSystem: any FileSystemAccess) -> Bool {
        if let host = environment["DOCKER_HOST"]?.trimmingWhitespace, !host.isEmpty { return true }
        if let context = environment["DOCKER_CONTEXT"]?.trimmingWhitespace, !context.isEmpty, context != "default" {
            return true
        }
        let configDir = environment["DOCKER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
            ?? PathNormalization.join(homeDir, ".docker")
        switch currentContext(configPath: PathNormalization.join(configDir, "config.json"), fileSystem: fileSystem) {
        case .named(let name) where name != "default": return true
        case .unreadable: return true
        case .named, .none: break
        }
        // stat, not lstat: Docker Desktop and rootful installs often link the socket.
        guard case .success(let status) = fileSystem.stat(defaultSocket) else { return false }
        return status.mode & UInt32(S_IFMT) == UInt32(S_IFSOCK)
    }

    enum ContextSetting: Equatable {
        case none
        case named(String)
        /// The file exists but could not be read or parsed: docker may use any context.
        case unreadable
    }

    static func currentContext(configPath: String, fileSystem: any FileSystemAccess) -> ContextSetting {
        switch fileSystem.readFile(configPath, limit: maxConfigBytes) {
        case .failure(let error):
            return error.isNotFound ? .none : .unreadable
        case .success(let bytes):
            guard let document = try? StrictJSON.parse(String(decoding: bytes, as: UTF8.self)) else { return .unreadable }
            guard let name = document["currentContext"]?.stringValue?.trimmingWhitespace, !name.isEmpty else { return .none }
            return .named(name)
        }
    }
}
