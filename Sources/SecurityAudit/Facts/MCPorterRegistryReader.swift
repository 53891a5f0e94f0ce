#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The global mcporter registry (`<stateDir>/skills/config/mcporter.json`): MCP servers
/// any host exec process can reach through the `mcporter` client, whatever an agent's
/// skill allowlist says. Read in the facts pass.
public enum MCPorterRegistry: Sendable, Equatable {
    case missing
    /// Enabled server names, sorted.
    case servers([String])
    /// The file exists but could not be inspected, with the reason the finding prints.
    case rejected(String)

    static let relativePath = "skills/config/mcporter.json"
    static let maxBytes = 16 * 1024 * 1024

    static func read(stateDir: String, fileSystem: any FileSystemAccess) -> MCPorterRegistry {
        let path = PathNormalization.join(stateDir, relativePath)
        switch fileSystem.readFile(path, limit: maxBytes) {
        case .failure(let error) where error.isNotFound:
            return .missing
        case .failure(let error):
            switch error.code {
            case EINVAL: return .rejected("not a regular file")
            case EFBIG: return .rejected("larger than the 16 MiB audit cap")
            default: return .rejected("unreadable")
            }
        case .success(let bytes):
            guard let root = StrictJSON.configTree(bytes, file: path) else { return .rejected("not valid JSON") }
            let names = (root["mcpServers"].object?.entries ?? [])
                .filter { $0.value["enabled"].bool != false }
                .map(\.key)
            return .servers(names.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) })
        }
    }
}
