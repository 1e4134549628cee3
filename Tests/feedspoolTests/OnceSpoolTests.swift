import Foundation
import Testing

/// `feedspool once` when the spool cannot be written, and after a run that
/// died half-way through a delivery: nothing is marked seen that is not in
/// `new/`, and the next run delivers what is missing, exactly once.
@Suite struct OnceSpoolTests {
    static let notesGuids = OnceDeliveryTests.notesGuids

    // MARK: - An unwritable spool

    @Test func aSpoolThatCannotBeCreatedStopsTheRunBeforeAnyFetch() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        // As root, chmod does not stop feedspool; a file in the way does.
        let blocker = try workspace.folder.write("blocker", "not a folder\n")
        try workspace.folder.write("feeds.conf", """
            spool = blocker/spool
            state = state
            \(workspace.url("/feeds/notes.rss")) name=notes

            """)
        let result = try await workspace.once()
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: cannot create folder \(blocker)/spool: Not a directory\n")
        // Nothing is fetched that could not be delivered.
        #expect(try workspace.server.requests().isEmpty)

        try FileManager.default.removeItem(atPath: blocker)
        let fixed = try await workspace.once()
        #expect(fixed.status == 0)
        #expect(fixed.stderr == "")
        let delivered = try FileManager.default.contentsOfDirectory(atPath: blocker + "/spool/new")
        #expect(delivered.count == 3)
    }

    /// Whether this process may make a private mount namespace and mount in
    /// it (root with CAP_SYS_ADMIN, `unshare` installed): the read-only
    /// spool is a read-only bind mount only the feedspool child sees, gone
    /// when it exits.
    static let canMountPrivately: Bool = {
        guard let folder = try? TemporaryFolder() else { return false }
        let probe = try? CommandRunner.runWaiting(
            ["-m", "--propagation", "private", "sh", "-c", #"mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1""#,
             "sh", folder.url.path],
            executable: URL(fileURLWithPath: "/usr/bin/unshare"))
        return probe?.status == 0
    }()

    @Test(.enabled(if: canMountPrivately, "needs unshare -m and mount (root with CAP_SYS_ADMIN) for a read-only spool"))
    func aReadOnlySpoolFailsTheFeedNamingThePathAndMarksNothingSeen() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/releases.atom")) name=releases
            """)
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                at: workspace.spool.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let script = #"mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" "$1" && exec "$2" once --quiet"#
        let result = try await CommandRunner.run(
            ["-m", "--propagation", "private", "sh", "-c", script, "sh", workspace.spool.path, CommandRunner.binary.path],
            in: workspace.folder.url, environment: OnceWorkspace.loopbackOnly,
            executable: URL(fileURLWithPath: "/usr/bin/unshare"))
        #expect(result.status == 1)
        let tmp = NSRegularExpression.escapedPattern(for: workspace.spool.path + "/tmp/")
        let line = try Regex("feedspool: (notes|releases): cannot write \(tmp)\\d{8}T\\d{6}Z-[0-9a-f]{16}\\.json: Read-only file system")
        #expect(result.stderrLines.count == 2)
        #expect(result.stderrLines.allSatisfy { $0.wholeMatch(of: line) != nil })
        #expect(Set(result.stderrLines.map { $0.split(separator: ":")[1] }) == [" notes", " releases"])
        #expect(try workspace.newFileNames() == [])
        #expect(try workspace.temporaryFileNames() == [])

        // Writable again: everything comes, fetched whole (no validators
        // were kept, so no 304 can hide the entries).
        let fixed = try await workspace.once()
        #expect(fixed.status == 0)
        #expect(fixed.stderr == "")
        #expect(try workspace.articles().compactMap(\.feedName).sorted()
            == ["notes", "notes", "notes", "releases", "releases"])
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").map { $0.headers["if-none-match"] } == [nil, nil])
    }

    // MARK: - Recovery

    /// Where the run dies (`FEEDSPOOL_CRASH_AT`), and what it leaves in
    /// `new/` and `tmp/` for a feed of three entries.
    struct Crash: Sendable, CustomTestStringConvertible {
        var point: String
        var inNew: Int
        var inTmp: Int
        var testDescription: String { "FEEDSPOOL_CRASH_AT=\(point)" }
    }

    static let crashes = [
        Crash(point: "tmpfile:2", inNew: 0, inTmp: 2),  // half-way through writing
        Crash(point: "1:1", inNew: 0, inTmp: 3),        // written and synced, not yet recorded
        Crash(point: "2:1", inNew: 0, inTmp: 3),        // recorded as pending
        Crash(point: "rename:2", inNew: 2, inTmp: 1),   // half-way through the renames
        Crash(point: "3:1", inNew: 3, inTmp: 0),        // all in new/, not yet seen
        Crash(point: "4:1", inNew: 3, inTmp: 0),        // seen, feed state not recorded
    ]

    @Test(arguments: crashes)
    func aRunKilledMidDeliveryIsFinishedByTheNextExactlyOnce(crash: Crash) async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        let killed = try await workspace.once(environment: ["FEEDSPOOL_CRASH_AT": crash.point])
        #expect(killed.status == 137)
        #expect(killed.stderr == "")
        #expect(try workspace.newFileNames().count == crash.inNew)
        #expect(try workspace.temporaryFileNames().count == crash.inTmp)

        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "")
        try await expectNotesOnce(in: workspace)

        let third = try await workspace.once()
        #expect(third.status == 0)
        try await expectNotesOnce(in: workspace)
    }

    @Test func aRunKilledWhileRecoveringIsRecoveredByTheNext() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=notes")
        #expect(try await workspace.once(environment: ["FEEDSPOOL_CRASH_AT": "2:1"]).status == 137)
        // Recovery renames the three files; die after the first.
        #expect(try await workspace.once(environment: ["FEEDSPOOL_CRASH_AT": "rename:1"]).status == 137)
        #expect(try workspace.newFileNames().count == 1)

        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "")
        try await expectNotesOnce(in: workspace)
    }

    @Test func aRunKilledBySIGKILLWhileAFeedDripsLeavesTheStateUsable() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.serve("weekly.rss")
        try workspace.setDripping(true, for: "weekly.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes
            \(workspace.url("/feeds/weekly.rss")) name=weekly timeout=5m
            """)
        let command = try backgroundCommand(["once"], in: workspace.folder.url, environment: OnceWorkspace.loopbackOnly)
        // Wait for notes to be delivered while weekly still drips; the
        // deadline only keeps a broken build from hanging the suite.
        _ = try await eventually(within: 120) { try workspace.newFileNames().count >= 3 || !command.isRunning }
        #expect(command.isRunning, "feedspool ended before it could be killed")
        command.send(SIGKILL)
        let ending = await command.ending()
        #expect(ending.reason == .uncaughtSignal)
        #expect(ending.status == SIGKILL)
        try await expectNotesOnce(in: workspace)

        // The lock died with the process; the next run delivers weekly alone.
        try workspace.setDripping(false, for: "weekly.rss")
        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "")
        #expect(try workspace.articles().compactMap(\.feedName).sorted()
            == ["notes", "notes", "notes", "weekly", "weekly", "weekly", "weekly"])
    }

    /// `new/` holds each of the three notes exactly once, and `tmp/` nothing.
    private func expectNotesOnce(in workspace: OnceWorkspace, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let notes = try workspace.articles().filter { $0.feedName == "notes" }
        #expect(notes.compactMap(\.guid).sorted() == Self.notesGuids.sorted(), sourceLocation: sourceLocation)
        var ids: [String] = []
        for guid in Self.notesGuids { ids.append(try await articleID(feed: "notes", key: guid)) }
        #expect(notes.compactMap(\.id).sorted() == ids.sorted(), sourceLocation: sourceLocation)
        #expect(try workspace.temporaryFileNames() == [], sourceLocation: sourceLocation)
    }
}
