/// AWS access key ids: `AKIA` (long-term), `ASIA` (temporary), `ABIA`, `ACCA`, then 16
/// base32 characters. The secret access key has no format of its own and is found by
/// the assignment detector (`aws_secret_access_key = …`).
enum AWSAccessKeyDetector {
    /// `anchor` is the `IA` or `CA` two bytes after the start.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        let start = anchor - 2
        guard w.hasPrefix("AKIA", at: start) || w.hasPrefix("ASIA", at: start) || w.hasPrefix("ABIA", at: start)
                || w.hasPrefix("ACCA", at: start),
              w.isTokenStart(start, continues: ASCII.isAlphanumeric)
        else { return nil }
        let end = w.runEnd(from: start + 4, limit: 17, ASCII.isBase32)
        guard end - (start + 4) == 16, !ASCII.isAlphanumeric(w[end]) else { return nil }
        return TokenFormat.accept(.aws, w, value: start..<end, randomPart: (start + 4)..<end, anchor: anchor)
    }
}
