#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes report and baseline files so that a reader never sees half of one: the text
/// goes to a temporary file beside the target, which then replaces the target in one
/// `rename`. node_exporter's textfile collector and CI artifact uploads both depend on
/// this. A target that is not a regular file (`/dev/stdout`, a FIFO) is written in place.
enum OutputFile {
    struct Failure: Error {
        var message: String
    }

    static func replace(_ path: String, with text: String) throws(Failure) {
        var info = stat()
        let exists = stat(path, &info) == 0
        if exists, (info.st_mode & S_IFMT) != S_IFREG {
            let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
            guard fd >= 0 else { throw failure("open") }
            defer { close(fd) }
            try writeAll(text, to: fd)
            return
        }

        // Beside the target, so the rename stays within one file system.
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = directory + ".\(name).\(getpid()).tmp"
        // Keep the mode of the file being replaced; new files get 0644 less the umask.
        let mode = exists ? info.st_mode & 0o7777 : 0o644
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw failure("open \(temporary)") }
        var problem: Failure?
        do throws(Failure) {
            try writeAll(text, to: fd)
            if exists, fchmod(fd, mode) != 0 { throw failure("chmod") }
            if fsync(fd) != 0 { throw failure("fsync") }
        } catch {
            problem = error
        }
        close(fd)
        if problem == nil, rename(temporary, path) != 0 { problem = failure("rename") }
        if let problem {
            unlink(temporary)
            throw problem
        }
    }

    private static func writeAll(_ text: String, to fd: Int32) throws(Failure) {
        guard StandardStreams.write(text, to: fd) else { throw failure("write") }
    }

    private static func failure(_ operation: String) -> Failure {
        Failure(message: "\(operation) failed: \(String(cString: strerror(errno)))")
    }
}
