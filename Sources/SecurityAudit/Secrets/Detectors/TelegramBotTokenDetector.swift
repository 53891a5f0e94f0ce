/// Telegram bot tokens: the bot's numeric id, a colon and 35 base64url characters that
/// start with `A` (`123456789:AA…`). Bot API URLs write it after `/bot`.
enum TelegramBotTokenDetector {
    static let secretLength = 35

    /// `anchor` is the colon.
    static func match(_ w: ScanWindow, anchor: Int) -> SecretMatch? {
        guard w[anchor] == UInt8(ascii: ":"), w[anchor + 1] == UInt8(ascii: "A") else { return nil }
        let start = w.runStart(endingAt: anchor, limit: 13, ASCII.isDigit)
        let digits = anchor - start
        guard (8...12).contains(digits) else { return nil }
        let afterBotPrefix = w.hasPrefix("bot", at: start - 3)
        guard afterBotPrefix || w.isTokenStart(start, continues: ASCII.isAlphanumeric) else { return nil }
        let end = w.runEnd(from: anchor + 1, limit: secretLength + 1, ASCII.isTokenCharacter)
        guard end - (anchor + 1) == secretLength else { return nil }
        return TokenFormat.accept(.telegram, w, value: start..<end, randomPart: (anchor + 1)..<end, anchor: anchor)
    }
}
