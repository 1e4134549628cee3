import Dispatch
@testable import Poller
import Synchronization
import Testing

/// The turns `PoisonGuard` gives at parsing: ordinary feeds share, a suspect parses alone,
/// and a waiting suspect is not starved by ordinary feeds that keep arriving.
@Suite struct PoisonGuardTurnsTests {
    /// Starts `body` on a new thread and returns a semaphore signalled when it has returned.
    private func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            body()
            done.signal()
        }
        return done
    }

    @Test func ordinaryFeedsShareTheirTurn() {
        let turns = ParseTurns()
        turns.begin(alone: false)
        let second = onThread { turns.begin(alone: false) }
        #expect(second.wait(timeout: .now() + 5) == .success)
        turns.end()
        turns.end()
    }

    @Test func aSuspectWaitsUntilNoOtherFeedIsParsed() {
        let turns = ParseTurns()
        turns.begin(alone: false)
        let suspect = onThread { turns.begin(alone: true) }
        #expect(suspect.wait(timeout: .now() + 0.2) == .timedOut)
        turns.end()
        #expect(suspect.wait(timeout: .now() + 5) == .success)
        let ordinary = onThread { turns.begin(alone: false) }
        #expect(ordinary.wait(timeout: .now() + 0.2) == .timedOut)
        turns.end()
        #expect(ordinary.wait(timeout: .now() + 5) == .success)
        turns.end()
    }

    @Test func anOrdinaryFeedArrivingAfterAWaitingSuspectWaitsBehindIt() {
        let turns = ParseTurns()
        let order = Mutex<[String]>([])
        turns.begin(alone: false)
        let suspect = onThread {
            turns.begin(alone: true)
            order.withLock { $0.append("suspect") }
        }
        #expect(suspect.wait(timeout: .now() + 0.2) == .timedOut)
        let ordinary = onThread {
            turns.begin(alone: false)
            order.withLock { $0.append("ordinary") }
        }
        #expect(ordinary.wait(timeout: .now() + 0.2) == .timedOut)
        turns.end()
        #expect(suspect.wait(timeout: .now() + 5) == .success)
        #expect(ordinary.wait(timeout: .now() + 0.2) == .timedOut)
        turns.end()
        #expect(ordinary.wait(timeout: .now() + 5) == .success)
        turns.end()
        #expect(order.withLock { $0 } == ["suspect", "ordinary"])
    }

    @Test func aSuspectNeverParsesBesideAnotherFeed() {
        let turns = ParseTurns()
        let running = Mutex<(shared: Int, alone: Int, overlaps: Int)>((0, 0, 0))
        let threads = (0..<16).map { index in
            onThread {
                for round in 0..<50 {
                    let alone = (index + round) % 5 == 0
                    turns.begin(alone: alone)
                    running.withLock {
                        if alone { $0.alone += 1 } else { $0.shared += 1 }
                        if $0.alone > 1 || ($0.alone == 1 && $0.shared > 0) { $0.overlaps += 1 }
                    }
                    running.withLock { if alone { $0.alone -= 1 } else { $0.shared -= 1 } }
                    turns.end()
                }
            }
        }
        for thread in threads { #expect(thread.wait(timeout: .now() + 30) == .success) }
        #expect(running.withLock { $0.overlaps } == 0)
    }
}
