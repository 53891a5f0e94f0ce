import JSON5

/// Reads OSV records (schema 1.x, as the GitHub Advisory Database exports them) and keeps
/// what concerns the OpenClaw lineage. A record is an object with `id`; a file may hold
/// one record, a list of them, or an object with a `vulns` list (the OSV API's answer).
enum OSVRecordReader {
    /// What one record turned out to be.
    enum Outcome: Sendable, Equatable {
        case advisory(Advisory)
        /// `withdrawn` is set: the advisory was retracted.
        case withdrawn(id: String)
        /// GitHub's "Duplicate Advisory" records, created when a CVE imported from
        /// elsewhere repeats an advisory that already has a GHSA.
        case duplicate(id: String)
        /// No `affected` entry names an npm package of the lineage.
        case otherPackage(id: String)
    }

    /// Every record of a parsed file.
    static func records(in root: JSON5Node, file: String) throws(AdvisoryDataError) -> [(outcome: Outcome, modified: String?)] {
        let list: [JSON5Node]
        if let elements = root.elements {
            list = elements
        } else if let vulns = root[key: "vulns"]?.elements, root[key: "id"] == nil {
            list = vulns
        } else if root.members != nil {
            list = [root]
        } else {
            throw AdvisoryDataError(file: file, position: root.range.start, message: "expected an OSV record (an object with \"id\") or a list of them, found \(root.value.typeName)")
        }
        var records: [(outcome: Outcome, modified: String?)] = []
        records.reserveCapacity(list.count)
        for node in list {
            records.append(try record(node, file: file))
        }
        return records
    }

    static func record(_ node: JSON5Node, file: String) throws(AdvisoryDataError) -> (outcome: Outcome, modified: String?) {
        func fail(_ at: JSON5Node, _ message: String) -> AdvisoryDataError {
            AdvisoryDataError(file: file, position: at.range.start, message: message)
        }
        guard node.members != nil else { throw fail(node, "expected an OSV record (an object), found \(node.value.typeName)") }
        guard let idNode = node[key: "id"], let id = idNode.asString?.trimmingWhitespace, !id.isEmpty else {
            throw fail(node, "OSV record without a string \"id\"")
        }
        let modified = day(node[key: "modified"]?.asString)
        if let withdrawn = node[key: "withdrawn"], !withdrawn.isNull {
            return (.withdrawn(id: id), modified)
        }
        let summary = oneLine(node[key: "summary"]?.asString ?? node[key: "details"]?.asString ?? "")
        if summary.lowercased().hasPrefix("duplicate advisory") {
            return (.duplicate(id: id), modified)
        }

        var affected: [AffectedPackage] = []
        for entry in node[key: "affected"]?.elements ?? [] {
            let package = entry[key: "package"]
            let name = package?[key: "name"]?.asString
            guard ReleaseLineage.contains(ecosystem: package?[key: "ecosystem"]?.asString, name: name), let name else { continue }
            var ranges: [AffectedRange] = []
            for rangeNode in entry[key: "ranges"]?.elements ?? [] {
                let type = rangeNode[key: "type"]?.asString
                // npm versions are SEMVER; ECOSYSTEM ranges of npm use the same strings.
                // GIT ranges name commits, which no installed release is matched by.
                guard type == "SEMVER" || type == "ECOSYSTEM" else { continue }
                let eventNodes = rangeNode[key: "events"]?.elements ?? []
                var events: [(kind: AffectedRangeBuilder.EventKind, version: String)] = []
                var eventNodeOfIndex: [JSON5Node] = []
                for eventNode in eventNodes {
                    guard let member = eventNode.members?.first, eventNode.members?.count == 1,
                          let kind = AffectedRangeBuilder.EventKind(rawValue: member.key)
                    else { throw fail(eventNode, "an OSV event is an object with one of introduced, fixed, last_affected, limit") }
                    guard let version = member.value.asString else {
                        throw fail(member.value, "\(member.key) must be a string, found \(member.value.value.typeName)")
                    }
                    events.append((kind, version))
                    eventNodeOfIndex.append(member.value)
                }
                do {
                    ranges += try AffectedRangeBuilder.ranges(events)
                } catch {
                    throw fail(eventNodeOfIndex[error.index], "\(error.message) (advisory \(id), package \(name))")
                }
            }
            var versions: [OpenClawVersion] = []
            for versionNode in entry[key: "versions"]?.elements ?? [] {
                guard let text = versionNode.asString, let version = OpenClawVersion(text) else {
                    throw fail(versionNode, "\(versionNode.asString.map { "\"\($0)\"" } ?? versionNode.value.typeName) in versions is not a version this tool can order (advisory \(id))")
                }
                versions.append(version)
            }
            guard !ranges.isEmpty || !versions.isEmpty else { continue }
            affected.append(AffectedPackage(name: name, ranges: ranges, versions: versions))
        }
        guard !affected.isEmpty else { return (.otherPackage(id: id), modified) }

        let aliases = (node[key: "aliases"]?.elements ?? []).compactMap { $0.asString?.trimmingWhitespace }.filter { !$0.isEmpty }
        let cvss = (node[key: "severity"]?.elements ?? []).lazy
            .filter { ($0[key: "type"]?.asString ?? "").hasPrefix("CVSS") }
            .compactMap { $0[key: "score"]?.asString }
            .first
        let advisory = Advisory(
            id: id,
            aliases: aliases.filter { $0.hasPrefix("CVE-") } + aliases.filter { !$0.hasPrefix("CVE-") },
            summary: summary.isEmpty ? "(no summary)" : summary,
            severity: AdvisorySeverity(label: node[key: "database_specific"]?[key: "severity"]?.asString),
            cvssVector: cvss,
            published: day(node[key: "published"]?.asString),
            modified: modified,
            affected: affected)
        return (.advisory(advisory), modified)
    }

    /// `YYYY-MM-DD` of an RFC 3339 time stamp; nil when it does not start with a date.
    static func day(_ timestamp: String?) -> String? {
        guard let timestamp else { return nil }
        let prefix = String(timestamp.trimmingWhitespace.prefix(10))
        let bytes = Array(prefix.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D,
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) })
        else { return nil }
        return prefix
    }

    /// Runs of whitespace (newlines included) as one space, at most 200 characters.
    static func oneLine(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        let joined = words.joined(separator: " ")
        return joined.count > 200 ? String(joined.prefix(199)) + "…" : joined
    }
}
