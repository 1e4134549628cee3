#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line `feedspool once` keeps on a terminal ("12/40 feeds,
/// 85 articles"), and nothing when standard error is not a terminal or the
/// line is not wanted (`feedspool run` logs); error and warning lines are
/// printed above it, to a log.
struct Progress {
    private let total: Int
    /// Feeds finished so far.
    private(set) var done = 0
    /// Articles delivered so far.
    private(set) var articles = 0
    private let isTerminal: Bool
    private let log: Log

    /// Starts the line for `total` feeds, when `drawn` and stderr is a
    /// terminal; error and warning lines go to `log`.
    init(total: Int, drawn: Bool, log: Log) {
        self.total = total
        self.log = log
        isTerminal = drawn && isatty(STDERR_FILENO) == 1
        draw()
    }

    mutating func add(articles count: Int) {
        articles += count
    }

    mutating func finishFeed() {
        done += 1
        draw()
    }

    func print(error line: String) {
        clear()
        log.error(line)
        draw()
    }

    func print(warning line: String) {
        clear()
        log.warning("warning: \(line)")
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
