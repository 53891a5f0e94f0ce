#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tightens the mode of one target without following symbolic links: the target is
/// examined with `fstatat(AT_SYMLINK_NOFOLLOW)` in a folder reached by `NoFollowWalker`,
/// and changed through a descriptor of that very file (checked to be the same inode),
/// so a link swapped in between cannot redirect the chmod. In a dry run nothing changes
/// and a target that would change is reported as planned.
struct PermissionFixer {
    enum Requirement {
        case directory
        case file
    }

    let walker: NoFollowWalker
    let dryRun: Bool

    func fix(_ path: String, mode: UInt32, require: Requirement) -> SecurityFixAction {
        switch walker.locateParent(of: path) {
        case .parent(let parent, let name):
            return fix(name, in: parent, path: path, mode: mode, require: require)
        case .skipped(let reason):
            return SecurityFixAction(path: path, mode: mode, status: .skipped(reason))
        case .failed(let message):
            return SecurityFixAction(path: path, mode: mode, status: .failed(message))
        }
    }

    func fix(_ name: String, in parent: OwnedDescriptor, path: String, mode: UInt32, require: Requirement) -> SecurityFixAction {
        func action(_ status: SecurityFixAction.Status) -> SecurityFixAction {
            SecurityFixAction(path: path, mode: mode, status: status)
        }
        var info = stat()
        guard fstatat(parent.fd, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return action(.skipped(.missing)) }
            return action(.failed(SystemError.message(code)))
        }
        switch (FileKind(info), require) {
        case (.symlink, _): return action(.skipped(.symlink))
        case (.directory, .directory), (.regular, .file): break
        case (_, .directory): return action(.skipped(.notADirectory))
        case (_, .file): return action(.skipped(.notAFile))
        }
        if UInt32(info.st_mode) & 0o777 == mode { return action(.skipped(.already)) }
        // The mode belongs to the inode: a second name (a file outside the state dir
        // linked into credentials/) would be changed with it.
        if FileKind(info) == .regular, info.st_nlink > 1 { return action(.skipped(.hardlink)) }
        if dryRun { return action(.planned) }
        return action(Self.changeMode(name, in: parent.fd, to: mode, expected: info))
    }

    #if os(Linux)
    /// Linux cannot chmod a name without following a link (`fchmodat` ignores
    /// `AT_SYMLINK_NOFOLLOW`), so the file is opened with `O_PATH | O_NOFOLLOW`, which
    /// needs no read permission and never follows, and changed through /proc's handle to
    /// that descriptor. Without /proc, a read-only `O_NOFOLLOW` descriptor does.
    static func changeMode(_ name: String, in folder: Int32, to mode: UInt32, expected: stat) -> SecurityFixAction.Status {
        let fd = openat(folder, name, openPathFlag | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return status(forOpenError: errno) }
        let handle = OwnedDescriptor(fd)
        if let mismatch = verify(handle, expected: expected) { return mismatch }
        if chmod("/proc/self/fd/\(handle.fd)", mode_t(mode)) == 0 { return .applied }
        let code = errno
        guard code == ENOENT else { return .failed(SystemError.message(code)) }
        let readable = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard readable >= 0 else { return status(forOpenError: errno) }
        let file = OwnedDescriptor(readable)
        if let mismatch = verify(file, expected: expected) { return mismatch }
        return fchmod(file.fd, mode_t(mode)) == 0 ? .applied : .failed(SystemError.message(errno))
    }
    #else
    static func changeMode(_ name: String, in folder: Int32, to mode: UInt32, expected: stat) -> SecurityFixAction.Status {
        if fchmodat(folder, name, mode_t(mode), AT_SYMLINK_NOFOLLOW) == 0 { return .applied }
        return status(forOpenError: errno)
    }
    #endif

    /// The descriptor must name the file that was examined, and not a link.
    static func verify(_ handle: OwnedDescriptor, expected: stat) -> SecurityFixAction.Status? {
        var opened = stat()
        guard fstat(handle.fd, &opened) == 0 else { return .failed(SystemError.message(errno)) }
        if FileKind(opened) == .symlink { return .skipped(.symlink) }
        if FileKind(opened) == .regular, opened.st_nlink > 1 { return .skipped(.hardlink) }
        guard opened.st_dev == expected.st_dev, opened.st_ino == expected.st_ino else {
            return .failed("replaced by another file while being fixed; not changed")
        }
        return nil
    }

    static func status(forOpenError code: Int32) -> SecurityFixAction.Status {
        switch code {
        case ENOENT, ENOTDIR: return .skipped(.missing)
        case ELOOP: return .skipped(.symlink)
        default: return .failed(SystemError.message(code))
        }
    }
}
