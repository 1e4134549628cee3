#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import Config
import FeedParser
import Poller
import Scheduler
import Spool
import State

/// `feedspool status`: what the state store knows about each configured
/// feed, one tab-separated line each, for people and for `cut`/`awk`.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show when each feed was polled, how it went, and when it is next due.",
        discussion: """
            Prints a header and one tab-separated line per feed: name, last poll, result, \
            failures in a row, next poll, notes (a permanent redirect the server \
            announced, as feeds.conf is never rewritten, "gone", a server hint that sets the \
            next poll, or a quarantine), and how \
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
        // Read-only and without the lock: the daemon may be running.
        var states: [String: FeedState] = [:]
        do {
            if let state = try StateReader.open(folder: configuration.statePath) {
                states = try state.feedStates()
            } else {
                Console.error("no state yet in \(configuration.statePath): no feed has been polled")
            }
        } catch {
            Console.error("\(error)")
            throw ExitCode(1)
        }
        let poison = PoisonGuard(stateFolder: configuration.statePath)
        let feeds = configuration.feeds.map {
            StatusJSON.Feed(settings: $0, state: states[$0.name] ?? FeedState(),
                            quarantinedUntil: poison.quarantinedUntil($0.name))
        }
        if json {
            Console.write(StatusJSON.document(feeds))
            return
        }
        var lines = ["feed\tlast poll\tresult\tfailures\tnext poll\tnotes\ttemplate"]
        for feed in feeds {
            lines.append(Self.line(for: feed.settings, state: feed.state, quarantinedUntil: feed.quarantinedUntil))
        }
        Console.write(Array((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// One feed's line.
    static func line(for feed: FeedSettings, state: FeedState, quarantinedUntil: Date? = nil) -> String {
        let schedule = PollSchedule(for: feed, state: state)
        let record = PollRecord(state)
        var notes: [String] = []
        if let moved = state.permanentRedirect { notes.append("moved permanently to \(moved)") }
        if state.gone { notes.append("gone (HTTP 410)") }
        if let until = quarantinedUntil {
            notes.append("quarantined: feedspool stopped twice while parsing it; parsed again when it changes "
                + "or after \(FeedDate.format(until))")
        }
        if let retryAfter = state.retryAfter { notes.append("server asked to wait until \(FeedDate.format(retryAfter))") }
        if schedule.reason(after: record) == .serverHint, let hint = record.serverInterval {
            let capped = min(hint, PollSchedule.maximumServerInterval)
            notes.append("server hint: at most every \(Self.duration(capped))")
        }
        let next = schedule.nextPollTime(after: record).map(FeedDate.format) ?? "-"
        return [
            feed.name,
            state.lastFetch.map(FeedDate.format) ?? "-",
            state.lastResult ?? "never polled",
            String(state.errorCount),
            state.lastFetch == nil ? "now" : next,
            notes.isEmpty ? "-" : notes.joined(separator: "; "),
            templateColumn(for: feed, state: state),
        ].joined(separator: "\t")
    }

    /// A duration as feeds.conf writes it: `90m` as `1h30m`.
    static func duration(_ duration: Duration) -> String {
        var seconds = Int(duration.seconds.rounded())
        var text = ""
        for (unit, length) in [("d", 86_400), ("h", 3600), ("m", 60), ("s", 1)] where seconds >= length {
            text += "\(seconds / length)\(unit)"
            seconds %= length
        }
        return text.isEmpty ? "0s" : text
    }

    /// How many blocks the feed's template removed: "3 last, 41 total", "-"
    /// before any delivery, "off" when the feed learns no template.
    static func templateColumn(for feed: FeedSettings, state: FeedState) -> String {
        guard feed.clean, feed.template else { return "off" }
        guard state.lastFetch != nil else { return "-" }
        return "\(state.templateBlocksLastDelivery) last, \(state.templateBlocksTotal) total"
    }
}
