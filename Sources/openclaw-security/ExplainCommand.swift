import ArgumentParser
import SecurityAudit

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
        throw ValidationError("Unknown check id \"\(id)\".\(hint) List every id with: openclaw-security checks")
    }

    func run() throws {
        guard let entry = CheckCatalog.entry(for: id) else { throw ExitCode(AuditExitStatus.usage.rawValue) }
        StandardStreams.output(json ? CheckReference.json([entry], examples: true) : CheckReference.explain(entry, asked: id))
    }
}
