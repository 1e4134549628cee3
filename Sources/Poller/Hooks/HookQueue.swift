import Config
import Dispatch
import Logging
import Spool
import State
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Runs each feed's `exec` command on its articles waiting in `new/`.
/// At most `exec-concurrency` at once, on threads of its own beside the polling.
///
/// For each file: record the claim in the state store (`hook_runs`, durably), rename it from
/// `new/` to `cur/`, run the command with the file's path as its last argument; on exit 0
/// remove the file (or keep it in `cur/` with `exec-keep`) and forget the record; on a failure
/// or a timeout rename it back to `new/` and record when to try again (a minute, doubling
/// after each failure, at most an hour). `recover` returns to `new/` the files a killed
/// process had claimed. docs/spool.md has the proof that no article is lost.
///
/// Threading: every method may be called from any thread; `startDue` and `recover` from one
/// thread at a time (the daemon's loop, or `once`).
public final class HookQueue: Sendable {
    /// What the commands came to.
    public struct Tally: Sendable, Equatable {
        /// Runs that exited 0.
        public var succeeded = 0
        /// Runs that failed, timed out, or could not start.
        public var failed = 0

        /// A tally of these counts.
        public init(succeeded: Int = 0, failed: Int = 0) {
            self.succeeded = succeeded
            self.failed = failed
        }
    }

    /// How long after SIGTERM a timed-out command's group gets SIGKILL.
    public static let grace: Duration = .seconds(5)

    /// How long a file waits after its `failures`-th failure: a minute, doubling, at most an hour.
    public static func delay(afterFailures failures: Int) -> TimeInterval {
        min(3600, 60 * pow(2, Double(max(0, min(failures, 20) - 1))))
    }

    private struct Job: Sendable {
        var file: String
        var feed: String
        var id: String
        var hook: FeedHook
        var failures: Int
    }

    /// What the queue's threads share.
    private struct Book {
        var hooks: [String: FeedHook] = [:]
        /// Files queued or being run.
        var inFlight = Set<String>()
        var tally = Tally()
        var workersStarted = false
        var stopping = false
    }

    private let spool: Spool
    private let state: StateStore
    private let concurrency: Int
    private let clock: any PollClock
    private let log: Logger
    private let jobs = Inbox<Job>()
    private let book = Mutex(Book())
    /// The id and feed of each file in `new/` read so far ("" for a file that is no article).
    private let heads = Mutex<[String: (id: String, feed: String)]>([:])
    private let workers = DispatchGroup()

    /// A queue running the hooks of `feeds` on the files of `spool`, recorded in `state`.
    public init(spool: Spool, state: StateStore, feeds: [FeedSettings], concurrency: Int,
                clock: any PollClock = SystemClock(), log: Logger) {
        self.spool = spool
        self.state = state
        self.concurrency = max(1, concurrency)
        self.clock = clock
        self.log = log
        configure(feeds)
    }

    /// Takes the feeds' hooks (at start, and after a reload); runs already started go on as they began.
    public func configure(_ feeds: [FeedSettings]) {
        let hooks = Dictionary(feeds.compactMap { feed in feed.hook.map { (feed.name, $0) } }) { first, _ in first }
        book.withLock { $0.hooks = hooks }
    }

    // MARK: - Recovery

    /// Returns to `new/` the files a killed process had claimed for a hook.
    ///
    /// Those its records name, never a file a consumer claimed, after ending the commands it left
    /// running on them. Call once at start-up, before `startDue`.
    /// - Returns: How many files went back to `new/`.
    @discardableResult
    public func recover() throws(StorageError) -> Int {
        var returned = 0
        for var run in try state.hookRuns() where run.claimed {
            // A command the killed process started may still run on the file.
            if let process = run.process { HookProcess.endGroup(of: process) }
            run.claimed = false
            run.process = nil
            if try spool.unclaim(run.file) {
                returned += 1
                try state.recordHookRun(run)
            } else if try spool.waitingFiles().contains(run.file) {
                // Recorded, then killed before the rename.
                try state.recordHookRun(run)
            } else {
                // The command took the file away, or it succeeded and its file was removed.
                try state.forgetHookRuns([run.file])
            }
        }
        return returned
    }

    // MARK: - Running

    /// Queues the files in `new/` whose feed has a hook and whose retry time has come; returns at once.
    /// Only of the feeds `only` names, when given.
    public func startDue(only feeds: Set<String>? = nil) {
        guard !book.withLock({ $0.stopping || $0.hooks.isEmpty }) else { return }
        let names: [String]
        let runs: [String: HookRun]
        do {
            // The records first: a record unclaimed then names a file already back in
            // new/, so a file missing from the listing below was taken by someone.
            runs = Dictionary(try state.hookRuns().map { ($0.file, $0) }) { first, _ in first }
            names = try spool.waitingFiles()
        } catch {
            log.error("exec: \(error)")
            return
        }
        let known = heads.withLock { $0 }
        var current: [String: (id: String, feed: String)] = [:]
        for name in names { current[name] = known[name] ?? spool.articleHead(name) ?? ("", "") }
        heads.withLock { $0 = current }

        let now = clock.now()
        let present = Set(names)
        let (queued, stale) = book.withLock { book -> ([Job], [String]) in
            var queued: [Job] = []
            for name in names where !book.inFlight.contains(name) {
                guard let head = current[name], let hook = book.hooks[head.feed],
                      feeds?.contains(head.feed) ?? true else { continue }
                let run = runs[name]
                if let retry = run?.retryAfter, retry > now { continue }
                book.inFlight.insert(name)
                queued.append(Job(file: name, feed: head.feed, id: head.id, hook: hook, failures: run?.failures ?? 0))
            }
            // A consumer took these, or they were removed, between their failures.
            let stale = runs.values.filter { !$0.claimed && !present.contains($0.file) && !book.inFlight.contains($0.file) }
            return (queued, stale.map(\.file))
        }
        if !stale.isEmpty {
            do { try state.forgetHookRuns(stale) } catch { log.error("exec: \(error)") }
        }
        guard !queued.isEmpty else { return }
        startWorkers()
        for job in queued { jobs.put(job) }
    }

