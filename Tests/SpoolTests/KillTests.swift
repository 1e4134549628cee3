import Foundation
import Spool
import State
import TestSupport
import Testing

/// Exactly once, whenever the process dies: a child process (`spool-torture`)
/// delivers batches into a real spool and state store and is killed, by
/// SIGKILL at varied moments and by `FEEDSPOOL_CRASH_AT` at every step of
/// the protocol; each restart recovers and carries on. At the end every
/// article of the input is in `new/` exactly once.
///
/// Nothing here depends on timing: delays only decide where kills land,
/// and every assertion is about the spool's final content.
@Suite("Exactly once under kill -9")
struct KillTests {
    /// The child's input: feeds × a window of entries sliding by `step`,
    /// delivered `group` feeds to a batch (1: one feed a batch, through
    /// `Spool.deliver(_:feed:state:now:)`).
    struct Input {
        var feeds = 4, rounds = 6, window = 6, step = 2, group = 1
        var arguments: [String] {
            ["feeds=\(feeds)", "rounds=\(rounds)", "window=\(window)", "step=\(step)", "group=\(group)"]
        }
        /// One feed a batch, or two batches of three feeds a round.
        static func batches(of group: Int) -> Input { group == 1 ? Input() : Input(feeds: 6, group: group) }
        var articleCount: Int { feeds * ((rounds - 1) * step + window) }
    }

