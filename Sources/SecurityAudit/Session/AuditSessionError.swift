/// Why an `AuditSession` stopped without a report to deliver. Each is exit status 1.
public enum AuditSessionError: Error, Sendable, CustomStringConvertible {
    /// The config (or an include) does not load. Under a real `--fix` the outcome of
    /// what was still tightened, with an empty report marked incomplete.
    case configInvalid(ConfigLoadError, fix: AuditOutcome?)
    /// `--output` or `--write-baseline` names the audited config, an include or a path in
    /// the state dir.
    case refusedOutputFile(AuditSession.OutputFile, reason: String)
    /// `--deep` would send credentials over plaintext `ws://` to a remote host.
    case plaintextCredentials(GatewayTarget.PlaintextRemoteError)
    /// `--baseline` cannot be read, or is not a baseline this build knows.
    case baseline(Baseline.FormatError)

    /// The message for stderr.
    public var description: String {
        switch self {
        case .configInvalid(let error, _):
            return "Config invalid\n\(error.description)"
        case .refusedOutputFile(let file, let reason):
            return "openclaw-security audit: refusing to write the \(file.what) to \(file.path): \(reason)"
        case .plaintextCredentials(let error):
            return error.description
        case .baseline(let error):
            return "openclaw-security audit: \(error.description)"
        }
    }
}
