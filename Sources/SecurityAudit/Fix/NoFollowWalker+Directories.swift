extension NoFollowWalker {
    /// Names of the real folders (not links to folders) directly in the folder `name`
    /// of `parent`, sorted by their bytes; nil when that folder cannot be opened without
    /// following a link.
    static func listDirectories(named name: String, in parent: OwnedDescriptor) -> [String]? {
        guard case .success(let folder) = openDirectory(named: name, in: parent) else { return nil }
        return entryNames(of: folder, kind: .directory, where: { _ in true })
    }
}
