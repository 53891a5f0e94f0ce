extension AuditContext {
    /// The context with the config read in the shape of the audited release. The
    /// preparation reads it in the shape of the release known then (flag, installed
    /// package, config stamp); the deep step can learn another one from the gateway or
    /// the state databases. The facts gathered stay: they were read for the agents of
    /// either shape (a roster is the same agents in both).
    func readingConfigInReleaseShape() -> AuditContext {
        let release = openclaw
        guard ConfigShape(release: release) != configFile.shape else { return self }
        var context = AuditContext(
            configFile: LegacyConfigMigration.applied(to: configFile, release: release), paths: paths, files: files,
            deep: deep, external: external, channelFacts: channelFacts)
        context.secrets = secrets
        context.releaseEvidence = releaseEvidence
        context.advisories = advisories
        context.deepFacts = deepFacts
        return context
    }
}
