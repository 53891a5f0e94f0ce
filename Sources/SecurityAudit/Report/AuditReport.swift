/// Counts of active findings by severity.
public struct AuditSummary: Sendable, Equatable {
    public var critical = 0
    public var warn = 0
    public var info = 0

    public init(critical: Int = 0, warn: Int = 0, info: Int = 0) {
        self.critical = critical
        self.warn = warn
        self.info = info
    }

    public init(counting findings: [Finding]) {
        for finding in findings {
            switch finding.severity {
            case .critical: critical += 1
            case .warn: warn += 1
            case .info: info += 1
            }
        }
    }
}

/// The result of the live gateway probe (`--deep`).
public struct GatewayProbeResult: Sendable, Equatable {
    public var attempted: Bool
    public var url: String?
    public var ok: Bool
    public var error: String?
    public var close: Close?
    /// `server.version` of the gateway's `hello-ok`, when it answered one.
    public var serverVersion: String?

    public struct Close: Sendable, Equatable {
        public var code: Int
        public var reason: String

        public init(code: Int, reason: String) {
            self.code = code
            self.reason = reason
        }
    }

    public init(attempted: Bool = true, url: String?, ok: Bool, error: String?, close: Close?, serverVersion: String? = nil) {
        self.serverVersion = serverVersion
        self.attempted = attempted
        self.url = url
        self.ok = ok
        self.error = error
        self.close = close
    }
}

/// The report, in the original's shape: findings in emission order, never sorted.
public struct AuditReport: Sendable {
    /// Epoch milliseconds at the end of the audit.
    public var timestamp: Int64
    /// The OpenClaw release the findings are for (unknown: the newest behaviour).
    public var openclaw: OpenClawRelease = .unknown
    public var findings: [Finding]
    public var deepGateway: GatewayProbeResult?
    public var deepRequested: Bool
    /// Findings that a `security.audit.suppressions` entry moved out of `findings`.
    public var suppressedFindings: [SuppressedFinding] = []
    /// How many entries `security.audit.suppressions` has (the text output's
    /// `Suppressed: <n> configured`).
    public var configuredSuppressions = 0
    /// Collectors that failed or ran out of time: the findings are not the whole story.
    public var incomplete: [IncompleteCollector] = []
    /// False when a collector (a `--deep` one: the gateway probe, a code scan) failed
    /// or ran out of time; the JSON then says `"complete": false`.
    public var complete: Bool { incomplete.isEmpty }
    /// Set when the findings were compared with a baseline file (`--baseline`).
    public var baseline: BaselineComparison?
    /// Wall-clock seconds the audit took, when the caller measured it.
    public var durationSeconds: Double?
    /// The audited installation, which fingerprints and SARIF locations are relative to.
    public var paths: OpenClawPaths?
    /// What was audited and what could not be judged (the text report's header line).
    public var scope: AuditScope?
    /// What the findings may quote with a line break in it; the text reporter escapes it.
    public var untrustedText = UntrustedText()

    public init(timestamp: Int64, findings: [Finding], deepRequested: Bool = false, deepGateway: GatewayProbeResult? = nil) {
        self.timestamp = timestamp
        self.findings = findings
        self.deepRequested = deepRequested
        self.deepGateway = deepGateway
    }

    public var summary: AuditSummary { AuditSummary(counting: findings) }
    public var fingerprinter: FindingFingerprinter { FindingFingerprinter(paths: paths) }
}
