/// Gathers `UntrustedText` from everything an audit read before its checks ran: the
/// config (keys and values, as loaded, as written and as migrated), the environment, the
/// paths and names the file facts hold, the pairing stores, and with `--deep` the
/// gateway's messages, the scanned plugins and skills and the secret hits' places. Only
/// text with a line break is kept; the redacted form is kept too, as findings are
/// redacted after the checks ran.
enum UntrustedTextCollector {
    static func collect(from context: AuditContext) -> UntrustedText {
        var found: [String] = []
        func add(_ text: String?) {
            if let text, UntrustedText.hasLineBreak(text) { found.append(text) }
        }
        for root in [context.config, context.configFile.sourceRoot, context.configFile.writtenRoot].compactMap({ $0 }) {
            addStrings(of: root, to: &found)
        }
        context.environment.values.forEach(add)
        let paths = context.paths
        [paths.homeDir, paths.stateDir, paths.configPath, paths.credentialsDir].forEach(add)

        let files = context.files
        files.paths.keys.forEach(add)
        for gap in files.gaps { add(gap.path); add(gap.reason) }
        files.sessionTranscripts.forEach { add($0.path) }
        for scan in files.workspaceSkills {
            add(scan.workspaceDir)
            add(scan.workspaceRealPath)
            for skill in scan.skillFiles {
                add(skill.path)
                switch skill.location {
                case .resolved(let path): add(path)
                case .dangling(let target): add(target)
                }
            }
        }
        add(files.plugins?.extensionsDir)
        files.plugins?.names.forEach(add)
        add(files.logFile)
        for database in files.stateDatabases {
            add(database.folder)
            database.files.forEach { add($0.path) }
        }
        for install in files.pluginInstalls + files.hookInstalls {
            [install.id, install.source, install.spec, install.installPath, install.installedVersion].forEach(add)
        }
        for (name, entries) in context.channelFacts.pairingStores {
            add(name)
            entries.forEach(add)
        }

        if let deep = context.deepFacts {
            add(deep.gateway.result.error)
            add(deep.gateway.result.close?.reason)
            add(deep.gateway.authWarning)
            add(deep.plugins.extensionsDir)
            add(deep.plugins.listingError)
            for plugin in deep.plugins.plugins {
                [plugin.name, plugin.path, plugin.manifestError].forEach(add)
                plugin.hiddenEntries.forEach(add)
            }
            deep.skills.forEach { add($0.name); add($0.directory) }
        }
        for hit in context.secrets.hits {
            [hit.path, hit.name, hit.keyPath, hit.cell?.table, hit.cell?.column].forEach(add)
        }
        context.secrets.databaseScanIncomplete.forEach { add($0.path); add($0.reason) }
        return UntrustedText(found + found.map(SecretTextRedaction.redact))
    }

    /// Keys and string values of `node`, at any depth.
    static func addStrings(of node: ConfigNode, to found: inout [String]) {
        var stack = [node]
        while let next = stack.popLast() {
            switch next.value {
            case .string(let text):
                if UntrustedText.hasLineBreak(text) { found.append(text) }
            case .array(let elements):
                stack += elements
            case .object(let object):
                for (key, child) in object.entries {
                    if UntrustedText.hasLineBreak(key) { found.append(key) }
                    stack.append(child)
                }
            case .null, .bool, .number:
                break
            }
        }
    }
}
