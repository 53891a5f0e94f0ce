extension SecurityFixResult {
    /// The JSON object, keys in the original's order. A dry run adds `dryRun` and
    /// `configDiffs`; a real run has exactly the original's keys.
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("ok", .bool(ok)),
            ("stateDir", .string(stateDir)),
            ("configPath", .string(configPath)),
            ("configWritten", .bool(configWritten)),
            ("changes", .array(changes.map(JSONValue.string))),
            ("actions", .array(actions.map(\.jsonValue))),
            ("errors", .array(errors.map(JSONValue.string))),
        ]
        if dryRun {
            members.append(("dryRun", .bool(true)))
            members.append(("configDiffs", .array(configDiffs.map {
                .object([("path", .string($0.path)), ("diff", .string($0.unifiedDiff))])
            })))
        }
        return .object(members)
    }
}

extension SecurityFixAction {
    public var jsonValue: JSONValue {
        var members: [(String, JSONValue)] = [
            ("kind", .string("chmod")),
            // A name can hold a token: redacted as in the text.
            ("path", .string(SecretTextRedaction.redact(path))),
            ("mode", .integer(Int64(mode))),
            ("ok", .bool(ok)),
        ]
        switch status {
        case .applied: break
        case .planned: members.append(("planned", .bool(true)))
        case .skipped(let reason): members.append(("skipped", .string(reason.rawValue)))
        case .failed(let message): members.append(("error", .string(message)))
        }
        return .object(members)
    }
}

/// `--fix --json`: `{fix, report}`, the fix in the original's `SecurityFixResult` shape
/// and the report as `--json` prints it.
public struct FixJSONReporter: Reporter {
    public var fix: SecurityFixResult

    public init(fix: SecurityFixResult) {
        self.fix = fix
    }

    public func render(_ report: AuditReport) -> String {
        JSONValue.object([("fix", fix.jsonValue), ("report", JSONReporter.document(report))]).rendered() + "\n"
    }
}
