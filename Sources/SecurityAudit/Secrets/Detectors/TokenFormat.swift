/// What every provider detector does once it has the extent of a token: reject stand-ins
/// and values with too little randomness to be a generated key.
enum TokenFormat {
    /// Below this, a "key" is a word or a pattern, not random (a random base62 key has
    /// about 5 bits per character; a counting or repeating stand-in far less).
    static let minimumEntropy = 3.0

    static func accept(
        _ kind: SecretKind, _ window: ScanWindow, value: Range<Int>, randomPart: Range<Int>? = nil, anchor: Int
    ) -> SecretMatch? {
        let bytes = window.bytes(value)
        if PlaceholderFilter.isPlaceholder(bytes) { return nil }
        let random = randomPart.map(window.bytes) ?? bytes
        if Entropy.bitsPerByte(random) < minimumEntropy { return nil }
        return SecretMatch(kind: kind, valueStart: value.lowerBound, valueEnd: value.upperBound, anchor: anchor)
    }
}
