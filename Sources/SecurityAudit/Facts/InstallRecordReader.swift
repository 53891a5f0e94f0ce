import JSON5

/// Reads install records (`plugins.installs`, `hooks.internal.installs`) and the version
/// of the package installed for each npm record, as the original's plugin-trust
/// collector does; shared by the plugin and hook install checks.
struct InstallRecordReader {
    /// A `package.json` larger than this is not read (and the drift is not judged).
    static let maxPackageJSONBytes = 4 * 1024 * 1024

    var fileSystem: any FileSystemAccess
    var cwd: String

    /// `installs` is the records object; `defaultRoot` the directory an install lives in
    /// when its record has no `installPath` (`<stateDir>/extensions` or `<stateDir>/hooks`).
    func read(_ installs: ConfigNode?, defaultRoot: String, gaps: inout [InspectionGap]) -> [InstallRecord] {
        guard let entries = installs?.object?.entries else { return [] }
        return entries.map { id, node in
            var recorded = node["resolvedVersion"]
            if recorded == nil || recorded?.isNull == true { recorded = node["version"] }
            let installPath = node["installPath"].string.map { PathNormalization.resolve($0, cwd: cwd) }
                ?? PathNormalization.join(defaultRoot, id)
            var record = InstallRecord(
                id: id, node: node, source: node["source"].string, spec: node["spec"].string,
                integrity: node["integrity"].string,
                recordedVersion: recorded.flatMap { $0.isTruthy ? $0 : nil },
                installPath: installPath, installedVersion: nil)
            if record.isNPM, record.recordedVersion != nil {
                record.installedVersion = installedVersion(at: installPath, gaps: &gaps)
            }
            return record
        }
    }

    private func installedVersion(at directory: String, gaps: inout [InspectionGap]) -> String? {
        let manifest = PathNormalization.join(directory, "package.json")
        switch fileSystem.readFile(manifest, limit: Self.maxPackageJSONBytes) {
        case .failure(let error):
            if !error.isNotFound { gaps.append(InspectionGap(path: manifest, reason: error.message)) }
            return nil
        case .success(let bytes):
            guard let parsed = try? JSON5.parse(bytes: bytes, file: manifest) else {
                gaps.append(InspectionGap(path: manifest, reason: "not valid JSON; installed version unknown"))
                return nil
            }
            return parsed[key: "version"]?.asString
        }
    }
}
