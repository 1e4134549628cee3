import ArgumentParser
import Config
import Poller
import Scheduler
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
            let unknown = feeds.filter { configuration.feed(named: $0) == nil }
            if !unknown.isEmpty {
                Console.error("no feed named \(unknown.joined(separator: ", ")) in \(path)")
                throw ExitCode(2)
            }
            // A name given twice is polled once: two polls of one feed would
            // fetch it twice and report its failure twice.
            var named = Set<String>()
            selected = feeds.filter { named.insert($0).inserted }.compactMap { configuration.feed(named: $0) }
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
        var failures = Self.report(selection.waiting)
        let fetchers = PollFetchers(for: selection.due.map(\.feed), globals: configuration.globals)
        var progress = Progress(total: selection.due.count, log: StandardErrorLog.plain)
        failures += PollRun(state: state, spool: spool, fetchers: fetchers, log: StandardErrorLog.plain)
            .run(selection.due) { feed, outcome in progress.finish(feed, outcome) }.failed
        progress.end()
        let hookTally = runHooks(of: selected, configuration: configuration, state: state, spool: spool)
        failures += hookTally.failed
        _ = try? state.prune(retention: configuration.globals.keepSeen.seconds)
        report(polled: selection.due.map(\.feed.name), of: selected.count, failures: failures - hookTally.failed,
               hookFailures: hookTally.failed, state: state)
        if failures > 0 { throw ExitCode(1) }
    }

    /// With `--verbose`, says what each polled feed came to (failures have
    /// their line already); unless `--quiet`, sums the run up in one line
    /// when anything was delivered or failed, from what the state recorded.
    private func report(polled: [String], of count: Int, failures: Int, hookFailures: Int, state: StateStore) {
        var (new, updated) = (0, 0)
        for name in polled {
            guard let recorded = try? state.feedState(name) else { continue }
            new += recorded.lastNew
            updated += recorded.lastUpdated
            if verbose, let result = recorded.lastResult, !result.hasPrefix("error: ") {
                Console.error("\(name): \(result.hasPrefix("ok: ") ? String(result.dropFirst(4)) : result)")
            }
        }
        guard !quiet, new + updated + failures + hookFailures > 0 else { return }
        let feeds = count == 1 ? "1 feed" : "\(count) feeds"
        Console.error("\(feeds), \(new) new, \(updated) updated" + (failures > 0 ? ", \(failures) failed" : "")
                      + (hookFailures > 0 ? ", \(hookFailures) exec failed" : ""))
    }

    /// Runs the `exec` commands of `feeds` on their files waiting in `new/` (what this run
    /// delivered, and earlier failures whose retry time came) and waits for them.
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

    /// Says why each feed in `waiting` is not polled; returns how many of
    /// them count as failed (the gone ones).
    private static func report(_ waiting: [(feed: FeedSettings, decision: PollDecision)]) -> Int {
        var failures = 0
        for (feed, decision) in waiting {
            switch decision {
            case .waitingForServer(let date):
                Console.error("\(feed.name): skipped: the server asked to wait until \(UTCClock.hoursAndMinutes(date)) UTC")
            case .notYet(let date):
                Console.error("\(feed.name): skipped: min-interval allows the next poll at \(UTCClock.hoursAndMinutes(date)) UTC")
            case .gone:
                Console.error("\(feed.name): skipped: gone (HTTP 410); name it to poll it again")
                failures += 1
            case .due:
                break
            }
        }
        return failures
    }
}
