import ArgumentParser
import Config
import Poller
import Spool
import State
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
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
        let selection = PollSelection(selected, state: state, at: Date(), force: feeds.isEmpty ? .yes : .evenGone)
        var failures = 0
        for (feed, decision) in selection.waiting {
            if let reason = decision.skipReason { Console.error("\(feed.name): skipped: \(reason)") }
            if decision == .gone { failures += 1 }
        }
        let fetchers = PollFetchers(for: selection.due.map(\.feed), globals: configuration.globals)
        var progress = Progress(total: selection.due.count, log: StandardErrorLog.plain)
        failures += PollRun(state: state, spool: spool, fetchers: fetchers, log: StandardErrorLog.plain)
            .run(selection.due) { feed, outcome in progress.finish(feed, outcome) }.failed
        progress.end()
        let hookTally = runHooks(of: selected, configuration: configuration, state: state, spool: spool)
        failures += hookTally.failed
        _ = try? state.prune(retention: configuration.globals.keepSeen.seconds)
        let totals = RunTotals(polled: selection.due.map(\.feed.name), state: state)
        if verbose { for (feed, result) in totals.results { Console.error("\(feed): \(result)") } }
        if !quiet, let summary = totals.summary(feeds: selected.count, failures: failures - hookTally.failed,
                                                execFailures: hookTally.failed) {
            Console.error(summary)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// Runs the `exec` commands of `feeds` on their files waiting in `new/`, and waits for them.
    /// The files are what this run delivered, and earlier failures whose retry time came.
    private func runHooks(of feeds: [FeedSettings], configuration: Configuration, state: StateStore,
                          spool: Spool) -> HookQueue.Tally {
        guard spool.stream == nil else { return HookQueue.Tally() }
        let queue = HookQueue(spool: spool, state: state, feeds: configuration.feeds,
                              concurrency: configuration.globals.execConcurrency, log: StandardErrorLog.plain)
        do {
            // Also when no feed has exec any more: files a killed run claimed go back to new/.
            try queue.recover()
        } catch {
            Console.error("\(error)")
            return HookQueue.Tally(failed: 1)
        }
        guard feeds.contains(where: { $0.hook != nil }) else { return HookQueue.Tally() }
        queue.startDue(only: Set(feeds.map(\.name)))
        return queue.finish()
    }
}
