/// One config value to change, named by where it is written (the main config or an
/// `$include` file), so the edit touches only that value's bytes.
enum ConfigValueEdit: Sendable, Equatable {
    /// Writes `newValue` over the string written at `origin`, with the same quote character.
    case replaceString(at: ConfigOrigin, newValue: String)
    /// Writes a list of strings over the value written at `origin`.
    case replaceWithList(at: ConfigOrigin, [String])
    /// Adds `key: [list]` as the last member of the object written at `origin`.
    case insertList(into: ConfigOrigin, key: String, [String])

    var origin: ConfigOrigin {
        switch self {
        case .replaceString(let origin, _), .replaceWithList(let origin, _), .insertList(let origin, _, _):
            return origin
        }
    }
}

/// The config part of the plan: the original's change strings and the edits behind them.
struct ConfigFixPlan: Sendable, Equatable {
    var changes: [String] = []
    var edits: [ConfigValueEdit] = []
    /// Changes whose value has no known place in a file (never expected; reported, not guessed).
    var errors: [String] = []
}

/// Decides the config edits of `--fix` from the config as loaded,
/// before anything changes: `logging.redactSensitive` "off" -> "tools" (only for releases
/// that still have `logging.redact_off`), `groupPolicy`
/// "open" -> "allowlist" for seven channels and their accounts, and WhatsApp
/// `groupAllowFrom` seeded from the pairing store where the policy is flipped and no
/// allow list exists. Every test reads the original config, so one edit cannot change
/// the outcome of another.
struct ConfigFixPlanner {
    static let channels = ["telegram", "whatsapp", "discord", "signal", "imessage", "slack", "msteams"]

    let config: ConfigNode
    /// The WhatsApp default-account pairing-store entries, normalised.
    let whatsAppStoreAllowFrom: [String]
    /// The audited release: the redaction repair went with `logging.redact_off`.
    var release: OpenClawRelease = .unknown

    /// Upstream removed the repair from `src/security/fix.ts` together with the check, when
    /// `logging.redactSensitive` was retired (redaction is always on); the release range
    /// of `logging.redact_off` says which releases still have it. An unknown release
    /// still gets it, as it still gets the finding.
    var repairsRedaction: Bool {
        guard let range = CheckReleaseTable.entries[LoggingRedactionCheck.id]?.releases else { return true }
        return release.includes(range)
    }

    func plan() -> ConfigFixPlan {
        var plan = ConfigFixPlan()
        let redact = config["logging"]["redactSensitive"]
        if repairsRedaction, redact.string == "off" {
            replace(redact, with: "tools", label: "logging.redactSensitive",
                    change: #"logging.redactSensitive=off -> "tools""#, in: &plan)
        }

        /// WhatsApp sections whose policy flips, in change order, for the seeding below.
        var flippedWhatsApp: [(prefix: String, section: ConfigNode)] = []
        for channel in Self.channels {
            guard let section = config["channels"][channel], section.object != nil else { continue }
            let prefix = "channels.\(channel)"
            if section["groupPolicy"].string == "open" {
                replace(section["groupPolicy"], with: "allowlist", label: "\(prefix).groupPolicy",
                        change: "\(prefix).groupPolicy=open -> allowlist", in: &plan)
                if channel == "whatsapp" { flippedWhatsApp.append((prefix, section)) }
            }
            for (accountId, account) in section["accounts"].object?.entries ?? []
            where !accountId.isEmpty && account.object != nil {
                guard account["groupPolicy"].string == "open" else { continue }
                let accountPrefix = "\(prefix).accounts.\(accountId)"
                replace(account["groupPolicy"], with: "allowlist", label: "\(accountPrefix).groupPolicy",
                        change: "\(accountPrefix).groupPolicy=open -> allowlist", in: &plan)
                if channel == "whatsapp" { flippedWhatsApp.append((accountPrefix, account)) }
            }
        }

        guard !whatsAppStoreAllowFrom.isEmpty else { return plan }
        for (prefix, section) in flippedWhatsApp {
            guard Self.isEmptyList(section["allowFrom"]), Self.isEmptyList(section["groupAllowFrom"]) else { continue }
            let label = "\(prefix).groupAllowFrom"
            if let existing = section["groupAllowFrom"] {
                guard let origin = existing.origin else {
                    plan.errors.append("\(label): cannot find where the value is written; not changed")
                    continue
                }
                plan.edits.append(.replaceWithList(at: origin, whatsAppStoreAllowFrom))
            } else {
                guard let origin = section.origin else {
                    plan.errors.append("\(prefix): cannot find where the section is written; \(label) not added")
                    continue
                }
                plan.edits.append(.insertList(into: origin, key: "groupAllowFrom", whatsAppStoreAllowFrom))
            }
            plan.changes.append("\(label)=pairing-store")
        }
        return plan
    }

    /// The original treats anything but a non-empty array as "no list".
    static func isEmptyList(_ node: ConfigNode?) -> Bool {
        (node?.array ?? []).isEmpty
    }

    private func replace(_ node: ConfigNode?, with value: String, label: String, change: String, in plan: inout ConfigFixPlan) {
        guard let origin = node?.origin else {
            plan.errors.append("\(label): cannot find where the value is written; not changed")
            return
        }
        plan.edits.append(.replaceString(at: origin, newValue: value))
        plan.changes.append(change)
    }
}
