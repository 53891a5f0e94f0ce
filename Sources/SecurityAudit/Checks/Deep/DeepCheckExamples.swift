extension CheckExample {
    /// An example whose files are plain text files, written as `path: content` pairs
    /// (the deep examples are source trees, where that reads best).
    init(
        _ config: String, environment: [String: String] = [:], severity: Severity? = nil,
        files: KeyValuePairs<String, String>, deep: Bool = false, release: String? = nil
    ) {
        self.init(
            config, environment: environment, severity: severity,
            files: files.map { FileFixture.file($0.key, $0.value, mode: 0o644) }, deep: deep, release: release)
    }
}
