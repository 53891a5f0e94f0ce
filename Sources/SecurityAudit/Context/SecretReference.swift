/// A SecretRef as the original's `coerceSecretRef` reads one: an object
/// `{source, provider, id}`, a legacy object without `provider` (the source's default
/// provider), or a string that is exactly `${NAME}` (an environment reference that the
/// loader could not substitute).
struct SecretReference: Sendable, Equatable {
    var source: String
    var provider: String
    var id: String

    static let defaultProvider = "default"

    static func parse(_ node: ConfigNode?, config: ConfigNode) -> SecretReference? {
        guard let node else { return nil }
        if let text = node.string {
            guard let name = environmentTemplateName(text) else { return nil }
            return SecretReference(source: "env", provider: defaultProvider(for: "env", in: config), id: name)
        }
        guard let object = node.object,
              let source = object["source"].string, SecretInput.sources.contains(source),
              let id = object["id"].string, !id.trimmingWhitespace.isEmpty
        else { return nil }
        if let provider = object["provider"] {
            guard object.count == 3, let name = provider.string, !name.trimmingWhitespace.isEmpty else { return nil }
            return SecretReference(source: source, provider: name, id: id)
        }
        return SecretReference(source: source, provider: defaultProvider(for: source, in: config), id: id)
    }

    /// `secrets.defaults.<source>`, else `default`.
    static func defaultProvider(for source: String, in config: ConfigNode) -> String {
        let configured = config["secrets"]["defaults"][source].string?.trimmingWhitespace ?? ""
        return configured.isEmpty ? defaultProvider : configured
    }

    /// `NAME` when `text` (trimmed) is exactly `${NAME}` with NAME = `[A-Z][A-Z0-9_]{0,127}`.
    static func environmentTemplateName(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        guard trimmed.hasPrefix("${"), trimmed.hasSuffix("}"), trimmed.count >= 4 else { return nil }
        let name = trimmed.dropFirst(2).dropLast()
        guard name.count <= 128, let first = name.unicodeScalars.first, ("A"..."Z").contains(first),
              name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else { return nil }
        return String(name)
    }
}
