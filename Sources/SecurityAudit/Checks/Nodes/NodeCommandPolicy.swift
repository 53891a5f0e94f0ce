/// The gateway's node-command policy: which commands paired devices accept by default
/// per platform, which are dangerous, and the configured allow / deny lists in either
/// shape (`gateway.nodes.allowCommands/denyCommands`, later
/// `gateway.nodes.commands.allow/deny`).
struct NodeCommandPolicy {
    static let canvas = [
        "canvas.present", "canvas.hide", "canvas.navigate", "canvas.eval", "canvas.snapshot",
        "canvas.a2ui.push", "canvas.a2ui.pushJSONL", "canvas.a2ui.reset",
    ]
    static let device = ["device.info", "device.status"]
    static let personal = ["contacts.search", "calendar.events", "reminders.list", "photos.latest", "motion.activity", "motion.pedometer"]
    static let desktop = ["system.run.prepare", "system.run", "system.which", "system.notify", "browser.proxy"]

    /// Platform defaults in the gateway's platform order (ios, android, macos, linux,
    /// windows, unknown); the order decides suggestions and the examples listed.
    static let platformDefaults: [[String]] = [
        canvas + ["camera.list", "location.get"] + device + personal + ["system.notify"],
        canvas + ["camera.list", "location.get", "notifications.list", "notifications.actions", "system.notify"]
            + device + ["device.permissions", "device.health", "contacts.search", "calendar.events", "callLog.search",
                        "reminders.list", "sms.search", "photos.latest", "motion.activity", "motion.pedometer"],
        canvas + ["camera.list", "location.get"] + device + personal + desktop,
        desktop,
        desktop,
        canvas + ["camera.list", "location.get", "system.notify"],
    ]

    /// `DEFAULT_DANGEROUS_NODE_COMMANDS`: only reachable when allowed explicitly.
    static let dangerous = ["camera.snap", "camera.clip", "screen.record", "contacts.add", "calendar.add", "reminders.add", "sms.send"]

    /// Commands that exist without being defaults (opt-in or desktop-approved ones); a
    /// deny entry naming them is meaningful.
    static let otherKnown = dangerous + ["browser.proxy.upload.v1", "screen.snapshot"]

    let allow: [String]
    let deny: [String]
    let allowNode: ConfigNode?
    let denyNode: ConfigNode?
    /// Whether each list came from the later `gateway.nodes.commands.*` keys.
    let allowUsesCommandsKey: Bool
    let denyUsesCommandsKey: Bool

    init(config: ConfigNode) {
        let nodes = config["gateway"]["nodes"]
        let commands = nodes["commands"]
        allowUsesCommandsKey = commands["allow"].array != nil
        denyUsesCommandsKey = commands["deny"].array != nil
        allowNode = allowUsesCommandsKey ? commands["allow"] : nodes["allowCommands"]
        denyNode = denyUsesCommandsKey ? commands["deny"] : nodes["denyCommands"]
        allow = Self.entries(allowNode)
        deny = Self.entries(denyNode)
    }

    var allowKey: String { allowUsesCommandsKey ? "gateway.nodes.commands.allow" : "gateway.nodes.allowCommands" }
    var denyKey: String { denyUsesCommandsKey ? "gateway.nodes.commands.deny" : "gateway.nodes.denyCommands" }

    /// String entries, trimmed, without empties, in config order.
    static func entries(_ node: ConfigNode?) -> [String] {
        (node.array ?? []).compactMap { $0.string?.trimmingWhitespace }.filter { !$0.isEmpty }
    }

    /// Every command some platform may accept (defaults and the allow list, the deny
    /// list not applied), in first-seen order, then the opt-in commands.
    var knownCommands: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for defaults in Self.platformDefaults {
            for command in defaults + allow where seen.insert(command).inserted { out.append(command) }
        }
        for command in Self.otherKnown where seen.insert(command).inserted { out.append(command) }
        return out
    }

    /// Contains glob, regex or shell syntax, or a `group:` reference: exact matching
    /// never matches it.
    static func looksLikePattern(_ value: String) -> Bool {
        if value.contains(where: { "?*[]{}(),|".contains($0) }) { return true }
        if value.hasPrefix("/") || value.hasSuffix("/") || value.hasPrefix("^") || value.hasSuffix("$") { return true }
        return value.unicodeScalars.contains { $0.isJavaScriptWhitespace } || value.contains("group:")
    }

    /// Up to three known commands close to `unknown`: those sharing its first two dotted
    /// segments, else the nearest by edit distance.
    static func suggestions(for unknown: String, known: [String]) -> [String] {
        let needle = unknown.trimmingWhitespace
        guard !needle.isEmpty else { return [] }
        let prefix = needle.contains(".") ? needle.split(separator: ".", omittingEmptySubsequences: false).prefix(2).joined(separator: ".") : needle
        let prefixHits = known.filter { $0.hasPrefix(prefix) }.prefix(3)
        if !prefixHits.isEmpty { return Array(prefixHits) }
        let ranked = known.map { ($0, editDistance(needle, $0)) }.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : localeOrder(a.0, b.0)
        }
        guard let best = ranked.first?.1 else { return [] }
        let threshold = max(2, min(4, best))
        return ranked.filter { $0.1 <= threshold }.prefix(3).map(\.0)
    }

    /// Levenshtein distance over UTF-16 code units, as the original computes it.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf16)
        let y = Array(b.utf16)
        if x == y { return 0 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var previous = row[0]
            row[0] = i
            for j in 1...y.count {
                let saved = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (x[i - 1] == y[j - 1] ? 0 : 1))
                previous = saved
            }
        }
        return row[y.count]
    }

    /// Close to `localeCompare` for command names: case-insensitive first, then by code unit.
    static func localeOrder(_ a: String, _ b: String) -> Bool {
        let (la, lb) = (a.lowercased(), b.lowercased())
        if la != lb { return la.utf16.lexicographicallyPrecedes(lb.utf16) }
        return b.utf16.lexicographicallyPrecedes(a.utf16)
    }
}
