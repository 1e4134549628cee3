import ArgumentParser
import Poller
import Spool
import State
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedspool once`: polls every feed (or the ones named) once, now, and delivers what is new into the spool.
struct OnceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "once",
        abstract: "Poll every feed (or the ones named) once and deliver new articles to the spool.",
        discussion: """
            Feeds are fetched concurrently within the configured caps. The interval is \
            ignored, but a server's Retry-After and a host's min-interval are honoured, and a \
            feed that answered 410 Gone is polled only when named. Exit status: 0 when every \
            feed succeeded, 1 when some failed (each named on stderr with its reason; the \
            others were still delivered), 2 for a configuration or usage error. When it \
            delivered or failed anything, it ends with one line on stderr, such as \
            "feedspool: 22 feeds, 514 new, 3 updated, 1 failed". For feeds with exec, the \
            command is run on each of their articles waiting in new/, and waited for; a \
            failed run counts ("2 exec failed") and makes the exit status 1.
            """
    )

    @OptionGroup var configFile: ConfigOption

    @Flag(name: .shortAndLong, help: "Leave out the summary line: only failures and warnings are printed (for cron).")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print one line per feed polled: what it delivered, or \"not modified\".")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
    }

    @Argument(help: ArgumentHelp("Names of the feeds to poll (default: all).", valueName: "FEED"))
    var feeds: [String] = []

    func run() throws {
        let path = configFile.path
        let configuration = try ConfigPath.load(path, failingWith: 2)
        var selected = configuration.feeds
        if !feeds.isEmpty {
            let named = configuration.feeds(named: feeds)
            if !named.unknown.isEmpty {
                Console.error("no feed named \(named.unknown.joined(separator: ", ")) in \(path)")
                throw ExitCode(2)
            }
            selected = named.feeds
        }
        let (state, spool): (StateStore, Spool)
        do {
            state = try StateStore.open(folder: configuration.statePath)
            spool = Spool(for: configuration)
            try spool.recover(state: state)
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let draw: ((String) -> Void)? = isatty(STDERR_FILENO) == 1 ? { Console.raw($0) } : nil
        let outcome = OnceRun(configuration: configuration, state: state, spool: spool, log: StandardErrorLog.plain)
            .run(selected, force: feeds.isEmpty ? .yes : .evenGone, draw: draw)
        if verbose { for (feed, result) in outcome.totals.results { Console.error("\(feed): \(result)") } }
        if !quiet, let summary = outcome.summary { Console.error(summary) }
        if outcome.failed { throw ExitCode(1) }
    }
}
