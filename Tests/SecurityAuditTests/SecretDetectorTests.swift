import Foundation
import Testing
@testable import SecurityAudit

/// True and false examples for every detector, built from the documented formats with
/// generated characters (`SecretSamples`), never real keys.
struct SecretDetectorTests {
    /// The kinds found in `text`, in order.
    static func kinds(_ text: String) -> [SecretKind] {
        SecretScanner.scan(Array(text.utf8)).map(\.kind)
    }

    /// The values found in `text`, in order.
    static func values(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SecretScanner.scan(bytes).map { String(decoding: bytes[$0.valueRange], as: UTF8.self) }
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [SecretKind]
        var testDescription: String { "\(expected.map(\.rawValue)) in \(text.prefix(90))" }
        init(_ text: String, _ expected: SecretKind...) {
            self.text = text
            self.expected = expected
        }
    }

    // MARK: - Provider formats

    static let openAI: [Case] = [
        Case(SecretSamples.openAI(), .openAI),
        Case(SecretSamples.openAILegacy(), .openAI),
        Case("sk-svcacct-" + SecretSamples.random(SecretSamples.base64URL, 58, seed: 30) + "T3BlbkFJ"
             + SecretSamples.random(SecretSamples.base64URL, 58, seed: 31), .openAI),
        Case("sk-admin-" + SecretSamples.random(SecretSamples.base64URL, 64, seed: 32), .openAI),
        Case("curl -H 'Authorization: Bearer \(SecretSamples.openAI(seed: 33))' https://api", .openAI),
        Case(#"{"text":"$ env\nOPENAI_API_KEY=\#(SecretSamples.openAI(seed: 34))\nHOME=/root"}"#, .openAI),
        // Placeholders, other sk- keys and words.
        Case("sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        Case("sk-your-api-key-here"),
        Case("sk-proj-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX"),
        Case("sk-" + SecretSamples.random(SecretSamples.hex, 32, seed: 35)),
        Case("sk-" + SecretSamples.random(SecretSamples.alphanumerics, 48, seed: 36)),
        Case("run the desk-task-runner and ask-questions"),
        Case("xsk-proj-" + SecretSamples.random(SecretSamples.base64URL, 60, seed: 37) + "T3BlbkFJ" + "abcd"),
        Case("sk-proj-" + SecretSamples.random(SecretSamples.base64URL, 20, seed: 38)),
    ]

    static let anthropic: [Case] = [
        Case(SecretSamples.anthropic(), .anthropic),
        Case(SecretSamples.anthropic(kind: "admin01", seed: 40), .anthropic),
        Case(SecretSamples.anthropic(kind: "oat01", seed: 41), .anthropic),
        Case(SecretSamples.anthropic(kind: "ort01", seed: 42), .anthropic),
        Case("ANTHROPIC_API_KEY=\"\(SecretSamples.anthropic(seed: 43))\"", .anthropic),
        Case("sk-ant-api03-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE-EXAMPLE"),
        Case("sk-ant-api03-...your key..."),
        Case("sk-ant-api03-" + SecretSamples.random(SecretSamples.base64URL, 20, seed: 44)),
        Case("sk-ant-API03-" + SecretSamples.random(SecretSamples.base64URL, 93, seed: 45)),
    ]

    static let slack: [Case] = [
        Case(SecretSamples.slackBot(), .slack),
        Case(SecretSamples.slackApp(), .slack),
        Case("xoxp-" + SecretSamples.random(SecretSamples.digits, 12, seed: 50) + "-"
             + SecretSamples.random(SecretSamples.digits, 12, seed: 51) + "-"
             + SecretSamples.random(SecretSamples.digits, 13, seed: 52) + "-"
             + SecretSamples.random(SecretSamples.hex, 32, seed: 53), .slack),
        Case("xoxe.xoxp-1-" + SecretSamples.random(SecretSamples.alphanumerics, 140, seed: 54), .slack),
        Case("SLACK_BOT_TOKEN=xoxb-your-bot-token"),
        Case("xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx"),
        Case("xoxz-" + SecretSamples.random(SecretSamples.digits, 12, seed: 55) + "-" + SecretSamples.random(SecretSamples.alphanumerics, 24, seed: 56)),
        Case("xoxb-" + SecretSamples.random(Array("abcdefghjkmnpqrstuvwxyz".utf8), 40, seed: 57)),
        Case("the proxoxb-1234 example and an xapp-demo"),
    ]

    static let telegram: [Case] = [
        Case(SecretSamples.telegram(), .telegram),
        Case("https://api.telegram.org/bot\(SecretSamples.telegram(seed: 60))/getMe", .telegram),
        Case(#"{"botToken":"\#(SecretSamples.telegram(seed: 61))"}"#, .telegram),
        Case("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
        Case("123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
        Case("123456789:AA" + SecretSamples.random(SecretSamples.base64URL, 32, seed: 62)),
        Case("123456789:AA" + SecretSamples.random(SecretSamples.base64URL, 34, seed: 63)),
        Case("1234567:AA" + SecretSamples.random(SecretSamples.base64URL, 33, seed: 64)),
        Case("id123456789:AA" + SecretSamples.random(SecretSamples.base64URL, 33, seed: 65)),
        Case("TELEGRAM_BOT_TOKEN=123456789:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
        Case("meeting at 10:AM, then 12:30"),
    ]

    static let discord: [Case] = [
        Case(SecretSamples.discord(), .discord),
        Case("DISCORD_BOT_TOKEN=" + SecretSamples.discord(seed: 70), .discord),
        Case(SecretSamples.base64(Array("1234567890987654321".utf8)) + "." + SecretSamples.random(SecretSamples.base64URL, 6, seed: 71) + "."
             + SecretSamples.random(SecretSamples.base64URL, 27, seed: 72), .discord),
        Case("MTAxMDEwMTAxMDEwMTAxMDEw.XXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        // First part does not decode to a numeric id.
        Case("MzQ5ZmFrZWZha2VmYWtlZmFr." + SecretSamples.random(SecretSamples.base64URL, 6, seed: 73) + "."
             + SecretSamples.random(SecretSamples.base64URL, 27, seed: 74)),
        Case("see https://www.google.com/search and api.github.com/repos"),
        Case(SecretSamples.discord(seed: 75).replacingOccurrences(of: ".", with: "_")),
    ]

    static let gitHub: [Case] = [
        Case(SecretSamples.gitHub(), .gitHub),
        Case(SecretSamples.gitHub(prefix: "gho", seed: 80), .gitHub),
        Case(SecretSamples.gitHub(prefix: "ghu", seed: 81), .gitHub),
        Case(SecretSamples.gitHub(prefix: "ghs", seed: 82), .gitHub),
        Case(SecretSamples.gitHub(prefix: "ghr", seed: 83), .gitHub),
        Case(SecretSamples.gitHubFineGrained(), .gitHub),
        Case("GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
        Case("ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
        Case("ghp_" + SecretSamples.random(SecretSamples.alphanumerics, 20, seed: 84)),
        Case("ghx_" + SecretSamples.random(SecretSamples.alphanumerics, 36, seed: 85)),
        Case("github_pat_" + SecretSamples.random(SecretSamples.alphanumerics, 30, seed: 86)),
        Case("ughp_" + SecretSamples.random(SecretSamples.alphanumerics, 36, seed: 87)),
    ]

    static let aws: [Case] = [
        Case(SecretSamples.awsAccessKeyID(), .aws),
        Case("ASIA" + SecretSamples.random(SecretSamples.base32, 16, seed: 90), .aws),
        Case("aws_access_key_id = \(SecretSamples.awsAccessKeyID(seed: 91))", .aws),
        Case("aws_access_key_id = AKIAIOSFODNN7EXAMPLE"),
        Case("akia" + SecretSamples.random(SecretSamples.base32, 16, seed: 92).lowercased()),
        Case("AKIA" + SecretSamples.random(SecretSamples.base32, 15, seed: 93)),
        Case("AKIA" + SecretSamples.random(SecretSamples.base32, 17, seed: 94)),
        Case("AKIA0189" + SecretSamples.random(SecretSamples.base32, 12, seed: 95)),
        Case("XAKIA" + SecretSamples.random(SecretSamples.base32, 16, seed: 96)),
    ]

    static let google: [Case] = [
        Case(SecretSamples.googleAPIKey(), .googleAPI),
        Case("https://maps.googleapis.com/maps/api/js?key=\(SecretSamples.googleAPIKey(seed: 100))&callback=init", .googleAPI),
        Case("GOOGLE_API_KEY=AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"),
        Case("AIza" + SecretSamples.random(SecretSamples.base64URL, 34, seed: 101)),
        Case("AIza" + SecretSamples.random(SecretSamples.base64URL, 36, seed: 102)),
        Case("the organization will initialize Iz"),
    ]

    static let privateKey: [Case] = [
        Case(SecretSamples.privateKey(), .privateKey),
        Case(SecretSamples.privateKey(label: "OPENSSH PRIVATE KEY", seed: 110), .privateKey),
        Case(SecretSamples.privateKey(label: "EC PRIVATE KEY", seed: 111), .privateKey),
        Case(SecretSamples.privateKey(label: "PRIVATE KEY", seed: 112), .privateKey),
        Case(SecretSamples.privateKey(label: "ENCRYPTED PRIVATE KEY", seed: 113), .privateKey),
        Case(SecretSamples.privateKey(label: "PGP PRIVATE KEY BLOCK", seed: 114), .privateKey),
        Case(#"{"text":"key:\n\#(SecretSamples.privateKey(lineBreak: "\\n", seed: 115))"}"#, .privateKey),
        Case("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"),
        Case("-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----"),
        Case(SecretSamples.privateKey().replacingOccurrences(of: "PRIVATE", with: "PUBLIC")),
        Case(SecretSamples.privateKey(label: "CERTIFICATE", seed: 116)),
        Case("-----BEGIN PRIVATE KEY-----\n" + String(repeating: "A", count: 128) + "\n-----END PRIVATE KEY-----"),
    ]

    // MARK: - Assignments

    static let assignments: [Case] = [
        Case("DB_PASSWORD=\(SecretSamples.password())", .assignment),
        Case(#"{"host": "db", "client_secret": "\#(SecretSamples.random(SecretSamples.hex, 32, seed: 120))"}"#, .assignment),
        Case(#"{"text":"config: {\"password\":\"\#(SecretSamples.password(seed: 121))\"}"}"#, .assignment),
        Case(#"{"text":"$ cat .env\nNODE_ENV=production\nDB_PASSWORD=\#(SecretSamples.password(seed: 122))\nPORT=8080"}"#, .assignment),
        Case("openclaw onboard --api-key \(SecretSamples.password(seed: 123))", .assignment),
        Case("export SECRET_KEY='\(SecretSamples.password(seed: 124))'", .assignment),
        Case("  apiKey: \(SecretSamples.password(seed: 125))\n  timeout: 30", .assignment),
        Case("token = \"\(SecretSamples.password(seed: 126))\"", .assignment),
        Case("aws_secret_access_key = " + SecretSamples.random(SecretSamples.alphanumerics + Array("+/".utf8), 40, seed: 127), .assignment),
        Case("webhookSecret: '\(SecretSamples.password(seed: 128))'", .assignment),
        Case("https://example.net/hook?token=\(SecretSamples.password(seed: 129))&x=1", .assignment),
        Case("PWD=\(SecretSamples.password(seed: 130))", .assignment),
        // Code, references, counters and stand-ins.
        Case("password: process.env.DB_PASSWORD ?? '',"),
        Case("apiKey: config.gateway.apiKey,"),
        Case("let token = await getToken(session);"),
        Case(#""usage":{"input":123,"output":45,"totalTokens":168,"maxTokens":4096}"#),
        Case(#"sessionKey: "agent:main:main0123abcXYZ","#),
        Case("publicKey: \(SecretSamples.password(seed: 131))"),
        Case("cacheKey = \(SecretSamples.password(seed: 132))"),
        Case("nextPageToken: \(SecretSamples.password(seed: 133))"),
        Case("\"key\": \"\(SecretSamples.password(seed: 134))\""),
        Case("keyboard=\(SecretSamples.password(seed: 135))"),
        Case("tokens=\(SecretSamples.password(seed: 136))"),
        Case("DB_PASSWORD=changeme"),
        Case("PASSWORD=\"<your-password>\""),
        Case("SECRET_KEY=${SECRET_KEY}"),
        Case("client_secret=********************"),
        Case("api_key: REPLACE_ME_WITH_YOUR_KEY"),
        Case("token = \"your-token-here\""),
        Case("JWT_SECRET=dummy-secret-for-tests"),
        Case("password: \"hunter2\""),
        Case("password: correcthorsebatterystaple"),
        Case("PWD=/home/dev/project"),
        Case("password reset token sent to the user"),
        Case("token: abcdefghijklmnop12"),
        Case("password: \"Enter your password here\""),
        Case("SECRET_KEY_PATH=/etc/app/key.pem"),
        Case("api_key=https://vault.internal/v1/kv/api"),
    ]

    static let all = openAI + anthropic + slack + telegram + discord + gitHub + aws + google + privateKey + assignments

    @Test(arguments: all)
    func detects(_ example: Case) {
        #expect(Self.kinds(example.text) == example.expected)
    }

    /// A provider key assigned to a name is reported once, as the provider's key.
    @Test func providerFormatWinsOverAssignment() {
        let key = SecretSamples.openAI(seed: 140)
        let text = "OPENAI_API_KEY=\(key)\nGITHUB_TOKEN=\"\(SecretSamples.gitHub(seed: 141))\""
        #expect(Self.kinds(text) == [.openAI, .gitHub])
        #expect(Self.values(text).first == key)
    }

    /// Every sample seed gives a value the scanner accepts: the placeholder and entropy
    /// rules do not reject random keys of a documented format.
    @Test func randomKeysOfEveryFormatAreFound() {
        for seed in UInt64(200)..<UInt64(300) {
            let samples: [(String, SecretKind)] = [
                (SecretSamples.openAI(seed: seed), .openAI), (SecretSamples.anthropic(seed: seed), .anthropic),
                (SecretSamples.slackBot(seed: seed), .slack), (SecretSamples.slackApp(seed: seed), .slack),
                (SecretSamples.telegram(seed: seed), .telegram), (SecretSamples.discord(seed: seed), .discord),
                (SecretSamples.gitHub(seed: seed), .gitHub), (SecretSamples.gitHubFineGrained(seed: seed), .gitHub),
                (SecretSamples.awsAccessKeyID(seed: seed), .aws), (SecretSamples.googleAPIKey(seed: seed), .googleAPI),
                (SecretSamples.privateKey(seed: seed), .privateKey),
                ("DB_PASSWORD=" + SecretSamples.password(seed: seed), .assignment),
            ]
            for (text, kind) in samples {
                #expect(Self.kinds(text) == [kind], "seed \(seed): \(kind)")
            }
        }
    }

    /// The vector pass and the byte-by-byte tail find the same anchors: a secret is
    /// found at every alignment, including the last bytes of a window.
    @Test func everyAlignmentIsScanned() {
        let secrets = [
            SecretSamples.openAI(), SecretSamples.telegram(), SecretSamples.discord(), SecretSamples.awsAccessKeyID(),
            SecretSamples.googleAPIKey(), SecretSamples.gitHub(), SecretSamples.slackBot(), "DB_PASSWORD=" + SecretSamples.password(),
        ]
        for secret in secrets {
            for padding in 0..<40 {
                let text = String(repeating: " ", count: padding) + secret
                #expect(Self.kinds(text).count == 1, "padding \(padding): \(secret.prefix(12))")
                #expect(Self.kinds(text + String(repeating: " ", count: padding)).count == 1)
            }
        }
    }

    @Test func vectorAndScalarAnchorsAgree() {
        let text = Array(("sk- ke xo xa gh b_ cr sw pw IA Iz CA -B :A .abcdef. Sk- KE Xo GH PW iA iz ca -b :a "
            + SecretSamples.random(SecretSamples.base64URL + Array(".:- ".utf8), 2000, seed: 150)).utf8)
        text.withUnsafeBufferPointer { buffer in
            let window = ScanWindow(base: buffer.baseAddress!, count: buffer.count)
            var vector: [Int] = []
            KeywordPrefilter.forEachAnchor(in: window, range: 0..<buffer.count) { vector.append($0) }
            let scalar = (0..<buffer.count).filter { KeywordPrefilter.isAnchor(window, $0) }
            #expect(vector == scalar)
            #expect(vector.count > 20)
        }
    }

    // MARK: - Placeholders, entropy, redaction

    @Test(arguments: [
        "xxxxxxxxxxxxxxxx", "EXAMPLEKEY1234", "your-api-key", "changeme123", "${OPENAI_API_KEY}", "$(cat key)",
        "{{ secrets.token }}", "<token>", "aaaaaaaa1", "abcdefgh99", "98765432zz", "ab****cd", "sk-...", "my_fake_token",
        "AKIAIOSFODNN7EXAMPLE", "REDACTED_VALUE", "Placeholder9",
    ])
    func placeholders(_ value: String) {
        #expect(PlaceholderFilter.isPlaceholder(Array(value.utf8)))
    }

    @Test func randomValuesAreNotPlaceholders() {
        for seed in UInt64(1)...UInt64(500) {
            let value = SecretSamples.random(SecretSamples.base64URL, 40, seed: seed)
            #expect(!PlaceholderFilter.isPlaceholder(Array(value.utf8)), "\(value)")
        }
    }

    @Test func entropy() {
        #expect(Entropy.bitsPerByte(Array("aaaaaaaa".utf8)) == 0)
        #expect(abs(Entropy.bitsPerByte(Array("abcdefgh".utf8)) - 3) < 1e-9)
        #expect(abs(Entropy.bitsPerByte(Array("aabb".utf8)) - 1) < 1e-9)
    }

    @Test func redactionShowsAtMostFourAndTwoCharacters() {
        let key = SecretSamples.openAI()
        let redacted = SecretRedaction.redact(Array(key.utf8), kind: .openAI)
        #expect(redacted == "sk-p…\(key.suffix(2)) (\(key.count) chars)")
        // Short values show at most a quarter of themselves.
        #expect(SecretRedaction.redact(Array("Abcdefgh".utf8), kind: .assignment) == "Ab…h (8 chars)")
        #expect(SecretRedaction.redact(Array("Abcdefghijkl".utf8), kind: .assignment) == "Abc…l (12 chars)")
        #expect(SecretRedaction.redact(Array("Abcdef".utf8), kind: .assignment) == "A… (6 chars)")
        let pem = SecretSamples.privateKey()
        let match = SecretScanner.scan(Array(pem.utf8))[0]
        #expect(SecretRedaction.redact(Array(Array(pem.utf8)[match.valueRange]), kind: .privateKey) == "-----BEGIN RSA PRIVATE KEY-----")
    }
}
