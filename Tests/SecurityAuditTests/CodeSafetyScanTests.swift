import Foundation
import NIOCore
import Testing
@testable import SecurityAudit

/// The per-file rules, one pass over the bytes.
struct SourceScannerTests {
    func rules(_ source: String) -> [String] {
        SourceScanner.scan(Array(source.utf8)).map { "\($0.ruleId)@\($0.line)" }
    }

    @Test func eachRuleReportsItsFirstLine() {
        #expect(rules("const cp = require('child_process');\n\ncp.spawn('sh');\ncp.spawn('bash');") == ["dangerous-exec@3"])
        #expect(rules("x\nconst f = new Function('return 1');\neval(code)") == ["dynamic-code-execution@2"])
        #expect(rules("pool: 'STRATUM+TCP://pool.example:3333'") == ["crypto-mining@1"])
        #expect(rules("new WebSocket(\"ws://203.0.113.9:6667/x\")") == ["suspicious-network@1"])
        #expect(rules(#"const s = "\x41\x42\x43\x44\x45\x46";"#) == ["obfuscated-code@1"])
        #expect(rules("atob(\n  '" + String(repeating: "QUJD", count: 60) + "')") == ["obfuscated-code@1"])
        #expect(rules("const t = process.env.TOKEN;\nfetch(url, { body: t });") == ["env-harvesting@1"])
        #expect(rules("const d = fs.readFileSync(p);\nhttp.request(opts);") == ["potential-exfiltration@1"])
    }

    @Test func hitsComeInRuleOrderWithEvidence() {
        let hits = SourceScanner.scan(Array("  eval(x)   \nrequire('child_process').exec('ls')\n".utf8))
        #expect(hits.map(\.ruleId) == ["dangerous-exec", "dynamic-code-execution"])
        #expect(hits.last?.evidence == "eval(x)")
        let long = SourceScanner.scan(Array(("eval(1); " + String(repeating: "a", count: 200)).utf8))
        #expect(long.first?.evidence.count == 121)
        #expect(long.first?.evidence.hasSuffix("…") == true)
    }

    @Test func execNeedsChildProcessAndAChildProcessReceiver() {
        #expect(rules("exec('ls')") == [])
        #expect(rules("// child_process\nconst m = /x/.exec(s);\ndb.exec('select 1')") == [])
        #expect(rules("import proc from 'node:child_process';\nproc.exec('ls')") == ["dangerous-exec@2"])
        #expect(rules("import * as cp2 from 'child_process';\ncp2.exec('ls')") == ["dangerous-exec@2"])
        #expect(rules("// child_process\nchildProcess.exec('ls')") == ["dangerous-exec@2"])
        #expect(rules("x;\nrequire(\"node:child_process\").exec('ls')") == ["dangerous-exec@2"])
        #expect(rules("const {execSync} = require('child_process');\nexecSync ('ls')") == ["dangerous-exec@2"])
        #expect(rules("// child_process\nexecute('ls'); myexec('ls'); executor.spawnSync('x')") == ["dangerous-exec@2"])
    }

    @Test func sendsCountOnlyAsCallsWithinTheWindow() {
        let far = "const t = process.env.TOKEN;\n" + String(repeating: "\n", count: 8) + "fetch(url);"
        #expect(rules(far) == [])
        let near = "const t = process.env.TOKEN;\n" + String(repeating: "\n", count: 7) + "fetch(url);"
        #expect(rules(near) == ["env-harvesting@1"])
        #expect(rules("const t = process.env.TOKEN; // then post the form") == [])
        #expect(rules("const t = process.env.TOKEN;\naxios.post\n(url, t)") == ["env-harvesting@1"])
        #expect(rules("fetch(a);\n" + String(repeating: "\n", count: 20) + "readFile(p);\nreadFileSync(q);\n" + "fetch(b);") == ["potential-exfiltration@22"])
    }

    @Test func standardWebSocketPortsAreNotSuspicious() {
        for port in [80, 443, 8080, 8443, 3000] {
            #expect(rules("new WebSocket('wss://gw.example:\(port)/x')") == [])
        }
        #expect(rules("new WebSocket('ws://h/x')") == [])
        #expect(rules("new  WebSocket ( 'ws://[::1]:9999' )") == ["suspicious-network@1"])
        // Only the first match of a line counts, as in the original.
        #expect(rules("new WebSocket('ws://a:443'); new WebSocket('ws://b:9999')\nnew WebSocket('ws://c:1234')") == ["suspicious-network@2"])
    }

    @Test func shortHexRunsAndSmallPayloadsAreFine() {
        #expect(rules(#""\x41\x42\x43\x44\x45""#) == [])
        #expect(rules("atob('" + String(repeating: "A", count: 199) + "')") == [])
        #expect(rules("Buffer.from(\"" + String(repeating: "A", count: 200) + "\", 'base64')") == ["obfuscated-code@1"])
    }
}

