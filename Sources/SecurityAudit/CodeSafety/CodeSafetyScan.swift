import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// The deep code-safety scan of installed plugins and skills: every
/// directory is listed first, then all their files are read and scanned in parallel,
/// each file once for all rules, until the deadline.
enum CodeSafetyScan {
    /// Files scanned so far out of those collected, for progress displays.
    typealias Progress = @Sendable (_ scanned: Int, _ total: Int) -> Void

    struct Target: Sendable {
        var root: String
        var forcedEntries: [String] = []
        /// Not listed nor read (the caller reports why).
        var skipped = false
    }

    enum FileResult: Sendable {
        case pending
        case skipped
        /// Not read, for the reason given (over the size limit, a link out of the folder).
        case notScanned(String)
        case scanned([CodeSafetyHit])
        case failed(String)
    }

    /// The cap on a plugin's `package.json`.
    static let maxManifestBytes = 4 * 1024 * 1024

    static func scanPlugins(
        stateDir: String, fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> (facts: PluginCodeScanFacts, targets: [Target]) {
        let extensionsDir = PathNormalization.join(stateDir, "extensions")
        var facts = PluginCodeScanFacts(extensionsDir: extensionsDir)
        guard (try? fileSystem.kindFollowingLinks(extensionsDir)) == .directory else { return (facts, []) }
        let entries: [DirectoryEntry]
        do {
            entries = try fileSystem.scanListing(extensionsDir)
        } catch {
            facts.listingError = error.nodeDescription
            return (facts, [])
        }
        var targets: [Target] = []
        for entry in entries where entry.kind == .directory {
            let path = PathNormalization.join(extensionsDir, entry.name)
            let manifest = readManifestEntries(pluginPath: path, fileSystem: fileSystem)
            var hidden: [String] = []
            var escaping: [String] = []
            var forced: [String] = []
            for raw in manifest.entries {
                let resolved = PathNormalization.resolve(raw, cwd: path)
                guard PathNormalization.isInside(resolved, root: path) else {
                    escaping.append(raw)
                    continue
                }
                if usesSkippedScannerPath(raw) { hidden.append(raw) }
                forced.append(resolved)
            }
            facts.plugins.append(PluginCodeScan(
                name: entry.name, path: path, manifestError: manifest.error, hiddenEntries: hidden,
                escapingEntries: escaping, outcome: .failed("not scanned"),
                unscannedFiles: manifest.unscanned.map { [$0] } ?? []))
            targets.append(Target(root: path, forcedEntries: forced))
        }
        return (facts, targets)
    }

    /// `openclaw.extensions` of `package.json`: trimmed non-empty strings. A missing or
    /// empty manifest has no entries; one that is not JSON is reported and also has none.
    /// One that is not read (over its cap, a link out of the plugin, unreadable) has none
    /// either, and is returned as unscanned: the entries it declares are unknown.
    static func readManifestEntries(
        pluginPath: String, fileSystem: any FileSystemAccess
    ) -> (entries: [String], error: String?, unscanned: UnscannedFile?) {
        let manifestPath = PathNormalization.join(pluginPath, "package.json")
        let raw: String
        let root = fileSystem.resolvedPath(pluginPath) ?? pluginPath
        switch fileSystem.readFile(manifestPath, limit: maxManifestBytes, options: ReadOptions(within: root)) {
        case .success(let bytes):
            raw = String(decoding: bytes, as: UTF8.self)
        case .failure(let error):
            if error.isNotFound { return ([], nil, nil) }
            return ([], nil, UnscannedFile(path: "package.json", reason: unscannedReason(error)))
        }
        guard !raw.trimmingWhitespace.isEmpty else { return ([], nil, nil) }
        let manifest: JSONValue
        do {
            manifest = try StrictJSON.parse(raw)
        } catch {
            return ([], "Error: Failed to parse plugin manifest at \(manifestPath): \(error)", nil)
        }
        let entries = manifest["openclaw"]?["extensions"]?.arrayValue?.compactMap { entry -> String? in
            guard let text = entry.stringValue?.trimmingWhitespace, !text.isEmpty else { return nil }
            return text
        } ?? []
        return (entries, nil, nil)
    }

    /// Why a file was not read, for the incomplete list.
    static func unscannedReason(_ failure: FileSystemError) -> String {
        switch failure.reason {
        case .tooLarge(let limit): return "larger than \(limit) bytes"
        case .outside(let path): return "a link out of the folder, to \(path)"
        default: return failure.readFailureMessage
        }
    }

    /// An entry under a hidden directory or `node_modules` (`extensionUsesSkippedScannerPath`).
    static func usesSkippedScannerPath(_ entry: String) -> Bool {
        entry.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains { segment in
            segment == "node_modules" || (segment.hasPrefix(".") && segment != "." && segment != "..")
        }
    }

    /// Collects and scans every target; one outcome per target, in target order.
    static func scan(
        _ targets: [Target], deadline: NIODeadline, timeoutMilliseconds: Int, progress: Progress? = nil,
        fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> (outcomes: [CodeScanOutcome], files: [[String]]) {
        // Listing is I/O-bound and per target; do it in parallel too.
        let listings = NIOLockedValueBox([Result<ScanFileCollector.Listing, FileSystemError>?](repeating: nil, count: targets.count))
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in
            let target = targets[index]
            guard !target.skipped else {
                listings.withLockedValue { $0[index] = .success(ScanFileCollector.Listing()) }
                return
            }
            let result = Result { () throws(FileSystemError) in
                try ScanFileCollector.collect(root: target.root, forcedEntries: target.forcedEntries, fileSystem: fileSystem)
            }
            listings.withLockedValue { $0[index] = result }
        }
        let fileLists = listings.withLockedValue { $0 }
        // Each file is read confined to the real path of its target's root.
        let realRoots = targets.map { fileSystem.resolvedPath($0.root) ?? $0.root }
        let jobs: [(path: String, root: String)] = fileLists.enumerated().flatMap { index, listing in
            guard case .success(let listed)? = listing else { return [(path: String, root: String)]() }
            return listed.files.map { (path: $0, root: realRoots[index]) }
        }
        let total = jobs.count
        progress?(0, total)
        let results = NIOLockedValueBox((done: 0, files: [FileResult](repeating: .pending, count: total)))
        DispatchQueue.concurrentPerform(iterations: total) { index in
            guard NIODeadline.now() < deadline else { return }
            let result = scanFile(jobs[index].path, within: jobs[index].root, fileSystem: fileSystem)
            results.withLockedValue { state in
                state.files[index] = result
                state.done += 1
                // Under the lock, so reports arrive in order and never interleave.
                if state.done % 64 == 0 || state.done == total { progress?(state.done, total) }
            }
        }
        let fileResults = results.withLockedValue { $0.files }

        var outcomes: [CodeScanOutcome] = []
        var files: [[String]] = []
        var jobIndex = 0
        for (index, listing) in fileLists.enumerated() {
            switch listing {
            case .failure(let error)?:
                outcomes.append(.failed(error.nodeDescription))
                files.append([])
            case .success(let listed)?:
                let paths = listed.files
                files.append(paths)
                var scanned = 0
                var hits: [CodeScanSummary.LocatedHit] = []
                var failure: String?
                var pending = 0
                let root = targets[index].root
                var unscanned = listed.linksOut.map {
                    UnscannedFile(path: ScanFileCollector.displayPath($0, root: root), reason: "a link out of the folder, not followed")
                }
                for path in paths {
                    defer { jobIndex += 1 }
                    switch fileResults[jobIndex] {
                    case .pending: pending += 1
                    case .skipped: break
                    case .notScanned(let reason):
                        unscanned.append(UnscannedFile(path: ScanFileCollector.displayPath(path, root: root), reason: reason))
                    case .failed(let message): if failure == nil { failure = message }
                    case .scanned(let fileHits):
                        scanned += 1
                        let display = ScanFileCollector.displayPath(path, root: targets[index].root)
                        hits.append(contentsOf: fileHits.map { .init(hit: $0, displayPath: display) })
                    }
                }
                if let failure {
                    outcomes.append(.failed(failure))
                } else if pending > 0 {
                    outcomes.append(.failed(
                        "Error: the deep audit time budget of \(timeoutMilliseconds) ms ran out after \(paths.count - pending) of \(paths.count) files"))
                } else {
                    outcomes.append(.scanned(CodeScanSummary(scannedFiles: scanned, hits: hits, unscannedFiles: unscanned)))
                }
            case nil:
                outcomes.append(.failed("Error: not scanned"))
                files.append([])
            }
        }
        return (outcomes, files)
    }

    /// Reads one file (regular, at most 1 MiB, inside `root`) and applies every rule. The
    /// original skips the others silently; they are listed as not scanned here.
    static func scanFile(_ path: String, within root: String, fileSystem: any FileSystemAccess) -> FileResult {
        switch fileSystem.readFile(path, limit: ScanFileCollector.maxFileBytes, options: ReadOptions(within: root)) {
        case .success(let bytes):
            return .scanned(SourceScanner.scan(bytes))
        case .failure(let error):
            switch error.reason {
            case .hardLinked:
                return .skipped
            case .notRegularFile, .tooLarge, .outside:
                return .notScanned(unscannedReason(error))
            case .system:
                if error.isNotFound { return .skipped }
                return .failed(error.nodeDescription)
            }
        }
    }

    /// The SKILL.md parameter lines and outbound calls of one scanned skill.
    static func sensitiveNetworkEvidence(
        skillDirectory: String, files: [String], fileSystem: any FileSystemAccess = POSIXFileSystem()
    ) -> SensitiveNetworkEvidence? {
        let markdownPath = PathNormalization.join(skillDirectory, "SKILL.md")
        let root = ReadOptions(within: fileSystem.resolvedPath(skillDirectory) ?? skillDirectory)
        guard let bytes = try? fileSystem.readFile(markdownPath, limit: SkillMarkdownAnalysis.maxMarkdownBytes, options: root).get() else {
            return nil
        }
        let sensitive = SkillMarkdownAnalysis.sensitiveParameterLines(String(decoding: bytes, as: UTF8.self))
        guard !sensitive.isEmpty else { return nil }
        var network: [SensitiveNetworkEvidence.Line] = []
        for file in files {
            guard let source = try? fileSystem.readFile(file, limit: ScanFileCollector.maxFileBytes, options: root).get(),
                  let send = SkillMarkdownAnalysis.firstNetworkSend(in: source) else { continue }
            network.append(.init(
                path: ScanFileCollector.displayPath(file, root: skillDirectory), line: send.line, text: send.text))
            if network.count >= SkillMarkdownAnalysis.maxLines { break }
        }
        guard !network.isEmpty else { return nil }
        return SensitiveNetworkEvidence(sensitiveLines: sensitive, networkLines: network)
    }
}
