/// Values in the providers' documented formats, filled with pseudo-random characters
/// from a seed: the checks' declared examples and the tests use them, so no real key is
/// involved and no key-shaped literal sits in the source for other scanners to flag.
public enum SecretSamples {
    static let alphanumerics = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
    static let base64URL = alphanumerics + Array("-_".utf8)
    static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let hex = Array("0123456789abcdef".utf8)
    static let digits = Array("0123456789".utf8)

    /// `count` characters of `alphabet` from a xorshift generator.
    static func random(_ alphabet: [UInt8], _ count: Int, seed: UInt64) -> String {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        var out: [UInt8] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            out.append(alphabet[Int(state % UInt64(alphabet.count))])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func openAI(seed: UInt64 = 1) -> String {
        "sk-proj-" + random(base64URL, 74, seed: seed) + "T3Blbk" + "FJ" + random(base64URL, 74, seed: seed + 1)
    }

    public static func openAILegacy(seed: UInt64 = 2) -> String {
        "sk-" + random(alphanumerics, 20, seed: seed) + "T3Blbk" + "FJ" + random(alphanumerics, 20, seed: seed + 1)
    }

    public static func anthropic(kind: String = "api03", seed: UInt64 = 3) -> String {
        "sk-ant-\(kind)-" + random(base64URL, 93, seed: seed) + "AA"
    }

    public static func slackBot(seed: UInt64 = 4) -> String {
        "xoxb-" + random(digits, 12, seed: seed) + "-" + random(digits, 13, seed: seed + 1) + "-"
            + random(alphanumerics, 24, seed: seed + 2)
    }

    public static func slackApp(seed: UInt64 = 5) -> String {
        "xapp-1-A" + random(base32, 10, seed: seed) + "-" + random(digits, 13, seed: seed + 1) + "-"
            + random(hex, 64, seed: seed + 2)
    }

    public static func telegram(seed: UInt64 = 6) -> String {
        "7" + random(digits, 9, seed: seed) + ":AA" + random(base64URL, 33, seed: seed + 1)
    }

    public static func discord(seed: UInt64 = 7) -> String {
        let userId = "1" + random(digits, 18, seed: seed)
        return base64(Array(userId.utf8)) + "." + random(base64URL, 6, seed: seed + 1) + "."
            + random(base64URL, 38, seed: seed + 2)
    }

    public static func gitHub(prefix: String = "ghp", seed: UInt64 = 8) -> String {
        prefix + "_" + random(alphanumerics, 36, seed: seed)
    }

    public static func gitHubFineGrained(seed: UInt64 = 9) -> String {
        "github_pat_" + random(alphanumerics, 22, seed: seed) + "_" + random(alphanumerics, 59, seed: seed + 1)
    }

    public static func awsAccessKeyID(seed: UInt64 = 10) -> String {
        "AKIA" + random(base32, 16, seed: seed)
    }

    public static func googleAPIKey(seed: UInt64 = 11) -> String {
        "AIza" + random(base64URL, 35, seed: seed)
    }

    /// A PEM block with `lineBreak` between its lines (`"\n"`, or `"\\n"` inside JSON).
    public static func privateKey(label: String = "RSA PRIVATE KEY", lineBreak: String = "\n", seed: UInt64 = 12) -> String {
        let body = random(alphanumerics, 256, seed: seed)
        let lines = stride(from: 0, to: body.count, by: 64).map { offset -> String in
            let start = body.index(body.startIndex, offsetBy: offset)
            return String(body[start..<body.index(start, offsetBy: 64)])
        }
        return (["-----BEGIN \(label)-----"] + lines + ["-----END \(label)-----"]).joined(separator: lineBreak)
    }

    /// A random-looking password for an assignment.
    public static func password(seed: UInt64 = 13) -> String {
        random(alphanumerics, 20, seed: seed)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(16 - 8 * $1.offset) }
            for position in 0...chunk.count { out.append(table[Int((value >> UInt32(18 - 6 * position)) & 0x3F)]) }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
