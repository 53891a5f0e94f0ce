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
    }

    enum FileResult: Sendable {
        case pending
        case skipped
        case scanned([CodeSafetyHit])
        case failed(String)
    }

    static func scanPlugins(stateDir: String) -> (facts: PluginCodeScanFacts, targets: [Target]) {
        let extensionsDir = PathNormalization.join(stateDir, "extensions")
        var facts = PluginCodeScanFacts(extensionsDir: extensionsDir)
        guard (try? DirectoryListing.statKind(extensionsDir)) == .directory else { return (facts, []) }
        let entries: [DirectoryListing.Entry]
        do {
            entries = try DirectoryListing.list(extensionsDir)
        } catch {
            facts.listingError = error.description
            return (facts, [])
        }
        var targets: [Target] = []
        for entry in entries where entry.kind == .directory {
            let path = PathNormalization.join(extensionsDir, entry.name)
            let manifest = readManifestEntries(pluginPath: path)
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
                escapingEntries: escaping, outcome: .failed("not scanned")))
            targets.append(Target(root: path, forcedEntries: forced))
        }
        return (facts, targets)
    }

    /// `openclaw.extensions` of `package.json`: trimmed non-empty strings. A missing or
    /// empty manifest has no entries; one that is not JSON is reported and also has none.
    static func readManifestEntries(pluginPath: String) -> (entries: [String], error: String?) {
        let manifestPath = PathNormalization.join(pluginPath, "package.json")
        let raw = (try? BoundedFileReader.read(manifestPath, limit: 4 * 1024 * 1024))
            .map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard !raw.trimmingWhitespace.isEmpty else { return ([], nil) }
        let manifest: JSONValue
        do {
            manifest = try StrictJSON.parse(raw)
        } catch {
            return ([], "Error: Failed to parse plugin manifest at \(manifestPath): \(error)")
        }
        let entries = manifest["openclaw"]?["extensions"]?.arrayValue?.compactMap { entry -> String? in
            guard let text = entry.stringValue?.trimmingWhitespace, !text.isEmpty else { return nil }
            return text
        } ?? []
        return (entries, nil)
    }

    /// An entry under a hidden directory or `node_modules` (`extensionUsesSkippedScannerPath`).
    static func usesSkippedScannerPath(_ entry: String) -> Bool {
        entry.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains { segment in
            segment == "node_modules" || (segment.hasPrefix(".") && segment != "." && segment != "..")
        }
    }

    /// Collects and scans every target; one outcome per target, in target order.
    static func scan(
        _ targets: [Target], deadline: NIODeadline, timeoutMilliseconds: Int, progress: Progress? = nil
    ) -> (outcomes: [CodeScanOutcome], files: [[String]]) {
        // Listing is I/O-bound and per target; do it in parallel too.
        let listings = NIOLockedValueBox([Result<[String], DirectoryListing.SystemError>?](repeating: nil, count: targets.count))
        DispatchQueue.concurrentPerform(iterations: targets.count) { index in
            let target = targets[index]
            let result = Result { () throws(DirectoryListing.SystemError) in
                try ScanFileCollector.collect(root: target.root, forcedEntries: target.forcedEntries)
            }
            listings.withLockedValue { $0[index] = result }
        }
        let fileLists = listings.withLockedValue { $0 }
        let jobs: [String] = fileLists.flatMap { listing -> [String] in
            if case .success(let files)? = listing { return files }
            return []
        }
        let total = jobs.count
        progress?(0, total)
        let results = NIOLockedValueBox((done: 0, files: [FileResult](repeating: .pending, count: total)))
        DispatchQueue.concurrentPerform(iterations: total) { index in
            guard NIODeadline.now() < deadline else { return }
            let result = scanFile(jobs[index])
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
                outcomes.append(.failed(error.description))
                files.append([])
            case .success(let paths)?:
                files.append(paths)
                var scanned = 0
                var hits: [CodeScanSummary.LocatedHit] = []
                var failure: String?
                var pending = 0
                for path in paths {
                    defer { jobIndex += 1 }
                    switch fileResults[jobIndex] {
                    case .pending: pending += 1
                    case .skipped: break
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
                    outcomes.append(.scanned(CodeScanSummary(scannedFiles: scanned, hits: hits)))
                }
            case nil:
                outcomes.append(.failed("Error: not scanned"))
                files.append([])
            }
        }
        return (outcomes, files)
    }

    /// Reads one file (regular, at most 1 MiB; anything else is skipped, as the
    /// original skips it) and applies every rule.
    static func scanFile(_ path: String) -> FileResult {
        do {
            let bytes = try BoundedFileReader.read(path, limit: ScanFileCollector.maxFileBytes)
            return .scanned(SourceScanner.scan(bytes))
        } catch {
            switch error {
            case .missing, .notRegularFile, .tooLarge, .hardLinked, .outside:
                return .skipped
            case .system(let code, let operation):
                return .failed(DirectoryListing.SystemError(code: code, syscall: operation, path: path).description)
            }
        }
    }

    /// The SKILL.md parameter lines and outbound calls of one scanned skill.
    static func sensitiveNetworkEvidence(skillDirectory: String, files: [String]) -> SensitiveNetworkEvidence? {
        let markdownPath = PathNormalization.join(skillDirectory, "SKILL.md")
        guard let bytes = try? BoundedFileReader.read(markdownPath, limit: SkillMarkdownAnalysis.maxMarkdownBytes) else {
            return nil
        }
        let sensitive = SkillMarkdownAnalysis.sensitiveParameterLines(String(decoding: bytes, as: UTF8.self))
        guard !sensitive.isEmpty else { return nil }
        var network: [SensitiveNetworkEvidence.Line] = []
        for file in files {
            guard let source = try? BoundedFileReader.read(file, limit: ScanFileCollector.maxFileBytes),
                  let send = SkillMarkdownAnalysis.firstNetworkSend(in: source) else { continue }
            network.append(.init(
                path: ScanFileCollector.displayPath(file, root: skillDirectory), line: send.line, text: send.text))
            if network.count >= SkillMarkdownAnalysis.maxLines { break }
        }
        guard !network.isEmpty else { return nil }
        return SensitiveNetworkEvidence(sensitiveLines: sensitive, networkLines: network)
    }
}
