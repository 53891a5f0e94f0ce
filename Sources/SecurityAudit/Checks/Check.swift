/// How a check's severity is decided: one fixed level, or a rule that depends on the
/// config (exposure, sandboxing...), described for people and SARIF's default level.
public enum SeverityRule: Sendable, Equatable {
    case fixed(Severity)
    case varies(default: Severity, rule: String)

    public var defaultSeverity: Severity {
        switch self {
        case .fixed(let s): return s
        case .varies(let s, _): return s
        }
    }

    public var description: String {
        switch self {
        case .fixed(let s): return s.rawValue
        case .varies(_, let rule): return rule
        }
    }
}

/// A config snippet (JSON5 text) with the environment and state-dir files it is audited
/// in. Declared examples are run by one test for every check: triggers must produce the
/// id, passes must not. In the config and the files, `{stateDir}` stands for the state
/// dir and `{closedPort}` for a loopback port nothing listens on; in file paths U+FFFD
/// stands for a byte that is not UTF-8.
///
/// A trigger whose finding points at a config value marks it with `↓` (SwiftLint's
/// marker) written just before the value's key (or before the value itself, for an array
/// element): the test then requires the findings' locations to be exactly the marked
/// values, and a trigger whose finding carries a location but has no marker fails. A
/// finding that points into a file of the example (an `$include`, `exec-approvals.json`)
/// is marked in that file's text.
public struct CheckExample: Sendable {
    /// The marker of a location a trigger's finding must point at.
    public static let locationMarker: Character = "↓"

    /// The config text as declared, `↓` markers included. Markers are removed on use,
    /// not here: the catalog builds every example in every audit, and only the tests and
    /// the documentation read them.
    public var markedConfig: String
    /// The config text, markers removed.
    public var config: String { Self.removingMarkers(from: markedConfig).text }
    /// The UTF-8 offsets in `config` at which a `↓` stood, in order.
    public var markerOffsets: [Int] { Self.removingMarkers(from: markedConfig).offsets }
    /// A trigger `--fix` clears: the test runs the fixer on the example's state, audits
    /// again, and the finding must be gone. Every id declared `fixable` has one.
    public var clearedByFix: Bool
    public var environment: [String: String]
    /// When set, the triggered finding must have this severity.
    public var severity: Severity?
    /// Laid out in the state dir, in order, before the audit.
    public var files: [FileFixture]
    /// Programs on PATH during the audit (name -> shell script), for checks that ask a
    /// tool such as `docker`; PATH then holds only these.
    public var programs: [String: String]
    /// Run the `--deep` collectors (gateway probe, plugin and skill code scan, transcript
    /// secret scan).
    public var deep: Bool
    /// The OpenClaw release audited (as `--openclaw-version`); nil: the config's stamp,
    /// else unknown (the newest behaviour).
    public var release: String?

    /// The text without its `↓` markers, and the UTF-8 offsets in that text where they
    /// stood.
    public static func removingMarkers(from marked: String) -> (text: String, offsets: [Int]) {
        guard marked.unicodeScalars.contains(locationMarker.unicodeScalars.first!) else { return (marked, []) }
        var text = ""
        var offsets: [Int] = []
        for character in marked {
            if character == locationMarker {
                offsets.append(text.utf8.count)
            } else {
                text.append(character)
            }
        }
        return (text, offsets)
    }

    public init(
        _ config: String, environment: [String: String] = [:], severity: Severity? = nil,
        files: [FileFixture] = [], programs: [String: String] = [:], deep: Bool = false,
        release: String? = nil, clearedByFix: Bool = false
    ) {
        self.release = release
        self.markedConfig = config
        self.clearedByFix = clearedByFix
        self.environment = environment
        self.severity = severity
        self.files = files
        self.programs = programs
        self.deep = deep
    }
}

/// Everything said about one check id: what it is, why it matters, how bad it is and
/// examples that do and do not trigger it. Dynamic ids are templates with `<name>`
/// placeholders (`tools.elevated.allowFrom.<provider>.wildcard`).
public struct CheckInfo: Sendable {
    public var id: String
    public var title: String
    public var severity: SeverityRule
    public var rationale: String
    public var remediation: String?
    /// Whether `--fix` changes what this check reports.
    public var fixable: Bool
    public var triggers: [CheckExample]
    public var passes: [CheckExample]

    public init(
        id: String, title: String, severity: SeverityRule, rationale: String,
        remediation: String? = nil, fixable: Bool = false,
        triggers: [CheckExample], passes: [CheckExample]
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.rationale = rationale
        self.remediation = remediation
        self.fixable = fixable
        self.triggers = triggers
        self.passes = passes
    }

    /// Whether a concrete finding id is an instance of this (possibly templated) id.
    public func matches(_ checkId: String) -> Bool {
        guard id.contains("<") else { return id == checkId }
        return CheckIdTemplate.matches(template: id, checkId: checkId)
    }

    /// Upstream's or ours, and the releases that emit it.
    public var provenance: CheckProvenance? { CheckReleaseTable.entries[id] }
}

enum CheckIdTemplate {
    /// `<name>` matches one or more characters other than `.` (provider and channel ids
    /// hold no dots; `warning.<N>` takes digits).
    static func matches(template: String, checkId: String) -> Bool {
        let parts = template.split(separator: ".", omittingEmptySubsequences: false)
        let actual = checkId.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == actual.count else { return false }
        return zip(parts, actual).allSatisfy { pattern, value in
            pattern.hasPrefix("<") && pattern.hasSuffix(">") ? !value.isEmpty : pattern == value
        }
    }
}

/// A check: one or more related ids that share their inputs, and the pure function
/// that emits their findings in the original's order.
public protocol Check: Sendable {
    /// The ids this check emits, in emission order.
    var infos: [CheckInfo] { get }
    func findings(in context: AuditContext) -> [Finding]
}

extension Check {
    func info(_ id: String) -> CheckInfo {
        guard let info = infos.first(where: { $0.id == id }) else {
            preconditionFailure("check does not declare \(id)")
        }
        return info
    }

    /// A finding of a declared id, with the declared title and, unless it says
    /// otherwise, the declared remediation.
    func finding(
        _ id: String, _ severity: Severity, title: String? = nil, detail: String,
        remediation: FindingRemediation = .declared, at location: ConfigNode? = nil
    ) -> Finding {
        finding(id, severity, title: title, detail: detail, remediation: remediation, origin: location?.origin)
    }

    /// The same, for a location that is not a config value (a secret found in a file).
    func finding(
        _ id: String, _ severity: Severity, title: String? = nil, detail: String,
        remediation: FindingRemediation = .declared, origin: ConfigOrigin?
    ) -> Finding {
        Finding(
            checkId: id, severity: severity, title: title ?? info(id).title, detail: detail,
            remediation: remediation.text(declared: info(id).remediation), location: origin)
    }
}

/// What a finding tells the user to do: what its declaration says (the default), a text
/// of its own (a command naming the audited path), or nothing, where the original's
/// finding has no remediation although the check's declaration documents one.
enum FindingRemediation: ExpressibleByStringInterpolation {
    case declared
    case text(String)
    case none

    init(stringLiteral value: String) { self = .text(value) }

    func text(declared: String?) -> String? {
        switch self {
        case .declared: return declared
        case .text(let text): return text
        case .none: return nil
        }
    }
}
