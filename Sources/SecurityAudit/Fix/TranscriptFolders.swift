/// The audit's session transcripts grouped by their `sessions/` folder, in the order the
/// audit found them (names sorted by their bytes within a folder): `--fix` takes the
/// configured agents' folders, then what is left (agent folders the config does not list).
struct TranscriptFolders {
    private var order: [String] = []
    private var names: [String: [String]] = [:]

    init(_ transcripts: [String]) {
        for path in transcripts {
            let folder = PathNormalization.dirname(path)
            let name = PathNormalization.basename(path)
            if names[folder] == nil { order.append(folder) }
            names[folder, default: []].append(name)
        }
    }

    /// The file names in `folder` that pass `include`, which are then no longer `remaining`.
    mutating func take(_ folder: String, where include: (String) -> Bool = { _ in true }) -> [String] {
        guard let all = names[folder] else { return [] }
        let taken = all.filter(include)
        let left = all.filter { !include($0) }
        names[folder] = left.isEmpty ? nil : left
        return taken
    }

    var remaining: [(folder: String, names: [String])] {
        order.compactMap { folder in names[folder].map { (folder, $0) } }
    }
}