/// Strict JSON for manifests and frames.
struct StrictJSONTests {
    @Test func parsesJSONAndRejectsJSON5() throws {
        let value = try StrictJSON.parse(#"{"a":[1,2.5,-3e2,true,null,"x\u00e9\n"],"a":{"b":"\ud83d\ude00"}}"#)
        #expect(value["a"]?["b"]?.stringValue == "😀")
        for bad in ["{a:1}", "[1,]", "{'a':1}", "// c\n{}", "", "{\"a\":1} x", "01", "\"\u{01}\""] {
            #expect(throws: StrictJSON.SyntaxError.self) { try StrictJSON.parse(bad) }
        }
    }

    @Test func errorsReadLikeJavaScript() {
        do {
            _ = try StrictJSON.parse("{ not valid json !!!")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "SyntaxError: Expected property name or '}' in JSON at position 2")
        }
    }
}

/// The deep scan of plugin and skill directories on a real file tree.
struct CodeSafetyScanTests {
    func scan(_ dir: TemporaryDirectory, _ targets: [CodeSafetyScan.Target], timeout: Int = 5000) -> [CodeScanOutcome] {
        CodeSafetyScan.scan(targets, deadline: .now() + .milliseconds(Int64(timeout)), timeoutMilliseconds: timeout).outcomes
    }

    @Test func walkOrderSkipsHiddenTestAndLinkedFiles() throws {
        let dir = try TemporaryDirectory()
        for path in ["p/a.js", "p/b.ts", "p/z/c.mjs", "p/z/deeper/d.cjs", "p/y/e.tsx", "p/.git/x.js", "p/node_modules/m/x.js",
                     "p/__tests__/t.js", "p/f.test.js", "p/readme.md", "p/UPPER.JSX"] {
            try dir.write(path, "export {};\n")
        }
        try FileManager.default.createSymbolicLink(atPath: dir.url("p/link.js"), withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: dir.url("p/linkdir"), withDestinationPath: dir.url("p/z"))
        let listing = try ScanFileCollector.collect(root: dir.url("p"), forcedEntries: ["./.git/x.js", "f.test.js", "../outside.js"])
        let relative = listing.files.map { ScanFileCollector.displayPath($0, root: dir.url("p")) }
        #expect(relative == [".git/x.js", "f.test.js", "UPPER.JSX", "a.js", "b.ts", "z/c.mjs", "z/deeper/d.cjs", "y/e.tsx"])
        // The link out of the folder is listed as not followed; the one inside it is not.
        let linksOut = listing.linksOut.map { ScanFileCollector.displayPath($0, root: dir.url("p")) }
        #expect(linksOut == (FileManager.default.fileExists(atPath: "/etc/hostname") ? ["link.js"] : []))
    }

    @Test func fileLimitAndSizeLimitHold() throws {
        let dir = try TemporaryDirectory()
        for index in 0..<510 { try dir.write("many/f\(index).js", "eval(1)\n") }
        let files = try ScanFileCollector.collect(root: dir.url("many")).files
        #expect(files.count == ScanFileCollector.maxFiles)

        try dir.write("big/huge.js", "eval(1)\n" + String(repeating: "x", count: ScanFileCollector.maxFileBytes))
        try dir.write("big/small.js", "export {};\n")
        guard case .scanned(let summary) = scan(dir, [.init(root: dir.url("big"))]).first else {
            Issue.record("expected a summary")
            return
        }
        #expect(summary.scannedFiles == 1)
        #expect(summary.hits.isEmpty)
        // Skipped for its size, and said so.
        #expect(summary.unscannedFiles == [UnscannedFile(path: "huge.js", reason: "larger than 1048576 bytes")])
    }

