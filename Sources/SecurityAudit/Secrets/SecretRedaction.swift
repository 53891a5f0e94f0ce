/// How a secret is shown: never whole. At most the first 4 and last 2 characters, fewer
/// for short values so that no more than a quarter of a value is ever shown, and the
/// length. A private key shows only its header line.
enum SecretRedaction {
    static func redact(_ value: [UInt8], kind: SecretKind) -> String {
        if kind == .privateKey { return String(decoding: value, as: UTF8.self) }
        let shownStart = min(4, value.count / 4)
        let shownEnd = min(2, value.count / 8)
        let head = String(decoding: value.prefix(shownStart), as: UTF8.self)
        let tail = String(decoding: value.suffix(shownEnd), as: UTF8.self)
        return "\(head)…\(tail) (\(value.count) chars)"
    }
}
