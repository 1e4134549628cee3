import ArgumentParser
import Config
import Logging
import Poller
import Synchronization
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
            round in progress, which the spool's protocol allows, after waiting for running \
            exec commands (each at most its exec-timeout). With $NOTIFY_SOCKET set, \
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
        let hooks = HookQueueSlot()
        // Caught from here on: a stop during recovery waits for its end.
        let signals = SignalWatch { signal in
            log.info("stopping on \(signal): the round in progress is abandoned; the next start finishes its deliveries")
            notifier.notify(.stopping)
            // Running commands end by their timeout at the latest, their files back in new/.
            hooks.queue.withLock { $0 }?.stop()
            // Feeds being parsed now did not crash anything.
            PoisonGuard(stateFolder: configuration.statePath).clearInFlight()
            _exit(0)
        }
        guard let start = DaemonStart(configuration: configuration, log: log) else { throw ExitCode(1) }
        hooks.queue.withLock { $0 = start.hooks }
        let feeds = Daemon.count(configuration.feeds.count, "feed")
        log.info("running: \(feeds) from \(path), \(start.destination)")
        notifier.notify(.ready, .status("running: \(feeds)"))
        var daemon = Daemon(configuration: configuration, state: start.state, spool: start.spool,
                            host: ProcessHost(signals: signals, notifier: notifier), log: log, hooks: start.hooks,
                            watchdog: Watchdog(microseconds: getenv("WATCHDOG_USEC").map { String(cString: $0) },
                                               pid: getenv("WATCHDOG_PID").map { String(cString: $0) },
                                               ownPID: Int(getpid())))
        daemon.run()
    }
}

/// The `exec` queue, for the stop handler, which is set up before the queue can be made.
private final class HookQueueSlot: Sendable {
    let queue = Mutex<HookQueue?>(nil)
}
