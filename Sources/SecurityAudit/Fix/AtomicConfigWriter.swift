#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a config file was not replaced. The file itself is untouched in every case.
enum ConfigWriteError: Error, Equatable, CustomStringConvertible {
    /// The file no longer holds the bytes the plan was made from: another process wrote it.
    case changedOnDisk(path: String)
    case symlink(path: String)
    case failed(path: String, FileOperationError)
    case refused(path: String, String)

    var description: String {
        switch self {
        case .changedOnDisk(let path):
            return "\(path) changed on disk after it was read; not overwritten (run the fix again)"
        case .symlink(let path):
            return "\(path) is, or is inside, a symbolic link; not replaced (edit the real file, or point --config at it)"
        case .failed(let path, let error):
            return "\(path): \(error)"
        case .refused(let path, let message):
            return "\(path): \(message)"
        }
    }
}

/// Replaces config files so that a reader, a crash or a failure at any step sees either
/// the old file or the new one, never a mix: the new text goes to a temporary file in
/// the same folder (same permission bits as the file it replaces), is synced, and is
/// renamed over the file; the folder is synced after. The previous text is kept as
/// `<name>.bak` (mode 0600), older backups rotate to `.bak.1` ... `.bak.4` as the
/// original does.
///
/// Writing is two-phase so that several files (the config and its includes) are all
/// prepared before any is replaced: `stage` does everything that can fail for lack of
/// space or permission, `commit` only renames.
struct AtomicConfigWriter {
    static let backupCount = 5

    let operations: any FixFileOperations

    struct Staged {
        var rewrite: ConfigFileRewrite
        var folder: OwnedDescriptor
        var name: String
        /// The replaced file's permission bits and owner, which the new file keeps.
        var original: FileContents
        var temporaryName: String
        var backupTemporaryName: String
    }

    func stage(_ rewrite: ConfigFileRewrite, in folder: OwnedDescriptor) throws(ConfigWriteError) -> Staged {
        let name = PathNormalization.basename(rewrite.path)
        let original = try currentFile(of: rewrite, name: name, in: folder)
        let tag = "\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        let staged = Staged(
            rewrite: rewrite, folder: folder, name: name, original: original,
            temporaryName: "\(name).\(tag).tmp", backupTemporaryName: "\(name).bak.\(tag).tmp")
        do {
            try writeNewFile(staged.temporaryName, rewrite.after, mode: original.mode & 0o777, like: original, in: folder)
            try writeNewFile(staged.backupTemporaryName, rewrite.before, mode: 0o600, like: original, in: folder)
        } catch {
            discard(staged)
            throw .failed(path: rewrite.path, error)
        }
        return staged
    }

    /// Replaces the file, then keeps the old text as `.bak`. The backups rotate only once
    /// the new file is in place: a file that cannot be replaced (immutable, or taken by a
    /// concurrent writer) leaves `.bak` … `.bak.4` as they were. Throws only when the file
    /// was not replaced; a backup that could not be kept after the replacement is the
    /// returned message.
    func commit(_ staged: Staged) throws(ConfigWriteError) -> String? {
        let folder = staged.folder.fd
        let path = staged.rewrite.path
        do {
            // The last look before the file is replaced: a writer that came in meanwhile
            // wins, and its text is not lost.
            _ = try currentFile(of: staged.rewrite, name: staged.name, in: staged.folder)
            try operations.rename(in: folder, staged.temporaryName, to: staged.name)
        } catch let error as ConfigWriteError {
            discard(staged)
            throw error
        } catch let error as FileOperationError {
            discard(staged)
            throw .failed(path: path, error)
        } catch {
            discard(staged)
            throw .failed(path: path, FileOperationError(operation: "write", name: staged.name, code: EIO))
        }
        do throws(FileOperationError) {
            try rotateBackups(of: staged.name, in: folder)
            try operations.rename(in: folder, staged.backupTemporaryName, to: staged.name + ".bak")
            return nil
        } catch {
            discard(staged)
            return "\(path) was replaced, but its previous text could not be kept as \(staged.name).bak: \(error)"
        }
    }

    /// Makes the rename durable. A failure here leaves the new file in place, perhaps not
    /// yet on disk, which the caller reports without undoing anything.
    func syncFolder(of staged: Staged) throws(FileOperationError) {
        try operations.sync(staged.folder.fd, name: PathNormalization.dirname(staged.rewrite.path))
    }

    /// Removes whatever temporary files a staged write left.
    func discard(_ staged: Staged) {
        for name in [staged.temporaryName, staged.backupTemporaryName] {
            try? operations.remove(in: staged.folder.fd, name)
        }
    }

    /// The file as it is now, after checking it still holds `rewrite.before`.
    private func currentFile(of rewrite: ConfigFileRewrite, name: String, in folder: OwnedDescriptor) throws(ConfigWriteError) -> FileContents {
        let current: FileContents
        do {
            current = try operations.readFile(in: folder.fd, name, limit: ConfigLoader.maxConfigFileBytes)
        } catch {
            if error.code == ELOOP { throw .symlink(path: rewrite.path) }
            if error.code == ENOENT { throw .changedOnDisk(path: rewrite.path) }
            throw .failed(path: rewrite.path, error)
        }
        guard current.bytes == rewrite.before else { throw .changedOnDisk(path: rewrite.path) }
        return current
    }

    private func writeNewFile(_ name: String, _ bytes: [UInt8], mode: UInt32, like original: FileContents, in folder: OwnedDescriptor) throws(FileOperationError) {
        let fd = try operations.createFile(in: folder.fd, name, mode: 0o600)
        defer { operations.close(fd) }
        try operations.write(fd, bytes, name: name)
        // Run as root on a user's state dir, the file must stay the user's. Best effort:
        // a user who may not give the file its group still gets the fix.
        try? operations.setOwner(fd, owner: original.owner, group: original.group, name: name)
        // The creation mode passed the umask; set the exact bits.
        try operations.setMode(fd, mode, name: name)
        try operations.sync(fd, name: name)
    }

    /// `.bak.3` -> `.bak.4`, ..., `.bak` -> `.bak.1`, after dropping the oldest; the
    /// rotated backups are tightened to 0600 on the way, as they hold the config's secrets.
    private func rotateBackups(of name: String, in folder: Int32) throws(FileOperationError) {
        let base = name + ".bak"
        func numbered(_ index: Int) -> String { index == 0 ? base : "\(base).\(index)" }
        do {
            try operations.remove(in: folder, numbered(Self.backupCount - 1))
        } catch where error.code == ENOENT {}
        for index in stride(from: Self.backupCount - 2, through: 0, by: -1) {
            do {
                try operations.rename(in: folder, numbered(index), to: numbered(index + 1))
            } catch where error.code == ENOENT {
                continue
            }
            try? operations.setMode(in: folder, numbered(index + 1), 0o600)
        }
    }
}
