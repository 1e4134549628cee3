import Logging

/// The progress line `feedspool once` keeps on a terminal ("12/40 feeds, 85 articles").
///
/// Nothing is drawn when there is no terminal to draw on; error and warning
/// lines are logged above the line.
struct ProgressLine {
    private let total: Int
    /// Feeds finished so far.
    private var done = 0
    /// Articles delivered so far.
    private var articles = 0
    private let log: Logger
    /// Writes to the terminal as it is, without a line break; nil for none.
    private let draw: ((String) -> Void)?

    /// Starts the line for `total` feeds, drawn through `draw` when there is a terminal.
    ///
    /// Error and warning lines go to `log`.
    init(total: Int, log: Logger, draw: ((String) -> Void)?) {
        self.total = total
        self.log = log
        self.draw = draw
        redraw()
    }

    /// Counts a feed settled, logging its failure or warning above the line.
    mutating func finish(_ feed: String, _ outcome: PollOutcome) {
        if case .delivered(let count, _) = outcome { articles += count }
        clear()
        outcome.log(feed: feed, to: log)
        done += 1
        redraw()
    }

    /// Clears the line: `once` sums up the run in a line of its own.
    func clear() {
        draw?("\r\u{1B}[K")
    }

    private func redraw() {
        draw?("\r\u{1B}[K\(done)/\(total) feeds, \(articles) articles")
    }
}