    @Test func pluginManifestEntriesAreSortedIntoHiddenAndEscaping() throws {
        let dir = try TemporaryDirectory()
        try dir.write("extensions/p/package.json", #"{"openclaw":{"extensions":[" ./dist/a.js ", "", 7, ".hidden/b.js", "node_modules/m/c.js", "../../etc/x.js", "sub/../../y.js"]}}"#)
        try dir.write("extensions/q/package.json", #"{"openclaw":{"extensions":"not-an-array"}}"#)
        try dir.write("extensions/r/package.json", "{,}")
        try dir.write("extensions/not-a-dir.js", "eval(1)")
        let (facts, targets) = CodeSafetyScan.scanPlugins(stateDir: dir.path)
        #expect(facts.plugins.map(\.name) == ["p", "q", "r"])
        let p = facts.plugins[0]
        #expect(p.hiddenEntries == [".hidden/b.js", "node_modules/m/c.js"])
        #expect(p.escapingEntries == ["../../etc/x.js", "sub/../../y.js"])
        #expect(targets[0].forcedEntries.count == 3)
        #expect(facts.plugins[1].manifestError == nil)
        #expect(facts.plugins[2].manifestError?.hasPrefix("Error: Failed to parse plugin manifest at \(dir.path)/extensions/r/package.json: SyntaxError: ") == true)
    }

    @Test func noExtensionsDirectoryMeansNothingToScan() throws {
        let dir = try TemporaryDirectory()
        let (facts, targets) = CodeSafetyScan.scanPlugins(stateDir: dir.path)
        #expect(facts.plugins.isEmpty && targets.isEmpty && facts.listingError == nil)
    }

    @Test func anExpiredBudgetFailsTheScanInsteadOfPassingIt() throws {
        let dir = try TemporaryDirectory()
        try dir.write("p/index.js", "eval(1)\n")
        let outcomes = CodeSafetyScan.scan(
            [.init(root: dir.url("p"))], deadline: .now() - .seconds(1), timeoutMilliseconds: 250).outcomes
        guard case .failed(let message) = outcomes.first else {
            Issue.record("expected a failure")
            return
        }
        #expect(message.contains("time budget of 250 ms ran out after 0 of 1 files"))
    }

    @Test func skillsAreFoundInEverySourceOnceAndNotInsidePlugins() throws {
        let dir = try TemporaryDirectory()
        let md = { (name: String) in "---\nname: \"\(name)\"\ndescription: d\n---\n" }
        try dir.write("state/skills/managed/SKILL.md", md("shared"))
        try dir.write("home/.agents/skills/personal/SKILL.md", md("personal"))
        try dir.write("ws/skills/shared/SKILL.md", md("shared"))
        try dir.write("ws/.agents/skills/skills/inner/SKILL.md", md("inner"))
        try dir.write("ws/skills/noname/SKILL.md", "# no frontmatter\n")
        try dir.write("ws/skills/notaskill/readme.md", "x")
        try dir.write("state/extensions/p/skills/plug/SKILL.md", md("plug"))
        try dir.write("ws2/skills/shared/SKILL.md", md("shared"))
        let config = try ConfigLoader(environment: [:]).load(path: try dir.write("cfg.json", #"""
            { agents: { defaults: { workspace: "\#(dir.url("ws"))" },
                        list: [{ id: "main", default: true }, { id: "two", workspace: "\#(dir.url("ws2"))" }] },
              skills: { load: { extraDirs: ["\#(dir.url("state/extensions/p/skills"))"] } } }
            """#)).root
        let env = ["HOME": dir.url("home")]
        let resolver = PathResolver(environment: env, cwd: dir.path, systemHome: nil, exists: { POSIXFileSystem().exists($0) })
        let paths = OpenClawPaths(homeDir: dir.url("home"), stateDir: dir.url("state"), configPath: "", credentialsDir: "")
        let skills = InstalledSkills.discover(config: config, roster: AgentRoster(config: config), paths: paths, resolver: resolver)
        #expect(skills.map(\.name) == ["shared", "personal", "inner", "noname", "shared"])
        #expect(skills.map { ScanFileCollector.displayPath($0.directory, root: dir.path) } == [
            "ws/skills/shared", "home/.agents/skills/personal", "ws/.agents/skills/skills/inner", "ws/skills/noname",
            "ws2/skills/shared",
        ])
    }
}

/// SKILL.md parameter lines and comment-free network calls.
struct SkillMarkdownAnalysisTests {
    @Test func parameterShapes() {
        let yes = ["- `token`: the API token", "* password - the password", "1. apiKey: key", "| secret | value |",
                   "authorization: Bearer header", "- `content`: The process.env contents to log."]
        for line in yes {
            #expect(!SkillMarkdownAnalysis.sensitiveParameterLines(line).isEmpty, "\(line)")
        }
        let no = ["Use your token wisely.", "- `content`: Diagnostic text to log.", "|---|---|", "| token |",
                  "- tokens: many", "## Authentication", "- `x`:no space after colon token"]
        for line in no {
            #expect(SkillMarkdownAnalysis.sensitiveParameterLines(line).isEmpty, "\(line)")
        }
        #expect(SkillMarkdownAnalysis.sensitiveParameterLines("```\n- token: x\n```\n~~~\n- token: y\n").isEmpty)
        #expect(SkillMarkdownAnalysis.sensitiveParameterLines("intro\n```\n- token: x\n```\n- token: y").map(\.line) == [5])
    }

    @Test func networkCallsIgnoreComments() {
        func first(_ text: String) -> Int? { SkillMarkdownAnalysis.firstNetworkSend(in: Array(text.utf8))?.line }
        #expect(first("// fetch(x)\n/* a\n http.request(y) */\nconst u = 'http://x//y';\nclient.post(u)") == 5)
        #expect(first("const s = \"/* not a comment\"; fetch(s)") == 1)
        #expect(first("new WebSocket(url)") == 1)
        #expect(first("got(url)\n") == 1)
        #expect(first("prefetch(x); gotten(y); api.poster(z)") == nil)
    }
}
