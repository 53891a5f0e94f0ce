import JSON5

/// The `package.json` versions of installed hook packs, for the install records of
/// `hooks.internal.installs` that name a version to compare with (npm installs).
enum HookPackageVersions {
    /// A `package.json` is small; anything bigger is not one worth comparing.
    static let maxPackageJSONBytes = 1024 * 1024

    /// npm install records in config order: id, the record, and where the pack lives
    /// (`installPath`, else `<stateDir>/hooks/<id>`).
    static func npmRecords(in config: ConfigNode, stateDir: String, cwd: String) -> [(id: String, record: ConfigNode, installDir: String)] {
        let installs = config["hooks"]["internal"]["installs"].object?.entries ?? []
        return installs.compactMap { id, record in
            guard record["source"].string == "npm" else { return nil }
            let dir = record["installPath"].string.map { PathNormalization.resolve($0, cwd: cwd) }
                ?? PathNormalization.join(stateDir, "hooks", id)
            return (id, record, dir)
        }
    }

    /// Installed version per hook id, for records that carry a version of their own.
    static func read(config: ConfigNode, stateDir: String, cwd: String) -> [String: String] {
        var versions: [String: String] = [:]
        for (id, record, dir) in npmRecords(in: config, stateDir: stateDir, cwd: cwd)
        where recordedVersion(record) != nil {
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
