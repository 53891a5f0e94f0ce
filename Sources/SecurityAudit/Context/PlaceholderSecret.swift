/// Tells a secret that is a stand-in from one that may be real: the literal left by a
/// template or wizard (`"undefined"`), reference syntax OpenClaw does not substitute
/// (`${env:X}`, `{{ secrets.X }}`, `$X`: the text itself becomes the secret), and the
/// example values of docs and `.env.example` files (`replace-with-long-random-token`,
/// `change-me`, `your-strong-password`). The last kind reuses the secret scanner's
/// `PlaceholderFilter`, so both agree on what an example value is.
enum PlaceholderSecret {
    enum Kind: Sendable, Equatable {
        /// `undefined`, `null`, `[object Object]`: a value stringified by a script or a
        /// wizard (upstream issue #139494; later upstream rejects them, `isInvalidGatewaySecret`).
        case stringifiedNothing
        /// `${env:NAME}`, `{{ NAME }}`, `$NAME`, `%NAME%`, `<token>`: reference syntax that
        /// is not OpenClaw's `${NAME}` (`src/config/env-substitution.ts`), kept as text.
        case literalReference
        /// A value OpenClaw itself redacts or publishes as an example
        /// (`__OPENCLAW_REDACTED__`, `change-me-to-a-long-random-token`: `src/gateway/startup-auth.ts`).
        case knownExample
        /// A docs-style stand-in (`replace-with-…`, `change-me`, `your-…-password`, `xxxxxx`).
        case exampleText

        var description: String {
            switch self {
            case .stringifiedNothing: return "a stringified empty value"
            case .literalReference: return "reference syntax OpenClaw does not substitute, so the text itself is the secret"
            case .knownExample: return "a value published in OpenClaw's docs or examples"
            case .exampleText: return "example text, not a random secret"
            }
        }
    }

    static let stringifiedNothing: Set<String> = ["undefined", "null", "nil", "none", "nan", "[object object]", "true", "false"]

    /// Upstream's own stand-ins: the startup guard's list and the redaction sentinel.
    static let knownExamples: Set<String> = [
        "change-me-to-a-long-random-token", "change-me-to-a-strong-password", "change-me-now",
        "replace-with-long-random-token", "replace-with-a-long-random-token", "__openclaw_redacted__",
    ]

    static func classify(_ raw: String) -> Kind? {
        let value = raw.trimmingWhitespace
        guard !value.isEmpty else { return nil }
        let lower = value.lowercased()
        if stringifiedNothing.contains(lower) { return .stringifiedNothing }
        if knownExamples.contains(lower) { return .knownExample }
        if isLiteralReference(value) { return .literalReference }
        if PlaceholderFilter.isPlaceholder(Array(value.utf8)) { return .exampleText }
        return nil
    }

    /// Reference syntax of other tools, as the whole value: `${env:X}`, `${{ secrets.X }}`,
    /// `{{ X }}`, `$X`, `$(cmd)`, `%X%`, `<X>`, `env:X`, `process.env.X`. A valid `${X}`
    /// never reaches here as such: the loader substitutes it or marks it unresolved.
    static func isLiteralReference(_ value: String) -> Bool {
        if value.hasPrefix("${") || value.hasPrefix("$(") || value.hasPrefix("{{") { return true }
        if value.hasPrefix("<") && value.hasSuffix(">") { return true }
        if value.count > 2, value.hasPrefix("%"), value.hasSuffix("%") { return true }
        let lower = value.lowercased()
        if lower.hasPrefix("env:") || lower.hasPrefix("process.env.") || lower.hasPrefix("secret:") { return true }
        if value.hasPrefix("$"), value.count > 1,
           value.dropFirst().allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            return true
        }
        return false
    }
}
