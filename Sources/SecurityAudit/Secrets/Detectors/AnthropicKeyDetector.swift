/// Anthropic keys: `sk-ant-` then a kind and version (`api03`, `admin01`, `oat01` OAuth
/// access token, `ort01` refresh token), a dash and a long base64url body (93 characters
/// and `AA` for API keys).
enum AnthropicKeyDetector {
    static let maxLength = 300

    /// `anchor` is the `k` of `sk-ant-`.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 1
        guard w.hasPrefix("sk-ant-", at: start), w.isTokenStart(start, continues: ASCII.isTokenCharacter) else { return nil }
        let kindEnd = w.runEnd(from: start + 7, limit: 8, ASCII.isLower)
        let versionEnd = w.runEnd(from: kindEnd, limit: 2, ASCII.isDigit)
        guard kindEnd - (start + 7) >= 2, versionEnd - kindEnd == 2, w[versionEnd] == UInt8(ascii: "-") else { return nil }
        let bodyStart = versionEnd + 1
        let end = w.runEnd(from: bodyStart, limit: maxLength, ASCII.isTokenCharacter)
        guard end - bodyStart >= 32, !ASCII.isTokenCharacter(w[end]) else { return nil }
        return TokenFormat.accept(.anthropic, w, value: start..<end, randomPart: bodyStart..<end, anchor: anchor)
    }
}
