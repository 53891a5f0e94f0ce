import JSON5

/// The WhatsApp allow list that pairing approvals write, read the way the original reads
/// it for the default account (`readChannelAllowFromStore("whatsapp", env, "default")`):
/// `<credentials>/whatsapp-default-allowFrom.json` first, then the legacy unscoped
/// `whatsapp-allowFrom.json`, each `{version, allowFrom: [...]}`. Entries are trimmed,
/// `*` and blanks dropped, duplicates removed in order. A missing or unreadable file
/// counts as an empty list, as in the original.
enum WhatsAppPairingStore {
    static let defaultAccountId = "default"
    static let maxStoreBytes = 1024 * 1024

    static func storePaths(credentialsDir: String) -> [String] {
        [
            PathNormalization.join(credentialsDir, "whatsapp-\(defaultAccountId)-allowFrom.json"),
            PathNormalization.join(credentialsDir, "whatsapp-allowFrom.json"),
        ]
    }

    static func defaultAccountAllowFrom(credentialsDir: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for path in storePaths(credentialsDir: credentialsDir) {
            for entry in entries(atPath: path) where seen.insert(entry).inserted {
                result.append(entry)
            }
        }
        return result
    }

    static func entries(atPath path: String) -> [String] {
        guard let bytes = try? BoundedFileReader.read(path, limit: maxStoreBytes),
              let store = try? JSON5.parse(bytes: bytes)
        else { return [] }
        return (store[key: "allowFrom"]?.elements ?? []).compactMap { element in
            let text: String
            switch element.value {
            case .string(let s): text = s
            case .number(let n): text = JavaScriptNumber.format(n.value)
            case .bool(let b): text = b ? "true" : "false"
            case .null: text = "null"
            case .array, .object: return nil
            }
            let trimmed = text.trimmingWhitespace
            return trimmed.isEmpty || trimmed == "*" ? nil : trimmed
        }
    }
}
