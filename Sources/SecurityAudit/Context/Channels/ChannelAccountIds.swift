/// Account ids as the original's channel plugins list and order them.
enum ChannelAccountIds {
    static let blockedKeys: Set<String> = ["__proto__", "constructor", "prototype"]

    /// `normalizeAccountId`: lower-case, `[a-z0-9_-]` with other runs turned into `-`,
    /// at most 64 characters; blank or unusable ids become `default`.
    static func normalize(_ raw: String) -> String {
        if let canonical = alreadyCanonical(raw) { return canonical }
        guard let canonical = PathSafeIdentifier.canonical(raw), !blockedKeys.contains(canonical) else {
            return ChannelInventory.defaultAccountId
        }
        return canonical
    }

    /// The common case without allocating: an id that is already `[a-z0-9][a-z0-9_-]*`
    /// (upper-case ASCII letters are lowered).
    static func alreadyCanonical(_ raw: String) -> String? {
        var count = 0
        var hasUpper = false
        for byte in raw.utf8 {
            count += 1
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): hasUpper = true
            case UInt8(ascii: "_"), UInt8(ascii: "-"): if count == 1 { return nil }
            default: return nil
            }
        }
        guard count > 0, count <= 64 else { return nil }
        let canonical = hasUpper ? raw.lowercased() : raw
        return blockedKeys.contains(canonical) ? nil : canonical
    }

    /// `a.localeCompare(b) < 0` for the ids people write: punctuation before digits before
    /// letters, letters compared without case first, lower case before upper case on a tie.
    static func localeOrdered(_ lhs: String, _ rhs: String) -> Bool {
        let left = lhs.unicodeScalars.map(collationKey)
        let right = rhs.unicodeScalars.map(collationKey)
        for (a, b) in zip(left, right) where a.primary != b.primary {
            return a.primary < b.primary
        }
        if left.count != right.count { return left.count < right.count }
        for (a, b) in zip(left, right) where a.tertiary != b.tertiary {
            return a.tertiary < b.tertiary
        }
        return false
    }

    /// ICU root order for ASCII punctuation, then digits, then letters.
    static let punctuationOrder = Array("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$".unicodeScalars)

    static func collationKey(_ scalar: Unicode.Scalar) -> (primary: UInt32, tertiary: UInt32) {
        if let index = punctuationOrder.firstIndex(of: scalar) { return (UInt32(100 + index), 0) }
        if ("0"..."9").contains(scalar) { return (200 + scalar.value, 0) }
        if ("a"..."z").contains(scalar) { return (300 + scalar.value, 0) }
        if ("A"..."Z").contains(scalar) { return (300 + scalar.value + 32, 1) }
        return (1000 + scalar.value, 0)
    }
}
