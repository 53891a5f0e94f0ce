import Dispatch

/// Work started on another thread now and collected later, for facts that wait on
/// another process (docker) while this one walks the state dir.
final class BackgroundResult<Value: Sendable>: @unchecked Sendable {
    // Written once on the worker before `finished` is signalled and read only after a
    // wait on it: the semaphore orders the two, so no lock is needed.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.finished.signal()
        }
    }

    /// Blocks until the work is done; any number of calls return the same value.
    func wait() -> Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}
