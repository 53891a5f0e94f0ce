import Foundation
import Testing
@testable import SecurityAudit

/// Path resolution against real temporary homes.
struct PathResolverTests {
    func resolver(_ env: [String: String], cwd: String = "/work", systemHome: String? = "/home/fallback") -> PathResolver {
        PathResolver(environment: env, cwd: cwd, systemHome: systemHome, exists: { POSIXFileSystem().exists($0) })
    }

    @Test func defaultsToDotOpenclawUnderHome() throws {
        let home = try TemporaryDirectory()
        let paths = resolver(["HOME": home.path]).resolve()
        #expect(paths.stateDir == home.path + "/.openclaw")
        #expect(paths.configPath == home.path + "/.openclaw/openclaw.json")
        #expect(paths.credentialsDir == home.path + "/.openclaw/credentials")
    }

    @Test func openclawHomeWinsOverHomeAndExpandsTilde() {
        #expect(resolver(["HOME": "/h", "OPENCLAW_HOME": "/oc"]).homeDir() == "/oc")
        #expect(resolver(["HOME": "/h", "OPENCLAW_HOME": "~/alt"]).homeDir() == "/h/alt")
        #expect(resolver(["OPENCLAW_HOME": "~", "USERPROFILE": "/u"]).homeDir() == "/u")
        #expect(resolver(["HOME": "  "], systemHome: "/pw").homeDir() == "/pw")
        #expect(resolver([:], cwd: "/cwd", systemHome: nil).homeDir() == "/cwd")
        #expect(resolver(["OPENCLAW_HOME": "rel/dir"], cwd: "/base").homeDir() == "/base/rel/dir")
    }

    @Test func stateDirOverrideIsTrimmedExpandedAndResolved() {
        #expect(resolver(["HOME": "/h", "OPENCLAW_STATE_DIR": "  ~/state/../s2 "]).resolveStateDir() == "/h/s2")
        #expect(resolver(["HOME": "/h", "CLAWDBOT_STATE_DIR": "legacy"], cwd: "/c").resolveStateDir() == "/c/legacy")
        #expect(resolver(["HOME": "/h", "OPENCLAW_STATE_DIR": "/a", "CLAWDBOT_STATE_DIR": "/b"]).resolveStateDir() == "/a")
    }

    @Test func legacyStateDirIsUsedOnlyWhenNoNewOneExists() throws {
        let home = try TemporaryDirectory()
        try home.makeDirectory(".moltbot")
        try home.makeDirectory(".moldbot")
        #expect(resolver(["HOME": home.path]).resolveStateDir() == home.path + "/.moldbot")
        try home.makeDirectory(".clawdbot")
        #expect(resolver(["HOME": home.path]).resolveStateDir() == home.path + "/.clawdbot")
        try home.makeDirectory(".openclaw")
        #expect(resolver(["HOME": home.path]).resolveStateDir() == home.path + "/.openclaw")
    }

    @Test func legacyConfigFileNamesInTheStateDir() throws {
        let home = try TemporaryDirectory()
        try home.write(".openclaw/moltbot.json", "{}")
        try home.write(".openclaw/clawdbot.json", "{}")
        #expect(resolver(["HOME": home.path]).resolve().configPath == home.path + "/.openclaw/clawdbot.json")
        try home.write(".openclaw/openclaw.json", "{}")
        #expect(resolver(["HOME": home.path]).resolve().configPath == home.path + "/.openclaw/openclaw.json")
    }

    @Test func configPathOverrideAndStateDirOverride() throws {
        let home = try TemporaryDirectory()
        let r = resolver(["HOME": home.path, "OPENCLAW_CONFIG_PATH": "~/x/../cfg.json"])
        #expect(r.resolve().configPath == home.path + "/cfg.json")
        // With OPENCLAW_STATE_DIR set and nothing on disk, the canonical name is used.
        let s = resolver(["HOME": home.path, "OPENCLAW_STATE_DIR": home.path + "/custom"])
        #expect(s.resolve().configPath == home.path + "/custom/openclaw.json")
    }

    @Test func defaultStateDirScansLegacyConfigCandidates() throws {
        let home = try TemporaryDirectory()
        // No ~/.openclaw: the state dir defaults to it, and the config is found in a legacy dir.
        try home.write(".moltbot-notadir", "")
        try home.write(".clawdbot/moldbot.json", "{}")
        // ~/.clawdbot exists, so it is the state dir, and its moldbot.json the config.
        #expect(resolver(["HOME": home.path]).resolve().configPath == home.path + "/.clawdbot/moldbot.json")
        let other = try TemporaryDirectory()
        try other.write("elsewhere.json", "{}")
        let explicit = resolver(["HOME": other.path, "CLAWDBOT_CONFIG_PATH": other.path + "/elsewhere.json"])
        #expect(explicit.resolve().configPath == other.path + "/elsewhere.json")
    }

    @Test func credentialsDirOverride() {
        let r = resolver(["HOME": "/h", "OPENCLAW_OAUTH_DIR": "~/oauth"])
        #expect(r.resolve().credentialsDir == "/h/oauth")
    }

    @Test func profileFillsStateDirAndConfigUnlessSet() {
        var env: [String: String] = [:]
        CLIProfile.apply(profile: "work", to: &env, homeDir: "/h")
        #expect(env["OPENCLAW_PROFILE"] == "work")
        #expect(env["OPENCLAW_STATE_DIR"] == "/h/.openclaw-work")
        #expect(env["OPENCLAW_CONFIG_PATH"] == "/h/.openclaw-work/openclaw.json")
        #expect(env["OPENCLAW_GATEWAY_PORT"] == nil)

        var dev = ["OPENCLAW_STATE_DIR": "/explicit"]
        CLIProfile.apply(profile: "dev", to: &dev, homeDir: "/h")
        #expect(dev["OPENCLAW_STATE_DIR"] == "/explicit")
        #expect(dev["OPENCLAW_CONFIG_PATH"] == "/explicit/openclaw.json")
        #expect(dev["OPENCLAW_GATEWAY_PORT"] == "19001")

        var standard: [String: String] = [:]
        CLIProfile.apply(profile: "default", to: &standard, homeDir: "/h")
        #expect(standard["OPENCLAW_STATE_DIR"] == "/h/.openclaw")
    }

    @Test func profileNames() {
        #expect(CLIProfile.isValidName("work_1-a"))
        #expect(!CLIProfile.isValidName("-x"))
        #expect(!CLIProfile.isValidName("a/b"))
        #expect(!CLIProfile.isValidName(String(repeating: "a", count: 65)))
    }

    @Test func cliHintsNameTheProfile() {
        #expect(CLICommandFormatter.format("openclaw security audit --deep", profile: "work") == "openclaw --profile work security audit --deep")
        #expect(CLICommandFormatter.format("openclaw security audit --deep", profile: "default") == "openclaw security audit --deep")
        #expect(CLICommandFormatter.format("openclaw security audit --deep", profile: nil) == "openclaw security audit --deep")
    }

    @Test func pathNormalization() {
        #expect(PathNormalization.resolve("a/./b/../c//", cwd: "/x") == "/x/a/c")
        #expect(PathNormalization.resolve("/../..", cwd: "/x") == "/")
        #expect(PathNormalization.isInside("/a/b", root: "/a"))
        #expect(!PathNormalization.isInside("/ab", root: "/a"))
        #expect(PathNormalization.dirname("/a/b.json") == "/a")
    }
}
