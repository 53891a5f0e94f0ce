/// A config value that supplies a secret: a non-blank string, or a SecretRef object
/// `{source: "env"|"file"|"exec", provider?, id}` (`hasConfiguredSecretInput`). A
/// SecretRef counts as configured even when this shell cannot resolve it.
enum SecretInput {
    static let sources: Set<String> = ["env", "file", "exec"]

    static func isConfigured(_ node: ConfigNode?) -> Bool {
        guard let node else { return false }
        if let text = node.string { return !text.trimmingWhitespace.isEmpty }
        return isSecretRef(node)
    }

    static func isSecretRef(_ node: ConfigNode?) -> Bool {
        guard let object = node?.object,
              let source = object["source"].string, sources.contains(source),
              let id = object["id"].string, !id.trimmingWhitespace.isEmpty
        else { return false }
        return true
    }

    /// The plain text of a string secret, trimmed; nil for a SecretRef or a blank value.
    static func plainText(_ node: ConfigNode?) -> String? {
        guard let text = node?.string?.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }
}
