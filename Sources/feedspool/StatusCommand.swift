import ArgumentParser
import Poller

/// `feedspool status`: what the state store knows about each configured feed.
/// One tab-separated line each (`FeedStatus`), for people and for `cut`/`awk`, or JSON.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show when each feed was polled, how it went, and when it is next due.",
        discussion: """
            Prints a header and one tab-separated line per feed: name, last poll, result, \
            failures in a row, next poll, notes (a permanent redirect the server \
            announced, as feeds.conf is never rewritten, "gone", or a quarantine), and how \
            many blocks the feed's template removed ("3 last, 41 total": from the articles of \
            the last poll that delivered any, and from all; "off" with template=no or \
            clean=no). Times are UTC; "-" means never or unknown. With --json, prints an \
            array with one object per feed instead (docs/daemon.md lists its keys). It only \
            reads the state, so it works while `feedspool run` holds it; with no state yet \
            it says so on stderr and creates none. Exit status: 0, 1 when the state cannot \
            be read, 2 for a configuration or usage error.
            """
    )

    @OptionGroup var configFile: ConfigOption

    @Flag(help: "Print a JSON array, one object per feed, with the counts behind the result.")
    var json = false

    func run() throws {
        let path = configFile.path
        let configuration = try ConfigPath.load(path, failingWith: 2)
        let feeds: [FeedStatus]
        do {
            let read = try FeedStatus.all(of: configuration)
            if !read.stateFound { Console.error("no state yet in \(configuration.statePath): no feed has been polled") }
            feeds = read.feeds
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        Console.write(json ? FeedStatus.json(feeds) : Array(FeedStatus.table(feeds).utf8))
    }
}
