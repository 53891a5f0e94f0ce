/// Reads the lines of `BundledAdvisorySnapshot` (format: `scripts/build_advisory_snapshot.py`)
/// into advisories, through the same range reader as OSV input.
enum BundledAdvisoryDecoder {
    struct Malformed: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "bundled advisory snapshot, line \(line): \(message)" }
    }

    static let eventKinds: [Character: AffectedRangeBuilder.EventKind] = [
        "i": .introduced, "f": .fixed, "l": .lastAffected, "x": .limit,
    ]

    static func decode(_ text: String) throws(Malformed) -> [Advisory] {
        var advisories: [Advisory] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 8 else { throw Malformed(line: index + 1, message: "\(fields.count) fields, expected 8") }
            var affected: [AffectedPackage] = []
            for package in fields[6].split(separator: ";") {
                guard let colon = package.firstIndex(of: ":") else {
                    throw Malformed(line: index + 1, message: "package without ranges: \(package)")
                }
                var ranges: [AffectedRange] = []
                var versions: [OpenClawVersion] = []
                for range in package[package.index(after: colon)...].split(separator: "|") {
                    var events: [(kind: AffectedRangeBuilder.EventKind, version: String)] = []
                    for event in range.split(separator: ",") {
                        guard event.count > 2, event[event.index(after: event.startIndex)] == "=" else {
                            throw Malformed(line: index + 1, message: "malformed event \(event)")
                        }
                        let value = String(event.dropFirst(2))
                        if event.first == "v" {
                            guard let version = OpenClawVersion(value) else {
                                throw Malformed(line: index + 1, message: "not a version: \(value)")
                            }
                            versions.append(version)
                        } else if let first = event.first, let kind = eventKinds[first] {
                            events.append((kind, value))
                        } else {
                            throw Malformed(line: index + 1, message: "unknown event \(event)")
                        }
                    }
                    do {
                        ranges += try AffectedRangeBuilder.ranges(events)
                    } catch {
                        throw Malformed(line: index + 1, message: error.message)
                    }
                }
                affected.append(AffectedPackage(name: String(package[..<colon]), ranges: ranges, versions: versions))
            }
            advisories.append(Advisory(
                id: fields[0],
                aliases: fields[1].split(separator: ",").map(String.init),
                summary: fields[7],
                severity: AdvisorySeverity(label: fields[2]),
                cvssVector: fields[5].isEmpty ? nil : fields[5],
                published: fields[3].isEmpty ? nil : fields[3],
                modified: fields[4].isEmpty ? nil : fields[4],
                affected: affected))
        }
        return advisories
    }
}

extension AdvisoryDatabase {
    /// The snapshot built into this binary. The generator checked every line, and a test
    /// decodes it, so a failure here is a broken build, not bad input.
    public static let bundled: AdvisoryDatabase = {
        do {
            let advisories = try BundledAdvisoryDecoder.decode(BundledAdvisorySnapshot.lines)
            var counts = Counts()
            counts.records = advisories.count
            return AdvisoryDatabase(advisories: advisories, date: BundledAdvisorySnapshot.date, origin: .bundled, counts: counts)
        } catch {
            preconditionFailure("\(error)")
        }
    }()
}
