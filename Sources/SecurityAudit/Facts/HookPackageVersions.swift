import JSON5

/// The `package.json` versions of installed hook packs, for the install records of
/// `hooks.internal.installs` that name a version to compare with (npm installs).
enum HookPackageVersions {
    /// A `package.json` is small; anything bigger is not one worth comparing.
    static let maxPackageJSONBytes = 1024 * 1024

    /// npm install records (`source: "npm"`) in config order.
    static func npmRecords(in config: ConfigNode) -> [(id: String, record: ConfigNode)] {
        (config["hooks"]["internal"]["installs"].object?.entries ?? [])
            .filter { $0.value["source"].string == "npm" }
            .map { (id: $0.key, record: $0.value) }
    }

    /// Where a hook pack lives: `installPath`, else `<stateDir>/hooks/<id>`.
    static func installDirectory(id: String, record: ConfigNode, stateDir: String, cwd: String) -> String {
        record["installPath"].string.map { PathNormalization.resolve($0, cwd: cwd) }
            ?? PathNormalization.join(stateDir, "hooks", id)
    }

    /// Installed version per hook id, for records that carry a version of their own.
    static func read(config: ConfigNode, stateDir: String, cwd: String) -> [String: String] {
        var versions: [String: String] = [:]
        for (id, record) in npmRecords(in: config) where recordedVersion(record) != nil {
            let dir = installDirectory(id: id, record: record, stateDir: stateDir, cwd: cwd)
            if let version = packageVersion(in: dir) { versions[id] = version }
        }
        return versions
    }

    /// `resolvedVersion ?? version`, when it is a non-empty string.
    static func recordedVersion(_ record: ConfigNode) -> String? {
        let node = record["resolvedVersion"].flatMap { $0.isNull ? nil : $0 } ?? record["version"]
        guard let version = node?.string, !version.isEmpty else { return nil }
        return version
    }

    static func packageVersion(in directory: String) -> String? {
        let path = PathNormalization.join(directory, "package.json")
        guard let bytes = try? BoundedFileReader.read(path, limit: maxPackageJSONBytes),
              let root = try? JSON5.parse(bytes: bytes, file: path)
        else { return nil }
        return root[key: "version"]?.asString
    }
}
