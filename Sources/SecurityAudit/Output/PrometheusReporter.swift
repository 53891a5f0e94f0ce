/// The Prometheus text exposition format, as node_exporter's textfile collector reads
/// it (no sample timestamps), so an existing Prometheus watches a fleet of gateways and
/// alerts on it: findings by severity and by check id, suppressed findings, the audit's
/// duration, its completeness and when it ran. Every series carries `state_dir`, so two
/// gateways audited on one host never collide.
///
/// Write the file atomically (`--output` does: temporary file, then rename), or
/// node_exporter may read half of it.
public struct PrometheusReporter: Reporter {
    public init() {}

    struct Family {
        var name: String
        var help: String
        var samples: [(labels: [(String, String)], value: String)] = []
    }

    public func render(_ report: AuditReport) -> String {
        let instance: [(String, String)] = report.paths.map { [("state_dir", $0.stateDir)] } ?? []
        func bySeverity(_ summary: AuditSummary) -> [(labels: [(String, String)], value: String)] {
            [(Severity.critical, summary.critical), (.warn, summary.warn), (.info, summary.info)].map {
                (instance + [("severity", $0.0.rawValue)], String($0.1))
            }
        }

        let active = Family(
            name: "openclaw_security_audit_findings", help: "Active findings of the last audit, by severity.",
            samples: bySeverity(report.summary))

        var byCheck = Family(name: "openclaw_security_audit_check_findings", help: "Active findings of the last audit, by check id and severity.")
        var checkCounts: [(checkId: String, severity: Severity, count: Int)] = []
        for finding in report.findings {
            if let index = checkCounts.firstIndex(where: { $0.checkId == finding.checkId && $0.severity == finding.severity }) {
                checkCounts[index].count += 1
            } else {
                checkCounts.append((finding.checkId, finding.severity, 1))
            }
        }
        for entry in checkCounts {
            byCheck.samples.append((instance + [
                ("check_id", entry.checkId), ("severity", entry.severity.rawValue), ("area", CheckArea.of(entry.checkId)),
            ], String(entry.count)))
        }
        let suppressed = Family(
            name: "openclaw_security_audit_suppressed_findings",
            help: "Findings moved out of the report by security.audit.suppressions, by severity.",
            samples: bySeverity(AuditSummary(counting: report.suppressedFindings.map(\.finding))))

        var families = [active, byCheck, suppressed]
        if let baseline = report.baseline {
            families.append(Family(
                name: "openclaw_security_audit_baseline_known_findings",
                help: "Active findings left out because the baseline file knows them.",
                samples: [(instance, String(baseline.known))]))
        }
        if let duration = report.durationSeconds {
            families.append(Family(
                name: "openclaw_security_audit_duration_seconds", help: "How long the last audit took.",
                samples: [(instance, JavaScriptNumber.format(duration))]))
        }
        families.append(Family(
            name: "openclaw_security_audit_complete",
            help: "1 when every collector of the last audit finished, 0 when one failed or timed out.",
            samples: [(instance, report.incomplete.isEmpty ? "1" : "0")]))
        families.append(Family(
            name: "openclaw_security_audit_collector_incomplete",
            help: "Collectors of the last audit that failed or timed out.",
            samples: report.incomplete.map { (instance + [("collector", $0.collector)], "1") }))
        families.append(Family(
            name: "openclaw_security_audit_last_run_timestamp_seconds",
            help: "When the last audit finished, in seconds since the Unix epoch.",
            samples: [(instance, JavaScriptNumber.format(Double(report.timestamp) / 1000))]))
        families.append(Family(
            name: "openclaw_security_audit_info",
            help: "The auditing tool's version and the OpenClaw release audited (\"unknown\" when no source named it).",
            samples: [(instance + [
                ("version", SecurityAuditVersion.current),
                ("openclaw_version", report.openclaw.version?.description ?? "unknown"),
            ], "1")]))

        var out = ""
        for family in families where !family.samples.isEmpty {
            out += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) gauge\n"
            for sample in family.samples {
                out += family.name
                if !sample.labels.isEmpty {
                    out += "{" + sample.labels.map { "\($0.0)=\"\(Self.escapeLabelValue($0.1))\"" }.joined(separator: ",") + "}"
                }
                out += " \(sample.value)\n"
            }
        }
        return out
    }

    /// Label values escape `\`, `"` and line feeds; nothing else.
    static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
