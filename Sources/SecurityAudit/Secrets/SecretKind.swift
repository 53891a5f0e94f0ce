/// The kinds of secret the scanner recognises, in the order findings list them.
public enum SecretKind: String, Sendable, CaseIterable, Comparable {
    case openAI = "openai"
    case anthropic
    case slack
    case telegram
    case discord
    case gitHub = "github"
    case aws
    case googleAPI = "google-api"
    case privateKey = "private-key"
    /// `key|token|secret|password = value` with a random-looking value.
    case assignment

    /// Singular and plural names for finding texts.
    public var name: String {
        switch self {
        case .openAI: return "OpenAI API key"
        case .anthropic: return "Anthropic API key"
        case .slack: return "Slack token"
        case .telegram: return "Telegram bot token"
        case .discord: return "Discord bot token"
        case .gitHub: return "GitHub token"
        case .aws: return "AWS access key ID"
        case .googleAPI: return "Google API key"
        case .privateKey: return "Private key block"
        case .assignment: return "Secret-looking assignment"
        }
    }

    /// The name inside a sentence, with a count.
    public func counted(_ count: Int) -> String {
        let noun: String
        switch self {
        case .privateKey: noun = "private key block"
        case .assignment: noun = "secret-looking assignment"
        default: noun = name
        }
        return "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// A provider's own key format or a private key: when one of these is readable by
    /// other users it is treated as a live credential. A generic assignment is a guess.
    public var isCredentialFormat: Bool { self != .assignment }

    public static func < (lhs: SecretKind, rhs: SecretKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A secret found in a byte window: where its value lies (`valueStart..<valueEnd`), and
/// for an assignment where the name it is assigned to lies.
struct SecretMatch: Sendable, Equatable {
    var kind: SecretKind
    var valueStart: Int
    var valueEnd: Int
    /// The position of the keyword or prefix that led to it; a unit of a split file
    /// reports only matches whose anchor lies inside the unit.
    var anchor: Int
    var nameRange: Range<Int>?

    var valueRange: Range<Int> { valueStart..<valueEnd }
}