    /// The `spool-torture` binary `swift build` put beside the test bundle.
    static let binary: String = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("spool-torture").path),
              folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("spool-torture").path
    }()

    // MARK: - Crash points

    /// Each step of the protocol, and the middle of steps 1 and 3 (after
    /// the first, third or fifth file; in a batch of three feeds the tenth
    /// file is the second feed's), at the first and a later batch.
    static let crashPoints = [
        "tmpfile:1", "tmpfile:3", "tmpfile:10", "1:1", "1:3", "2:1", "2:4",
        "rename:1", "rename:5", "rename:10", "3:1", "3:4", "4:1", "4:4",
    ]

    @Test(arguments: crashPoints, [1, 3])
    func crashAtProtocolStepLosesAndDuplicatesNothing(point: String, group: Int) async throws {
        let folder = try Self.scratchFolder()
        let input = Input.batches(of: group)
        let crashed = try await runChild(folder, input, crashAt: point)
        #expect(crashed.status == 137, "FEEDSPOOL_CRASH_AT=\(point) was not reached")
        let pending = try Self.pendingCount(folder)
        switch point.split(separator: ":")[0] {
        case "2", "rename", "3": #expect(pending > 0)
        default: #expect(pending == 0)
        }
        let finished = try await runChild(folder, input)
        #expect(finished.status == 0 && finished.output.hasSuffix("done\n"))
        try await expectEveryArticleOnce(folder, input)
    }

    @Test(arguments: [1, 3])
    func crashesDuringRecoveryAreRecoveredToo(group: Int) async throws {
        let folder = try Self.scratchFolder()
        let input = Input.batches(of: group)
        // The first run leaves stray files in tmp/; the later ones die in
        // the recovery of what the previous one left, or in the batches after it.
        for point in ["1:3", "tmpfile:1", "2:1", "rename:1", "3:1", "2:2", "4:1", "rename:2", "4:1"] {
            let crashed = try await runChild(folder, input, crashAt: point)
            #expect(crashed.status == 137, "FEEDSPOOL_CRASH_AT=\(point) was not reached")
        }
        #expect(try await runChild(folder, input).status == 0)
        try await expectEveryArticleOnce(folder, input)
    }

    @Test(arguments: [1, 3])
    func consumerClaimingBetweenCrashesSeesEveryArticleOnce(group: Int) async throws {
        let folder = try Self.scratchFolder()
        let input = Input.batches(of: group)
        let spool = Spool(path: folder.path + "/spool")
        var consumed: [String] = []
        // After each crash a consumer claims what is in new/ (some of it
        // delivered by a batch whose last step never ran), reads it and
        // deletes it, as the documented consumer does.
        func consume() throws {
            for name in files(in: spool.newFolder) {
                try FileManager.default.moveItem(atPath: spool.newFolder + "/" + name, toPath: spool.claimedFolder + "/" + name)
                let data = try Data(contentsOf: URL(fileURLWithPath: spool.claimedFolder + "/" + name))
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                consumed.append(try #require(object["id"] as? String))
                try FileManager.default.removeItem(atPath: spool.claimedFolder + "/" + name)
            }
        }
        for point in ["3:1", "rename:2", "4:1", "3:2", "2:1", "rename:1", "3:1", "1:2", "4:2", "3:1"] {
            #expect(try await runChild(folder, input, crashAt: point).status == 137, "FEEDSPOOL_CRASH_AT=\(point) was not reached")
            try consume()
        }
        #expect(try await runChild(folder, input).status == 0)
        try consume()
        let expected = try await runOffPool(Self.binary, ["--expect"] + input.arguments).output.split(separator: "\n").map(String.init)
        #expect(consumed.count == expected.count, "consumed \(consumed.count) of \(expected.count)")
        #expect(consumed.sorted() == expected.sorted())
    }

    // MARK: - SIGKILL

    @Test(arguments: [1, 4])
    func fortyKillsAtVariedMomentsLoseAndDuplicateNothing(group: Int) async throws {
        // On a real disk, where the protocol's fsyncs take the time they
        // take in production, so random kills land inside it. With `group`
        // 4 each round is one batch of all four feeds, so there are more
        // rounds for the kills to land in before the input runs out.
        let folder = try TemporaryFolder()
        let input = Input(feeds: 4, rounds: group == 1 ? 30 : 100, window: 6, step: 2, group: group)
        let kills = 40
        var random = SplitMix64(seed: 20_241_130)
        var timing = ChildTiming()
        var landed: [String: Int] = [:]
        for kill in 0..<kills {
            // Most kills go a random moment into the first to third batch of
            // the run; every fifth goes into start-up, where recovery runs.
            let fraction = Double(random.next() % 1000) / 1000
            let aim: KillAim = kill % 5 == 4
                ? .startUp(delay: timing.startUp * 1.5 * fraction)
                : .batch(skipping: Int(random.next() % 3), delay: timing.batch * 1.5 * fraction)
            landed[try await runChildAndKill(folder, input, aim: aim, timing: &timing), default: 0] += 1
            // A consumer claims what is in new/, some of it from the batch
            // just interrupted, so that a file delivered again under the
            // same name cannot hide by replacing itself.
            let spool = Spool(path: folder.path + "/spool")
            for name in files(in: spool.newFolder) {
                // A name already claimed means a second delivery; it is kept
                // aside under another name for the final count to report.
                var target = spool.claimedFolder + "/" + name
                while FileManager.default.fileExists(atPath: target) { target += ".again" }
                try FileManager.default.moveItem(atPath: spool.newFolder + "/" + name, toPath: target)
            }
        }
        let finished = try await runChild(folder, input)
        #expect(finished.status == 0 && finished.output.hasSuffix("done\n"))
        try await expectEveryArticleOnce(folder, input)
        print("kill -9 test, \(group) feeds a batch: \(kills) kills landed " + landed.sorted { $0.key < $1.key }
            .map { "\($0.value) \($0.key)" }.joined(separator: ", "))
    }

    /// Where a kill is aimed.
    enum KillAim {
        /// `delay` seconds after the child starts.
        case startUp(delay: Double)
        /// `delay` seconds after the child announces a batch, passing over
        /// the first `skipping` batches of the run.
        case batch(skipping: Int, delay: Double)
    }

    /// How long the child's phases take on this machine now, as moving
    /// averages; kills are spread over these spans.
    struct ChildTiming {
        var startUp = 0.01
        var batch = 0.01

        mutating func record(startUp seconds: Double) { startUp = startUp * 0.7 + seconds * 0.3 }
        mutating func record(batch seconds: Double) { batch = batch * 0.7 + seconds * 0.3 }
    }

    /// Starts the child, sends SIGKILL where `aim` says, and says where in
    /// the protocol the kill left the state (read from the state store).
    private func runChildAndKill(_ folder: ScratchFolder, _ input: Input, aim: KillAim,
                                 timing: inout ChildTiming) async throws -> String {
        // On a thread of its own: the child's run is waited for, and Swift's
        // cooperative pool, one thread per core, stays free for other tests.
        let arguments = [folder.path + "/spool", folder.path + "/state"] + input.arguments
        let (end, measured) = try await onOwnThread { [timing] in
            var measured = timing
            return (try Self.runAndKill(arguments, aim: aim, timing: &measured), measured)
        }
        timing = measured
        if end.reason == .exit {
            #expect(end.status == 0)
            return "after the child finished"
        }
        if try Self.pendingCount(folder) > 0 { return "between steps 2 and 4" }
        if !files(in: folder.path + "/spool/tmp").isEmpty { return "in step 1" }
        if case .startUp = aim { return "in start-up with nothing pending" }
        return "outside a batch"
    }

    /// Runs the child with `arguments` and sends SIGKILL where `aim` says;
    /// how it ended.
    private static func runAndKill(_ arguments: [String], aim: KillAim, timing: inout ChildTiming)
        throws -> (reason: Process.TerminationReason, status: Int32)
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        switch aim {
        case .startUp(let delay):
            usleep(useconds_t(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            _ = output.fileHandleForReading.readDataToEndOfFile()
        case .batch(let skipping, let delay):
            var buffer = ""
            var batches = 0
            var lastBatch: Date?
            reading: while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                buffer += String(decoding: data, as: UTF8.self)
                while let newline = buffer.firstIndex(of: "\n") {
                    let line = buffer[..<newline]
                    buffer = String(buffer[buffer.index(after: newline)...])
                    let now = Date()
                    if line.hasPrefix("recovered") { timing.record(startUp: now.timeIntervalSince(started)) }
                    guard line.hasPrefix("batch ") else { continue }
                    if let lastBatch { timing.record(batch: now.timeIntervalSince(lastBatch)) }
                    lastBatch = now
                    batches += 1
                    if batches > skipping {
                        usleep(useconds_t(delay * 1_000_000))
                        kill(process.processIdentifier, SIGKILL)
                        break reading
                    }
                }
            }
            _ = output.fileHandleForReading.readDataToEndOfFile()
        }
        process.waitUntilExit()
        return (process.terminationReason, process.terminationStatus)
    }

    // MARK: - Helpers

    /// A tmpfs when this process may mount one, else a folder under /tmp.
    /// A kill -9 leaves the page cache intact, so the file system changes
    /// nothing of what is tested; a tmpfs only makes the fsyncs free, which
    /// keeps the test quick on a busy disk.
    static func scratchFolder() throws -> ScratchFolder {
        if let memory = try SmallFileSystem(size: "64m") { return memory }
        return try TemporaryFolder()
    }

    private func runChild(_ folder: ScratchFolder, _ input: Input, crashAt: String? = nil) async throws
        -> (status: Int32, output: String)
    {
        var environment = ProcessInfo.processInfo.environment
        environment["FEEDSPOOL_CRASH_AT"] = crashAt
        return try await runOffPool(Self.binary, [folder.path + "/spool", folder.path + "/state"] + input.arguments,
                                    environment: environment)
    }

    private static func pendingCount(_ folder: ScratchFolder) throws -> Int {
        // Opened and closed at once: the store's lock must be free when the child restarts.
        try StateStore.open(folder: folder.path + "/state").pendingCount()
    }

    /// Every article of the input is in `new/` (or claimed into `cur/`)
    /// exactly once, under the name its id gives, and nothing is left half-way.
    private func expectEveryArticleOnce(_ folder: ScratchFolder, _ input: Input) async throws {
        let spool = Spool(path: folder.path + "/spool")
        let expected = try await runOffPool(Self.binary, ["--expect"] + input.arguments).output.split(separator: "\n").map(String.init)
        #expect(expected.count == input.articleCount)
        #expect(Set(expected).count == expected.count)
        var seen: [String: Int] = [:]
        let paths = files(in: spool.newFolder).map { spool.newFolder + "/" + $0 }
            + files(in: spool.claimedFolder).map { spool.claimedFolder + "/" + $0 }
        for path in paths {
            let name = URL(fileURLWithPath: path).lastPathComponent
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is not JSON")
            let id = try #require(object["id"] as? String)
            #expect(name.hasSuffix("-\(id.prefix(16)).json"), "\(name) is not named by its id, or is a second delivery")
            seen[id, default: 0] += 1
        }
        let duplicates = seen.filter { $0.value > 1 }
        let missing = Set(expected).subtracting(seen.keys)
        let unexpected = Set(seen.keys).subtracting(expected)
        #expect(duplicates.isEmpty, "delivered twice: \(duplicates.keys.sorted())")
        #expect(missing.isEmpty, "never delivered: \(missing.sorted())")
        #expect(unexpected.isEmpty, "not in the input: \(unexpected.sorted())")
        #expect(files(in: spool.temporaryFolder).isEmpty)
        #expect(try Self.pendingCount(folder) == 0)
    }
}