    /// Waits until every queued file was run, then ends the queue's threads (for `once`).
    public func finish() -> Tally {
        jobs.close()
        workers.wait()
        return book.withLock { $0.tally }
    }

    /// Starts nothing more, waits for the commands running, and ends the queue's threads (on SIGTERM).
    /// Each command ends by its timeout, its file back in `new/`.
    public func stop() {
        book.withLock { $0.stopping = true }
        jobs.close()
        workers.wait()
    }

    private func startWorkers() {
        let start = book.withLock { book in
            defer { book.workersStarted = true }
            return !book.workersStarted
        }
        guard start else { return }
        for _ in 0..<concurrency {
            workers.enter()
            HookThread.start { [self] in
                while let job = jobs.take() { perform(job) }
                workers.leave()
            }
        }
    }

    // MARK: - One file

    private func perform(_ job: Job) {
        defer { _ = book.withLock { $0.inFlight.remove(job.file) } }
        guard !book.withLock({ $0.stopping }) else { return }
        var run = HookRun(file: job.file, feed: job.feed, failures: job.failures, claimed: true)
        do {
            try state.recordHookRun(run)
            CrashPoint.reached("hook-record")
            guard try spool.claim(job.file) else {
                try state.forgetHookRuns([job.file])
                return
            }
        } catch {
            log.error("\(job.feed): exec: \(error)")
            return
        }
        CrashPoint.reached("hook-claim")
        let path = spool.claimedFolder + "/" + job.file
        let outcome = HookProcess(
            words: job.hook.command.words + [path],
            environment: [("FEEDSPOOL_FEED", job.feed), ("FEEDSPOOL_ARTICLE_ID", job.id),
                          ("FEEDSPOOL_ATTEMPT", String(job.failures + 1)), ("FEEDSPOOL_SPOOL", spool.path)],
            timeout: job.hook.timeout, grace: Self.grace
        ).run { pid in
            // So that a restart after a crash ends it before handing its file on.
            guard let identity = HookProcess.identity(of: pid) else { return }
            var started = run
            started.process = identity
            do { try state.recordHookRun(started) } catch { log.error("\(job.feed): exec: \(error)") }
        }
        CrashPoint.reached("hook-ran")
        let level: Logger.Level = outcome.succeeded ? .info : .warning
        for line in outcome.errorLines { log.log(level: level, "\(job.feed): exec: \(line)") }
        if outcome.moreLines > 0 { log.log(level: level, "\(job.feed): exec: … \(outcome.moreLines) more lines") }
        if outcome.succeeded {
            book.withLock { $0.tally.succeeded += 1 }
            do {
                if !job.hook.keep { try spool.removeClaimed(job.file) }
                try state.forgetHookRuns([job.file])
            } catch {
                log.error("\(job.feed): exec: \(error)")
            }
            return
        }
        book.withLock { $0.tally.failed += 1 }
        let reason = Self.describe(outcome.ending, hook: job.hook)
        run.failures += 1
        run.claimed = false
        run.retryAfter = clock.now().addingTimeInterval(Self.delay(afterFailures: run.failures))
        do {
            if try spool.unclaim(job.file) {
                try state.recordHookRun(run)
                let retry = UTCClock.hoursAndMinutes(run.retryAfter!)
                log.warning("\(job.feed): exec failed (\(reason)) on \(job.file), failure \(run.failures): back in new/, tried again after \(retry) UTC")
            } else {
                try state.forgetHookRuns([job.file])
                log.warning("\(job.feed): exec failed (\(reason)) on \(job.file), which the command took out of cur/: not tried again")
            }
        } catch {
            // The record still says claimed: the next start returns the file to new/.
            log.error("\(job.feed): exec failed (\(reason)) and \(error)")
        }
    }

    /// "exit status 1", "still running after 1m: ended".
    static func describe(_ ending: HookProcess.Ending, hook: FeedHook) -> String {
        switch ending {
        case .exited(let status): return "exit status \(status)"
        case .signalled(let signal): return "killed by signal \(signal)"
        case .timedOut: return "still running after exec-timeout \(hook.timeout.components.seconds)s: ended"
        case .notStarted(let reason): return "cannot start \(hook.command.words[0]): \(reason)"
        }
    }
}
