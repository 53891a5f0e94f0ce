/// The later `hooks.token_reuse_gateway_token` compares the hooks token with the
/// gateway secret that is *active*, even when that secret is a SecretRef.
/// This resolves exactly those refs, and only when hooks are on
/// with a token, so a plain audit never touches secret files it does not need.
enum GatewaySecretMaterializer {
    /// Resolved values keyed `token` / `password`.
    static func materialize(
        config: ConfigNode, environment: [String: String], paths: PathResolver, fileSystem: any FileSystemAccess
    ) -> [String: String] {
        let hooks = config["hooks"]
        guard hooks["enabled"].bool == true, let token = hooks["token"].string, !token.isEmpty else { return [:] }
        let auth = config["gateway"]["auth"]
        let refs = activeKeys(config: config, environment: environment).compactMap { key in
            SecretReference.parse(auth[key], config: config).map { (key, $0) }
        }
        // A command-backed secret is never run; nothing is materialised then.
        if refs.contains(where: { $0.1.source == "exec" }) { return [:] }
        var values: [String: String] = [:]
        for (key, ref) in refs {
            values[key] = SecretReferenceResolver.resolve(
                ref, config: config, environment: environment, paths: paths, fileSystem: fileSystem)
        }
        return values
    }

    /// Which of `gateway.auth.token` / `.password` the gateway would use.
    static func activeKeys(config: ConfigNode, environment: [String: String]) -> [String] {
        func isSet(_ name: String) -> Bool { !(environment[name]?.trimmingWhitespace.isEmpty ?? true) }
        switch config["gateway"]["auth"]["mode"].string {
        case "token"?: return ["token"]
        case "password"?, "trusted-proxy"?: return ["password"]
        case "none"?: return []
        default:
            var keys: [String] = []
            if !isSet("OPENCLAW_GATEWAY_PASSWORD") { keys.append("token") }
            if !isSet("OPENCLAW_GATEWAY_TOKEN") { keys.append("password") }
            return keys
        }
    }
}
