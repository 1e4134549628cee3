import Dispatch
import Synchronization

/// Hands items from threads that produce them to threads that consume them, in arrival order.
/// Fetch results from the fetcher's thread to the workers that parse and clean, prepared polls from
/// the workers to the thread that delivers.
final class Inbox<Item: Sendable>: Sendable {
    private let state = Mutex<(items: [Item], closed: Bool)>(([], false))
    private let signal = DispatchSemaphore(value: 0)
    /// Free places when the inbox is bounded.
    /// Producers wait for one, so they cannot run ahead of the consumer and hold ever more in
    /// memory.
    private let places: DispatchSemaphore?

    /// Makes an inbox holding at most `capacity` items, or any number.
    init(capacity: Int? = nil) {
        places = capacity.map { DispatchSemaphore(value: max(1, $0)) }
    }

    /// Adds an item, waiting for a free place in a bounded inbox.
    func put(_ item: Item) {
        places?.wait()
        state.withLock { $0.items.append(item) }
        signal.signal()
    }

    /// Says no item will follow.
    func close() {
        state.withLock { $0.closed = true }
        signal.signal()
    }

    /// Whether an item is waiting now, so that `take` would not wait.
    var hasItem: Bool {
        state.withLock { !$0.items.isEmpty }
    }

    /// The next item, waiting for one; nil once closed and drained.
    func take() -> Item? {
        while true {
            let next: Item?? = state.withLock { box in
                if !box.items.isEmpty { return .some(box.items.removeFirst()) }
                return box.closed ? .some(nil) : nil
            }
            if let next {
                // Whoever sees the end passes the wake-up on, so every
                // waiting consumer learns of it.
                if next == nil { signal.signal() } else { places?.signal() }
                return next
            }
            signal.wait()
        }
    }
}
