/// The static code-safety rules of the plugin and skill scan, in the
/// order the original reports them for one file: the per-line rules first, then the
/// whole-file rules. The rule ids and messages are the original's; findings print them.
public enum CodeSafetyRule: Int, Sendable, CaseIterable, Comparable {
    case dangerousExec
    case dynamicCodeExecution
    case cryptoMining
    case suspiciousNetwork
    case potentialExfiltration
    case obfuscatedHex
    case obfuscatedBase64
    case environmentHarvesting

    public var ruleId: String {
        switch self {
        case .dangerousExec: return "dangerous-exec"
        case .dynamicCodeExecution: return "dynamic-code-execution"
        case .cryptoMining: return "crypto-mining"
        case .suspiciousNetwork: return "suspicious-network"
        case .potentialExfiltration: return "potential-exfiltration"
        case .obfuscatedHex, .obfuscatedBase64: return "obfuscated-code"
        case .environmentHarvesting: return "env-harvesting"
        }
    }

    public var severity: Severity {
        switch self {
        case .dangerousExec, .dynamicCodeExecution, .cryptoMining, .environmentHarvesting: return .critical
        case .suspiciousNetwork, .potentialExfiltration, .obfuscatedHex, .obfuscatedBase64: return .warn
        }
    }

    public var message: String {
        switch self {
        case .dangerousExec: return "Shell command execution detected (child_process)"
        case .dynamicCodeExecution: return "Dynamic code execution detected"
        case .cryptoMining: return "Possible crypto-mining reference detected"
        case .suspiciousNetwork: return "WebSocket connection to non-standard port"
        case .potentialExfiltration: return "File read combined with network send — possible data exfiltration"
        case .obfuscatedHex: return "Hex-encoded string sequence detected (possible obfuscation)"
        case .obfuscatedBase64: return "Large base64 payload with decode call detected (possible obfuscation)"
        case .environmentHarvesting:
            return "Environment variable access combined with network send — possible credential harvesting"
        }
    }

    public static func < (lhs: CodeSafetyRule, rhs: CodeSafetyRule) -> Bool { lhs.rawValue < rhs.rawValue }

    /// WebSocket ports that are not suspicious on their own.
    static let standardPorts: Set<Int> = [80, 443, 8080, 8443, 3000]

    /// How far (in lines, either way) a network send may be from a file read or a
    /// `process.env` access for the pair to count. The original paired them anywhere in
    /// the file, which flagged every plugin that reads its config and calls an API.
    static let contextWindowLines = 8
}

/// One rule hit in one file: the first line where the rule matched.
public struct CodeSafetyHit: Sendable, Equatable {
    public var rule: CodeSafetyRule
    /// 1-based.
    public var line: Int
    /// The trimmed source line, at most 120 characters.
    public var evidence: String

    public var ruleId: String { rule.ruleId }
    public var severity: Severity { rule.severity }
    public var message: String { rule.message }
}
