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
            (channels.<id>.dm.open). Details and examples: openclaw-security explain ID.
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
