import Dispatch
import Synchronization

/// Takes turns at parsing: ordinary feeds share a turn, a suspect takes its turn alone.
///
/// Turns that wait start in arrival order, so a suspect's turn comes even while ordinary feeds
/// keep arriving: an ordinary feed that arrives after a waiting suspect waits behind it.
/// The `Mutex` owns the count of turns and the queue of those waiting; each waiter sleeps on
/// its own semaphore, which `end` signals once it has started that waiter's turn.
final class ParseTurns: Sendable {
    private struct State {
        /// Ordinary turns running now.
        var shared = 0
        /// Whether a suspect's turn is running now.
        var alone = false
        /// Turns waiting to start, in arrival order.
        var waiting: [(alone: Bool, wake: DispatchSemaphore)] = []

        /// Whether a turn of this kind can start beside the turns running now.
        func admits(alone turnIsAlone: Bool) -> Bool {
            turnIsAlone ? shared == 0 && !alone : !alone
        }

        mutating func start(alone turnIsAlone: Bool) {
            if turnIsAlone { alone = true } else { shared += 1 }
        }
    }

    private let state = Mutex(State())

    /// Waits until this turn can start, shared with ordinary feeds or alone, and starts it.
    func begin(alone: Bool) {
        let wake: DispatchSemaphore? = state.withLock { state in
            if state.waiting.isEmpty, state.admits(alone: alone) {
                state.start(alone: alone)
                return nil
            }
            let wake = DispatchSemaphore(value: 0)
            state.waiting.append((alone, wake))
            return wake
        }
        wake?.wait()
    }

    /// Ends a turn begun before, and starts the waiting turns that can start now, in arrival order.
    func end() {
        let woken: [DispatchSemaphore] = state.withLock { state in
            // A suspect's turn runs alone, so while it runs it is the one ending.
            if state.alone { state.alone = false } else { state.shared -= 1 }
            var woken: [DispatchSemaphore] = []
            while let next = state.waiting.first, state.admits(alone: next.alone) {
                state.waiting.removeFirst()
                state.start(alone: next.alone)
                woken.append(next.wake)
            }
            return woken
        }
        for wake in woken { wake.signal() }
    }
}
