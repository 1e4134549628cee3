import Config
import Foundation
import InMemoryLogging
import Logging
import Spool
import State
import Testing
@testable import Poller

/// `HookQueue` on a real spool and state store, with real commands (`/bin/sh`)
/// and a test clock for the retry times.
@Suite struct HookQueueTests {
    /// A spool, its state, a clock and a log, in a temporary folder.
    final class World {
        let folder: String
        let spool: Spool
        let state: StateStore
        let clock = TestClock(DaemonWorld.start)
        let logs = InMemoryLogHandler()

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("feedspool-hooks-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            spool = Spool(path: folder + "/spool")
            state = try StateStore.open(folder: folder + "/state")
            try spool.recover(state: state)
        }

        deinit { try? FileManager.default.removeItem(atPath: folder) }

        /// Puts an article of `feed` into `new/`, as a delivery would; returns its file name.
        @discardableResult
        func deliver(_ feed: String, number: Int) throws -> String {
            let id = String(repeating: String(format: "%02x", number % 256), count: 32)
            let name = "20241130T120000Z-\(id.prefix(16)).json"
            let text = #"{"schema":1,"id":"\#(id)","kind":"new","feed":{"name":"\#(feed)","url":null},"title":"x"}"# + "\n"
            try text.write(toFile: spool.newFolder + "/" + name, atomically: false, encoding: .utf8)
            return name
        }

        /// A queue over feeds named with their hooks.
        func queue(_ hooks: [String: FeedHook], concurrency: Int = 4) -> HookQueue {
            let feeds = hooks.map { name, hook in
                var feed = try! ConfigLoader.load(path: configFile).feeds[0]
                feed.name = name
                feed.hook = hook
                return feed
            }
            return HookQueue(spool: spool, state: state, feeds: feeds, concurrency: concurrency, clock: clock,
                             log: Logger(label: "feedspool") { _ in self.logs })
        }

        /// A configuration with one feed, whose settings the queue's feeds start from.
        private var configFile: String {
            let path = folder + "/feeds.conf"
            if !FileManager.default.fileExists(atPath: path) {
                try! "https://example.org/feed.xml\n".write(toFile: path, atomically: true, encoding: .utf8)
            }
            return path
        }

        func files(_ subfolder: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: spool.path + "/" + subfolder).sorted()
        }

        func logged(_ level: Logger.Level) -> [String] {
            logs.entries.filter { $0.level == level }.map(\.message.description)
        }

