import Scheduler
import State

/// What a `once` run came to, read back from what the state store recorded for the feeds it polled.
public struct RunTotals {
    /// New articles delivered.
    public private(set) var new = 0
    /// Updated articles delivered (`updates=yes`).
    public private(set) var updated = 0
    /// Each polled feed that did not fail, with what it came to (`3 new`, `not modified`).
    public private(set) var results: [(feed: String, result: String)] = []

    /// The totals of the feeds named `polled`, as `state` recorded their last poll.
    public init(polled: [String], state: StateStore) {
        for name in polled {
            guard let recorded = try? state.feedState(name) else { continue }
            new += recorded.lastNew
            updated += recorded.lastUpdated
            if let result = recorded.lastResult, !result.hasPrefix("error: ") {
                results.append((name, result.hasPrefix("ok: ") ? String(result.dropFirst(4)) : result))
            }
        }
    }

    /// The run in one line (`22 feeds, 514 new, 3 updated, 1 failed, 2 exec failed`).
    /// Nil when nothing was delivered and nothing failed.
    public func summary(feeds count: Int, failures: Int, execFailures: Int = 0) -> String? {
        guard new + updated + failures + execFailures > 0 else { return nil }
        let feeds = count == 1 ? "1 feed" : "\(count) feeds"
        return "\(feeds), \(new) new, \(updated) updated" + (failures > 0 ? ", \(failures) failed" : "")
            + (execFailures > 0 ? ", \(execFailures) exec failed" : "")
    }
}

extension PollDecision {
    /// Why `once` leaves a feed with this decision out (`gone (HTTP 410); name it to poll it again`); nil when due.
    public var skipReason: String? {
        switch self {
        case .waitingForServer(let date): "the server asked to wait until \(UTCClock.hoursAndMinutes(date)) UTC"
        case .notYet(let date): "min-interval allows the next poll at \(UTCClock.hoursAndMinutes(date)) UTC"
        case .gone: "gone (HTTP 410); name it to poll it again"
        case .due: nil
        }
    }
}
