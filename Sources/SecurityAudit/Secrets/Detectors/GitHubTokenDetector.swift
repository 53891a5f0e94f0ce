/// GitHub tokens: `ghp_` (classic personal), `gho_` (OAuth), `ghu_` (user-to-server),
/// `ghs_` (server-to-server), `ghr_` (refresh), each with 36 alphanumerics, and
/// fine-grained personal tokens `github_pat_` with 82 characters of `[A-Za-z0-9_]`.
enum GitHubTokenDetector {
    static let kindLetters: [UInt8] = Array("pousr".utf8)

    /// `anchor` is the `g` of `gh?_`.
    static func matchPrefixed(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor
        guard w[start + 1] == UInt8(ascii: "h"), w[start] == UInt8(ascii: "g"), kindLetters.contains(w[start + 2]),
              w[start + 3] == UInt8(ascii: "_"), w.isTokenStart(start, continues: ASCII.isTokenCharacter)
        else { return nil }
        let end = w.runEnd(from: start + 4, limit: 256, ASCII.isAlphanumeric)
        guard end - (start + 4) >= 30, !ASCII.isTokenCharacter(w[end]) else { return nil }
        return TokenFormat.accept(.gitHub, w, value: start..<end, randomPart: (start + 4)..<end, anchor: anchor)
    }

    /// `anchor` is the `b` of `github_pat_`.
    static func matchFineGrained(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 5
        guard w.hasPrefix("github_pat_", at: start), w.isTokenStart(start, continues: ASCII.isTokenCharacter) else { return nil }
        let isBodyCharacter = { (b: UInt8) in ASCII.isAlphanumeric(b) || b == UInt8(ascii: "_") }
        let end = w.runEnd(from: start + 11, limit: 256, isBodyCharacter)
        guard end - (start + 11) >= 50, !ASCII.isTokenCharacter(w[end]) else { return nil }
        return TokenFormat.accept(.gitHub, w, value: start..<end, randomPart: (start + 11)..<end, anchor: anchor)
    }
}
