#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line `feedspool once` keeps on a terminal ("12/40 feeds,
/// 85 articles"), and nothing when standard error is not a terminal; error
/// and warning lines are printed above it.
struct Progress {
    private let total: Int
    private var done = 0
    private var articles = 0
    private let isTerminal = isatty(STDERR_FILENO) == 1

    init(total: Int) {
        self.total = total
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
        Console.error(line)
        draw()
    }

    func print(warning line: String) {
        clear()
        Console.warning(line)
        draw()
    }

    /// Leaves the final counts on their own line.
    func end() {
        guard isTerminal else { return }
        clear()
        Console.diagnostic("\(done)/\(total) feeds, \(articles) articles")
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
