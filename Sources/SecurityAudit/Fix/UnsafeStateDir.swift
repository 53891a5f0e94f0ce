#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// State dirs `--fix` refuses to change: a `chmod 700` of `/`, `/etc` or `/tmp` (an
/// `OPENCLAW_STATE_DIR` typo, or a hostile environment) would break the machine, of the
/// home folder would lock its owner's other tools out, and of a shared sticky folder
/// (mode 1777) would take it from every other user. Checked on the path as named and as
/// it resolves, so a link to `/etc` is `/etc`.
enum UnsafeStateDir {
    /// Top-level and well-known system folders (Linux FHS and macOS).
    static let systemDirectories: Set<String> = [
        "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32", "/lib64", "/libx32", "/media", "/mnt",
        "/opt", "/proc", "/run", "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/usr/bin", "/usr/lib",
        "/usr/local", "/usr/sbin", "/usr/share", "/var/lib", "/var/log", "/var/tmp", "/var/run", "/var/spool",
        "/private", "/private/etc", "/private/tmp", "/private/var", "/Applications", "/Library", "/System",
        "/Users", "/Volumes",
    ]

    /// Why `stateDir` must not be changed, or nil.
    static func refusal(stateDir: String, homeDirs: [String]) -> String? {
        let named = PathNormalization.normalize(stateDir)
        let forms = [named, BoundedFileReader.realpath(named)].compactMap { $0 }
        let homes = homeDirs.filter { !$0.isEmpty }.flatMap { [PathNormalization.normalize($0), BoundedFileReader.realpath($0)] }
            .compactMap { $0 }
        for form in forms {
            if form == "/" { return "it is /" }
            if systemDirectories.contains(form) { return "\(form) is a system directory" }
            if homes.contains(form) { return "it is the home directory itself" }
        }
        var info = stat()
        if stat(named, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR,
           info.st_mode & mode_t(S_ISVTX) != 0, info.st_mode & 0o002 != 0 {
            return "it is a shared sticky directory (mode \(String(info.st_mode & 0o7777, radix: 8)))"
        }
        return nil
    }
}
