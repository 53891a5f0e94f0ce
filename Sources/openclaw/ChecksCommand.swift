import ArgumentParser
import SecurityAudit

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "List every check: id, severity, area, whether --fix changes it, title",
        discussion: """
            Generated from the same declarations the checks run from. Ids the original \
            reports that this build does not check yet are listed as not implemented. \
            Templated ids name their variable part in angle brackets \
            (channels.<id>.dm.open). Details and examples: openclaw security explain ID.
            """)

    @Flag(help: "Print the list as JSON ({version, checks: [...]}).")
    var json = false

    @Option(help: ArgumentHelp("Only the checks of this area (gateway, channels, filesystem, ...).", valueName: "area"))
    var area: String?

    func validate() throws {
        if let area, !CheckCatalog.entries.contains(where: { $0.area == area }) {
            let areas = Set(CheckCatalog.entries.map(\.area)).sorted().joined(separator: ", ")
            throw ValidationError("Unknown area \"\(area)\" (areas: \(areas))")
        }
    }

    func run() {
        let entries = CheckCatalog.entries.filter { area == nil || $0.area == area }
        StandardStreams.output(json ? CheckReference.json(entries) : CheckReference.table(entries))
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain one check: why it matters, what triggers it, how to fix it, examples")

    @Argument(
        help: ArgumentHelp(
            "A check id (gateway.bind_no_auth), or a concrete id of a templated check (channels.discord.dm.open).",
            valueName: "id"),
        completion: .list(CheckCatalog.entries.map(\.id)))
    var id: String

    @Flag(help: "Print the check's declaration, examples included, as JSON.")
    var json = false

    func validate() throws {
        guard CheckCatalog.entry(for: id) == nil else { return }
        let suggestions = CheckReference.suggestions(for: id, in: CheckCatalog.entries)
        let hint = suggestions.isEmpty ? "" : " Did you mean: \(suggestions.joined(separator: ", "))?"
        throw ValidationError("Unknown check id \"\(id)\".\(hint) List every id with: openclaw security checks")
    }

    func run() throws {
        guard let entry = CheckCatalog.entry(for: id) else { throw ExitCode(AuditExitStatus.usage.rawValue) }
        StandardStreams.output(json ? CheckReference.json([entry], examples: true) : CheckReference.explain(entry, asked: id))
    }
}
