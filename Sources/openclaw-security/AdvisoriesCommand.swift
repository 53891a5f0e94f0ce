import ArgumentParser
import SecurityAudit

/// `openclaw-security advisories`: the advisory data the audit uses, all of it or what
/// affects one release. The logic is the library's `AdvisoryListing`.
struct AdvisoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisories",
        abstract: "List OpenClaw's security advisories, or those that affect one release",
        discussion: """
            Reads the advisory snapshot bundled in this binary, or --advisories PATH: OSV \
            JSON (one record, a list, or {"vulns": [...]}), a folder of such files, or \
            OSV's per-ecosystem zip export (npm all.zip, as osv-scanner uses offline). \
            Only records for the npm packages openclaw, clawdbot and moltbot are kept; \
            withdrawn and duplicate advisories are dropped. Nothing is fetched.

            With --openclaw-version V, only the advisories whose published range covers \
            V (in OpenClaw's version order: 2026.2.19-beta.1 < 2026.2.19 < 2026.2.19-1), \
            and the lowest release that fixes all of them.

            Exit status: 0 listed; 3 --openclaw-version names a release that advisories \
            affect; 1 the advisory data cannot be read (the error names FILE:LINE:COL); \
            64 bad usage.
            """)

    @Flag(help: "Print one JSON document: the data's date and source, and every advisory with its ranges.")
    var json = false

    @Option(name: .customLong("openclaw-version"), help: ArgumentHelp(
        "Only the advisories that affect this OpenClaw release (e.g. 2026.2.19, 2026.2.19-1, 2026.3.1-beta.2).",
        valueName: "version"))
    var openclawVersion: String?

    @Option(help: ArgumentHelp(
        "Read advisories from this OSV JSON file, folder or OSV zip export instead of the bundled snapshot.",
        valueName: "path"))
    var advisories: String?

    func validate() throws {
        if let openclawVersion, OpenClawVersion(openclawVersion) == nil {
            throw ValidationError("--openclaw-version \"\(openclawVersion)\" is not an OpenClaw version (like 2026.2.19, 2026.2.19-1 or 2026.3.1-beta.2)")
        }
    }

    func run() throws {
        let database = try AdvisoryDataOption.load(advisories)
        let listing = AdvisoryListing(
            facts: AdvisoryFacts(database: database, today: AdvisoryFacts.currentDay()),
            version: openclawVersion.flatMap(OpenClawVersion.init))
        StandardStreams.output(json ? listing.json() : listing.text())
        if listing.releaseIsAffected { throw ExitCode(AuditExitStatus.findingsAtOrAbove.rawValue) }
    }
}

/// `--advisories PATH`, shared by `audit` and `advisories`: nil is the bundled snapshot;
/// data that cannot be read stops the command with exit 1 and the error on stderr.
enum AdvisoryDataOption {
    static func load(_ path: String?) throws -> AdvisoryDatabase {
        guard let path else { return .bundled }
        do {
            return try AdvisoryLoader.load(path: path)
        } catch {
            StandardStreams.error("Advisory data invalid\n\(error.description)")
            throw ExitCode(AuditExitStatus.error.rawValue)
        }
    }
}
