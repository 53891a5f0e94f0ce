/// `gateway.control_ui.insecure_auth` and `gateway.control_ui.device_auth_disabled`:
/// the Control UI's auth toggles.
struct ControlUIAuthTogglesCheck: Check {
    let infos = [
        CheckInfo(
            id: "gateway.control_ui.insecure_auth",
            title: "Control UI insecure auth toggle enabled",
            severity: .fixed(.warn),
            rationale: "allowInsecureAuth is a debugging toggle for plain-HTTP access to the Control UI; it should not stay on.",
            remediation: "Disable it or switch to HTTPS (Tailscale Serve) or localhost.",
            triggers: [CheckExample(#"{ gateway: { controlUi: { ↓allowInsecureAuth: true } } }"#)],
            passes: [CheckExample(#"{ gateway: { controlUi: { allowInsecureAuth: false } } }"#)]),
        CheckInfo(
            id: "gateway.control_ui.device_auth_disabled",
            title: "DANGEROUS: Control UI device auth disabled",
            severity: .fixed(.critical),
            rationale: "Without device identity checks, anyone with the gateway credential can use the Control UI from any device, with no pairing.",
            remediation: "Disable it unless you are in a short-lived break-glass scenario.",
            triggers: [CheckExample(#"{ gateway: { controlUi: { ↓dangerouslyDisableDeviceAuth: true } } }"#)],
            passes: [CheckExample(#"{ gateway: { controlUi: { dangerouslyDisableDeviceAuth: false } } }"#)]),
    ]

    func findings(in context: AuditContext) -> [Finding] {
        let controlUi = context.config["gateway"]["controlUi"]
        var out: [Finding] = []
        if controlUi["allowInsecureAuth"].bool == true {
            out.append(finding(
                "gateway.control_ui.insecure_auth", .warn,
                detail: "gateway.controlUi.allowInsecureAuth=true does not bypass secure context or device identity checks; only dangerouslyDisableDeviceAuth disables Control UI device identity checks.",
                at: controlUi["allowInsecureAuth"]))
        }
        if controlUi["dangerouslyDisableDeviceAuth"].bool == true {
            out.append(finding(
                "gateway.control_ui.device_auth_disabled", .critical,
                detail: "gateway.controlUi.dangerouslyDisableDeviceAuth=true disables device identity checks for the Control UI.",
                at: controlUi["dangerouslyDisableDeviceAuth"]))
        }
        return out
    }
}
