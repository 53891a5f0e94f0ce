import Dispatch
/// What `docker` says about the sandbox browser containers (label
/// `openclaw.sandboxBrowser=1`): their drift labels and published ports.
public struct SandboxBrowserContainerScan: Sendable, Equatable {
    public struct Container: Sendable, Equatable {
        public var name: String
        /// `openclaw.configHash`; nil when missing or `<no value>`.
        public var configHash: String?
        /// `openclaw.browserConfigEpoch`; nil when missing or `<no value>`.
        public var epoch: String?
        /// Non-empty lines of `docker port <name>` (`9222/tcp -> 0.0.0.0:49153`).
        public var portLines: [String]

        public init(name: String, configHash: String?, epoch: String?, portLines: [String]) {
            self.name = name
            self.configHash = configHash
            self.epoch = epoch
            self.portLines = portLines
        }
    }

    /// Containers whose labels could be read, in `docker ps` order.
    public var containers: [Container]
    /// A `docker` call did not answer in time; the containers after it were not read.
    public var timedOut: Bool
    public var timeoutMilliseconds: Int

    public init(containers: [Container], timedOut: Bool, timeoutMilliseconds: Int) {
        self.containers = containers
        self.timedOut = timedOut
        self.timeoutMilliseconds = timeoutMilliseconds
    }
}

/// The `docker ps` / `docker inspect` / `docker port` sequence of the original's
/// container audit. Any failure other than a timeout skips what it concerns, as the
/// original does: a machine without a Docker daemon simply has nothing to report.
enum SandboxBrowserContainerProbe {
    /// Runs `docker` with the arguments, within the seconds given.
    typealias Runner = @Sendable ([String], Double) -> BoundedProcess.Outcome

    /// One budget for the whole sequence (list, then inspect and port per container).
    /// The original allows 5 s per call, so ten slow containers took 30 s of a plain
    /// audit; two seconds in all leave a healthy daemon ample time.
    static let timeoutSeconds = 2.0

    static let listArguments = ["ps", "-a", "--filter", "label=openclaw.sandboxBrowser=1", "--format", "{{.Names}}"]
    static let labelFormat = #"{{ index .Config.Labels "openclaw.configHash" }}\#t{{ index .Config.Labels "openclaw.browserConfigEpoch" }}"#

    /// Runs the sequence with `docker` from `environment["PATH"]`; nil when there is no
    /// docker at all.
    static func scan(environment: [String: String]) -> SandboxBrowserContainerScan? {
        guard let docker = ExecutableLookup.find("docker", path: environment["PATH"]) else { return nil }
        return scan { arguments, seconds in
            BoundedProcess.run(
                executable: docker, arguments: arguments, environment: environment,
                timeoutSeconds: seconds)
        }
    }

    static func scan(budgetSeconds: Double = timeoutSeconds, run runner: @escaping Runner) -> SandboxBrowserContainerScan {
        let timeoutMilliseconds = Int(budgetSeconds * 1000)
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(budgetSeconds * 1e9)
        // Each call gets what is left of the budget; none starts once it is spent.
        let run = { (arguments: [String]) -> BoundedProcess.Outcome in
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { return .timedOut }
            return runner(arguments, Double(deadline - now) / 1e9)
        }
        var result = SandboxBrowserContainerScan(containers: [], timedOut: false, timeoutMilliseconds: timeoutMilliseconds)
        let names: [String]
        switch run(listArguments) {
        case .timedOut:
            result.timedOut = true
            return result
        case .exited(0, let output):
            names = lines(output)
        default:
            return result
        }
        // Docker names never start with "-"; such a line must not become an option.
        for name in names where !name.hasPrefix("-") {
            let labels: (String?, String?)
            switch run(["inspect", "-f", labelFormat, name]) {
            case .timedOut:
                result.timedOut = true
                return result
            case .exited(0, let output):
                let fields = String(decoding: output, as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
                labels = (labelValue(fields.first), labelValue(fields.count > 1 ? fields[1] : nil))
            default:
                continue
            }
            var container = SandboxBrowserContainerScan.Container(name: name, configHash: labels.0, epoch: labels.1, portLines: [])
            switch run(["port", name]) {
            case .timedOut:
                result.containers.append(container)
                result.timedOut = true
                return result
            case .exited(0, let output):
                container.portLines = lines(output)
            default:
                break
            }
            result.containers.append(container)
        }
        return result
    }

    static func lines(_ output: [UInt8]) -> [String] {
        String(decoding: output, as: UTF8.self)
            .split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingWhitespace }
            .filter { !$0.isEmpty }
    }

    static func labelValue(_ raw: Substring?) -> String? {
        guard let value = raw?.trimmingWhitespace, !value.isEmpty, value != "<no value>" else { return nil }
        return value
    }
}
