/// The audit's session transcripts grouped by their `sessions/` folder, in the order the
/// audit found them: `--fix` takes each configured agent's folder in roster order, then
/// what is left (agent folders the config does not list).
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

    /// The file names in `folder`, which are then no longer `remaining`.
    mutating func take(_ folder: String) -> [String] {
        names.removeValue(forKey: folder) ?? []
    }

    var remaining: [(folder: String, names: [String])] {
        order.compactMap { folder in names[folder].map { (folder, $0) } }
    }
}
