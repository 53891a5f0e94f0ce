/// `sandbox.browser_container.*`: sandbox browser containers that predate the current
/// security settings, or publish their ports beyond loopback (from `docker`, which the
/// audit asks before the checks run; nothing is reported without docker).
struct SandboxBrowserContainerCheck: Check {
    /// `SANDBOX_BROWSER_SECURITY_HASH_EPOCH` of the newest gateway this audit knows:
    /// containers created before it miss security fixes baked into their config.
    static let securityHashEpoch = "2026-02-28-no-sandbox-env"

    /// A stand-in `docker` for the examples: one container with the given labels and
    /// `docker port` output.
    static func fakeDocker(hash: String = "abc123", epoch: String = securityHashEpoch, port: String = "9222/tcp -> 127.0.0.1:49153", inspectDelay: Int = 0) -> [String: String] {
        ["docker": """
            #!/bin/sh
            case "$1" in
              ps) echo openclaw-sbx-browser-1 ;;
              inspect) [ \(inspectDelay) -gt 0 ] && exec /bin/sleep \(inspectDelay); printf '%s\\t%s\\n' '\(hash)' '\(epoch)' ;;
              port) printf '%s\\n' '\(port)' ;;
              *) exit 1 ;;
            esac
            """]
    }

    let infos = [
        CheckInfo(
            id: "sandbox.browser_container.hash_label_missing",
            title: "Sandbox browser container missing config hash label",
            severity: .fixed(.warn),
            rationale: "Containers without the config hash label predate drift detection, so security fixes to the browser container config never reached them.",
            remediation: "openclaw sandbox recreate --browser --all",
            triggers: [CheckExample(#"{}"#, programs: fakeDocker(hash: "<no value>"))],
            passes: [CheckExample(#"{}"#, programs: fakeDocker()), CheckExample(#"{}"#)]),
        CheckInfo(
            id: "sandbox.browser_container.hash_epoch_stale",
            title: "Sandbox browser container hash epoch is stale",
            severity: .fixed(.warn),
            rationale: "A container built under an older security epoch runs a browser configuration that later releases hardened.",
            remediation: "openclaw sandbox recreate --browser --all",
            triggers: [CheckExample(#"{}"#, programs: fakeDocker(epoch: "2026-02-21-novnc-auth-default"))],
            passes: [CheckExample(#"{}"#, programs: fakeDocker())]),
        CheckInfo(
            id: "sandbox.browser_container.non_loopback_publish",
            title: "Sandbox browser container publishes ports on non-loopback interfaces",
            severity: .fixed(.critical),
            rationale: "The sandbox browser's CDP and observer ports control a live browser; published on all interfaces, anyone on the network can drive it.",
            remediation: "openclaw sandbox recreate --browser --all, then verify published ports are bound to 127.0.0.1.",
            triggers: [
                CheckExample(#"{}"#, programs: fakeDocker(port: "9222/tcp -> 0.0.0.0:49153")),
                CheckExample(#"{}"#, programs: fakeDocker(port: "6080/tcp -> [::]:49154")),
            ],
            passes: [CheckExample(#"{}"#, programs: fakeDocker(port: "9222/tcp -> [::1]:49153"))]),
        CheckInfo(
            id: "sandbox.browser_container.docker_probe_timeout",
            title: "Sandbox browser Docker audit probe timed out",
            severity: .fixed(.warn),
            rationale: "Docker did not answer in time, so the containers after that point were not checked for drift or exposed ports.",
            remediation: "Retry after Docker is responsive, or recreate sandbox browser containers if drift is suspected.",
            triggers: [CheckExample(#"{}"#, programs: fakeDocker(inspectDelay: 30))],
            passes: [CheckExample(#"{}"#, programs: fakeDocker())]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        guard let scan = context.external.sandboxBrowserContainers else { return [] }
        let recreate = context.cliCommand("openclaw sandbox recreate --browser --all")
        var out: [Finding] = []

        let missingHash = scan.containers.filter { $0.configHash == nil }.map(\.name)
        if !missingHash.isEmpty {
            out.append(finding(
                "sandbox.browser_container.hash_label_missing", .warn,
                detail: "Containers: \(missingHash.joined(separator: ", ")). These browser containers predate hash-based drift checks and may miss security remediations until recreated.",
                remediation: "\(recreate) (add --force to skip prompt)."))
        }
        let staleEpoch = scan.containers.filter { $0.epoch != Self.securityHashEpoch }.map(\.name)
        if !staleEpoch.isEmpty {
            out.append(finding(
                "sandbox.browser_container.hash_epoch_stale", .warn,
                detail: "Containers: \(staleEpoch.joined(separator: ", ")). Expected openclaw.browserConfigEpoch=\(Self.securityHashEpoch).",
                remediation: "\(recreate) (add --force to skip prompt)."))
        }
        let exposed = scan.containers.compactMap { container -> String? in
            let lines = container.portLines.filter { line in
                guard let host = Self.publishedHost(line) else { return false }
                return !HostClassification.isLoopbackPublishHost(host)
            }
            return lines.isEmpty ? nil : "\(container.name) (\(lines.joined(separator: "; ")))"
        }
        if !exposed.isEmpty {
            out.append(finding(
                "sandbox.browser_container.non_loopback_publish", .critical,
                detail: "Containers: \(exposed.joined(separator: ", ")). Sandbox browser observer/control ports should stay loopback-only to avoid unintended remote access.",
                remediation: "\(recreate) (add --force to skip prompt), then verify published ports are bound to 127.0.0.1."))
        }
        if scan.timedOut {
            out.append(finding(
                "sandbox.browser_container.docker_probe_timeout", .warn,
                detail: "Docker did not answer within \(scan.timeoutMilliseconds)ms while checking sandbox browser containers. OpenClaw skipped any remaining sandbox browser container drift checks for this status run."))
        }
        return out
    }

    /// The host of a `docker port` line (`9222/tcp -> 0.0.0.0:49153`, `[::]:49153`).
    static func publishedHost(_ line: String) -> String? {
        let trimmed = line.trimmingWhitespace
        let rhs: String
        if let arrow = trimmed.ranges(of: "->").last {
            rhs = trimmed[arrow.upperBound...].trimmingWhitespace
        } else {
            rhs = trimmed
        }
        guard !rhs.isEmpty, let colon = rhs.lastIndex(of: ":") else { return nil }
        let port = rhs[rhs.index(after: colon)...]
        guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let host = rhs[..<colon]
        if host.hasPrefix("[") {
            guard host.hasSuffix("]"), host.count > 2, !host.dropFirst().dropLast().contains("]") else { return nil }
            return String(host.dropFirst().dropLast())
        }
        guard !host.isEmpty, !host.contains(":") else { return nil }
        return String(host)
    }
}
