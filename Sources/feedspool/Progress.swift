import Logging
import Poller
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line `feedspool once` keeps on a terminal ("12/40 feeds, 85 articles").
///
/// Nothing is drawn when standard error is not a terminal; error and
/// warning lines are logged above the line.
struct Progress {
    private let total: Int
    /// Feeds finished so far.
    private(set) var done = 0
    /// Articles delivered so far.
    private(set) var articles = 0
    private let isTerminal: Bool
    private let log: Logger

    /// Starts the line for `total` feeds when stderr is a terminal; error and warning lines go to `log`.
    init(total: Int, log: Logger) {
        self.total = total
        self.log = log
        isTerminal = isatty(STDERR_FILENO) == 1
        draw()
    }

    /// Counts a feed settled, logging its failure or warning above the line.
    mutating func finish(_ feed: String, _ outcome: PollOutcome) {
        if case .delivered(let count, _) = outcome { articles += count }
        clear()
        outcome.log(feed: feed, to: log)
        done += 1
        draw()
    }

    /// Clears the line: `once` sums up the run in a line of its own.
    func end() {
        clear()
    }

    private func draw() {
        guard isTerminal else { return }
        Console.raw("\r\u{1B}[K\(done)/\(total) feeds, \(articles) articles")
    }

    private func clear() {
        guard isTerminal else { return }
        Console.raw("\r\u{1B}[K")
    }
}
