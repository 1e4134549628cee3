import ArgumentParser
import Config
import Logging
import Poller
import Spool
import State
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `feedspool run`: the daemon.
/// Polls each feed whenever it is due and delivers what is new into the spool, until SIGTERM or
/// SIGINT; SIGHUP reloads the configuration. Made to run under systemd (`Type=notify`).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Poll each feed when it is due and deliver new articles to the spool, until stopped.",
        discussion: """
            Feeds are polled every interval, later after failures, never before a server's \
            Retry-After or a host's min-interval; a feed that answered 410 Gone is not polled. \
            Logs one line per event on standard error: each failed feed with its reason, one \
            summary per round; when standard error is the journal's stream ($JOURNAL_STREAM), \
            each line starts with its syslog priority (<3> error, <4> warning, <6> information) \
            instead of the program name. SIGHUP reloads the configuration (with problems, the running \
            one is kept and each problem logged); SIGTERM and SIGINT stop it, abandoning a \
            round in progress, which the spool's protocol allows. With $NOTIFY_SOCKET set, \
            tells systemd READY=1 once started and STOPPING=1 when stopping, and with \
            $WATCHDOG_USEC (WatchdogSec=) WATCHDOG=1 every half of it from the polling loop. \
            Exit status: 0 \
            when stopped by a signal, 1 when the state or spool cannot be opened, 2 for a \
            configuration or usage error.
            """
    )

    @OptionGroup var configFile: ConfigOption

    func run() throws {
        let path = configFile.path
        let log = StandardErrorLog.logger(journalStream: getenv("JOURNAL_STREAM").map { String(cString: $0) })
        let configuration = try ConfigPath.load(path, failingWith: 2, log: log)
        let notifier = ServiceNotifier(socket: getenv("NOTIFY_SOCKET").map { String(cString: $0) }, log: log)
        // Caught from here on: a stop during recovery waits for its end.
        let signals = SignalWatch { signal in
            log.info("stopping on \(signal): the round in progress is abandoned; the next start finishes its deliveries")
            notifier.send("STOPPING=1")
            // Feeds being parsed now did not crash anything.
            PoisonGuard(stateFolder: configuration.statePath).clearInFlight()
            _exit(0)
        }
        let (state, spool): (StateStore, Spool)
        do {
            state = try StateStore.open(folder: configuration.statePath)
            spool = Spool(for: configuration)
        } catch {
            log.error("\(error)")
            throw ExitCode(1)
        }
        do {
            Self.report(try spool.recover(state: state), to: log)
        } catch where spool.stream != nil {
            // The stream's server may be down for now: what waits for it stays
            // pending and goes with the next delivery of its feed.
            log.error("\(error); articles waiting for it are delivered once it answers")
        } catch {
            log.error("\(error)")
            throw ExitCode(1)
        }
        let feeds = Daemon.count(configuration.feeds.count, "feed")
        let destination = spool.stream.map { "sink \($0.name)" } ?? "spool \(spool.path)"
        log.info("running: \(feeds) from \(path), \(destination)")
        notifier.send("READY=1\nSTATUS=running: \(feeds)")
        var daemon = Daemon(configuration: configuration, state: state, spool: spool,
                            host: ProcessHost(signals: signals, notifier: notifier), log: log,
                            watchdog: Watchdog(microseconds: getenv("WATCHDOG_USEC").map { String(cString: $0) },
                                               pid: getenv("WATCHDOG_PID").map { String(cString: $0) },
                                               ownPID: Int(getpid())))
        daemon.run()
    }

    /// Logs what start-up recovery did, when it did anything.
    /// Information, since an abandoned round leaves deliveries to finish by design.
    private static func report(_ recovery: Spool.Recovery, to log: Logger) {
        guard recovery.moved + recovery.alreadyDelivered + recovery.strayFilesRemoved > 0 else { return }
        let line = "finished deliveries an earlier process left: \(Daemon.count(recovery.moved, "article")) "
            + "moved into new/, \(recovery.alreadyDelivered) already there, "
            + "\(Daemon.count(recovery.strayFilesRemoved, "unrecorded file")) removed from tmp/"
        log.info("\(line)")
    }
}
