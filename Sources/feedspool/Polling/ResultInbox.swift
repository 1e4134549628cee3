import Dispatch
import Fetcher
import Synchronization

/// Hands fetch results from the fetcher's thread to the thread that
/// processes them, in arrival order.
final class ResultInbox: Sendable {
    private let state = Mutex<(items: [(Int, Result<FetchResponse, FetchError>)], closed: Bool)>(([], false))
    private let signal = DispatchSemaphore(value: 0)

    /// Adds the result of request `id`; called on the fetcher's thread.
    func put(id: Int, result: Result<FetchResponse, FetchError>) {
        state.withLock { $0.items.append((id, result)) }
        signal.signal()
    }

    /// Says no result will follow, once the fetch has returned.
    func close() {
        state.withLock { $0.closed = true }
        signal.signal()
    }

    /// Whether a result is waiting now, so that `take` would not wait.
    var hasResult: Bool {
        state.withLock { !$0.items.isEmpty }
    }

    /// The next result, waiting for one; nil once closed and drained.
    func take() -> (Int, Result<FetchResponse, FetchError>)? {
        while true {
            let next: (Int, Result<FetchResponse, FetchError>)?? = state.withLock { box in
                if !box.items.isEmpty { return .some(box.items.removeFirst()) }
                return box.closed ? .some(nil) : nil
            }
            if let next { return next }
            signal.wait()
        }
    }
}