        /// The lines the hooks appended to `log`.
        func hookLog() throws -> [String] {
            guard let text = try? String(contentsOfFile: folder + "/log", encoding: .utf8) else { return [] }
            return text.split(separator: "\n").map(String.init)
        }
    }

    /// A hook running `script` with `/bin/sh`, the article's path as `$1`.
    static func shell(_ script: String, timeout: Duration = .seconds(10), keep: Bool = false) -> FeedHook {
        FeedHook(command: HookCommand(words: ["/bin/sh", "-c", script, "hook"]), timeout: timeout, keep: keep)
    }

    @Test func aSucceedingHookGetsThePathAndEnvironmentAndItsFileIsRemovedOrKept() throws {
        let world = try World()
        let log = world.folder + "/log"
        let record = #"echo "$FEEDSPOOL_FEED $FEEDSPOOL_ARTICLE_ID $FEEDSPOOL_ATTEMPT $1" >> \#(log)"#
        let blog = try world.deliver("blog", number: 1)
        let kept = try world.deliver("kept", number: 2)
        let other = try world.deliver("other", number: 3)
        let queue = world.queue(["blog": Self.shell(record), "kept": Self.shell(record, keep: true)])
        queue.startDue()
        #expect(queue.finish() == HookQueue.Tally(succeeded: 2, failed: 0))
        #expect(try world.hookLog().sorted() == [
            "blog \(String(repeating: "01", count: 32)) 1 \(world.spool.claimedFolder)/\(blog)",
            "kept \(String(repeating: "02", count: 32)) 1 \(world.spool.claimedFolder)/\(kept)",
        ])
        // A feed without exec is the consumers'.
        #expect(try world.files("new") == [other])
        #expect(try world.files("cur") == [kept])
        #expect(try world.state.hookRuns().isEmpty)
    }

    @Test func aFailingHookReturnsTheFileToNewAndRetriesItAfterABackoff() throws {
        let world = try World()
        let log = world.folder + "/log"
        let file = try world.deliver("blog", number: 1)
        let script = #"echo "attempt $FEEDSPOOL_ATTEMPT" >> \#(log); echo "cannot reach the archive" >&2; exit 1"#
        func round() -> HookQueue.Tally {
            let queue = world.queue(["blog": Self.shell(script)])
            queue.startDue()
            return queue.finish()
        }
        #expect(round() == HookQueue.Tally(succeeded: 0, failed: 1))
        #expect(try world.files("new") == [file])
        #expect(try world.files("cur") == [])
        #expect(try world.state.hookRuns() == [HookRun(file: file, feed: "blog", failures: 1,
                                                       retryAfter: DaemonWorld.start.addingTimeInterval(60))])
        #expect(world.logged(.warning) == [
            "blog: exec: cannot reach the archive",
            "blog: exec failed (exit status 1) on \(file), failure 1: back in new/, tried again after 08:01 UTC",
        ])
        // Not before its time.
        #expect(round() == HookQueue.Tally())
        world.clock.advance(to: DaemonWorld.start.addingTimeInterval(60))
        #expect(round() == HookQueue.Tally(succeeded: 0, failed: 1))
        #expect(try world.state.hookRuns().first?.retryAfter == DaemonWorld.start.addingTimeInterval(60 + 120))
        #expect(try world.hookLog() == ["attempt 1", "attempt 2"])
    }

    @Test func theBackoffDoublesFromAMinuteToAnHour() {
        #expect((1...8).map { HookQueue.delay(afterFailures: $0) } == [60, 120, 240, 480, 960, 1920, 3600, 3600])
        #expect(HookQueue.delay(afterFailures: 1000) == 3600)
    }

    @Test func aHangingHookIsEndedAtItsTimeoutAndItsFileReturned() throws {
        let world = try World()
        let file = try world.deliver("blog", number: 1)
        let queue = world.queue(["blog": Self.shell("sleep 30", timeout: .seconds(1))])
        let started = ContinuousClock.now
        queue.startDue()
        #expect(queue.finish() == HookQueue.Tally(succeeded: 0, failed: 1))
        #expect(ContinuousClock.now - started < .seconds(6))
        #expect(try world.files("new") == [file])
        #expect(world.logged(.warning).last?.hasPrefix("blog: exec failed (still running after exec-timeout 1s: ended)") == true)
    }

    @Test func noMoreThanTheConcurrencyRunAtOnce() throws {
        let world = try World()
        for number in 1...6 { try world.deliver("blog", number: number) }
        let log = world.folder + "/log"
        let script = #"echo "start $(date +%s.%N)" >> \#(log); sleep 0.6; echo "stop $(date +%s.%N)" >> \#(log)"#
        let queue = world.queue(["blog": Self.shell(script)], concurrency: 2)
        queue.startDue()
        #expect(queue.finish() == HookQueue.Tally(succeeded: 6, failed: 0))
        let events = try world.hookLog().map { line in
            let parts = line.split(separator: " ")
            return (time: Double(parts[1])!, change: parts[0] == "start" ? 1 : -1)
        }.sorted { $0.time < $1.time }
        var running = 0, most = 0
        for event in events {
            running += event.change
            most = max(most, running)
        }
        #expect(events.count == 12)
        #expect(most == 2)
    }

    @Test func recoveryReturnsOnlyTheFilesFeedspoolClaimed() throws {
        let world = try World()
        // Claimed by feedspool, killed while its command ran.
        let running = try world.deliver("blog", number: 1)
        try world.state.recordHookRun(HookRun(file: running, feed: "blog", claimed: true))
        #expect(try world.spool.claim(running))
        // Recorded, killed before the rename.
        let recorded = try world.deliver("blog", number: 2)
        try world.state.recordHookRun(HookRun(file: recorded, feed: "blog", failures: 2, claimed: true))
        // Succeeded and removed, killed before the record was forgotten.
        try world.state.recordHookRun(HookRun(file: "20241130T120000Z-0303030303030303.json", feed: "blog", claimed: true))
        // A consumer's claim.
        let consumers = try world.deliver("blog", number: 4)
        #expect(try world.spool.claim(consumers))

        let queue = world.queue(["blog": Self.shell("exit 0")])
        #expect(try queue.recover() == 1)
        #expect(try world.files("new") == [running, recorded].sorted())
        #expect(try world.files("cur") == [consumers])
        #expect(try world.state.hookRuns() == [
            HookRun(file: running, feed: "blog"), HookRun(file: recorded, feed: "blog", failures: 2),
        ].sorted { $0.file < $1.file })
    }

    @Test func recoveryEndsTheCommandAKilledProcessLeftRunningOnTheFile() throws {
        let world = try World()
        let file = try world.deliver("blog", number: 1)
        #expect(try world.spool.claim(file))
        let orphan = RunningCommand(["sleep", "30"])
        let identity = try #require(HookProcess.identity(of: orphan.pid))
        try world.state.recordHookRun(HookRun(file: file, feed: "blog", claimed: true, process: identity))
        #expect(try world.queue(["blog": Self.shell("exit 0")]).recover() == 1)
        #expect(orphan.outcome().ending == .signalled(SIGKILL))
        #expect(try world.files("new") == [file])
        #expect(try world.state.hookRuns() == [HookRun(file: file, feed: "blog")])
    }

    @Test func aRecordWhoseFileAConsumerTookIsForgotten() throws {
        let world = try World()
        let file = try world.deliver("blog", number: 1)
        try world.state.recordHookRun(HookRun(file: file, feed: "blog", failures: 1,
                                              retryAfter: DaemonWorld.start.addingTimeInterval(60)))
        #expect(try world.spool.claim(file))
        let queue = world.queue(["blog": Self.shell("exit 0")])
        queue.startDue()
        #expect(queue.finish() == HookQueue.Tally())
        #expect(try world.state.hookRuns().isEmpty)
        #expect(try world.files("cur") == [file])
    }

    @Test func stoppingWaitsForTheRunningCommandAndStartsNoOther() throws {
        let world = try World()
        for number in 1...3 { try world.deliver("blog", number: number) }
        let log = world.folder + "/log"
        let queue = world.queue(["blog": Self.shell(#"sleep 0.5; echo "$1" >> \#(log)"#)], concurrency: 1)
        queue.startDue()
        usleep(200_000)
        queue.stop()
        #expect(try world.hookLog().count == 1)
        #expect(try world.files("new").count == 2)
        #expect(try world.files("cur") == [])
        queue.startDue()
        #expect(try world.files("new").count == 2)
    }
}
