import Foundation
import Testing

/// Feeds that fail: each is named on stderr with its reason, in one line,
/// the run exits 1, and the other feeds are delivered all the same. The
/// next run shows what the failure left behind: nothing marked seen, no
/// validators stored, and a `Retry-After` or a 410 remembered.
@Suite struct OnceFailureTests {
    /// A workspace polling `releases.atom` (two entries, always fine) and
    /// then the failing feed `line`.
    private func workspace(failing line: (OnceWorkspace) -> String) async throws -> OnceWorkspace {
        let workspace = try await OnceWorkspace()
        try workspace.serve("releases.atom")
        try workspace.configure("""
            \(workspace.url("/feeds/releases.atom")) name=releases
            \(line(workspace))
            """)
        return workspace
    }

    /// Runs once and checks the common outcome: exit 1, exactly `error` on
    /// stderr, and the two releases delivered.
    private func expectOnlyFailure(_ error: String, in workspace: OnceWorkspace,
                                   sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await workspace.once()
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == "feedspool: \(error)\n", sourceLocation: sourceLocation)
        #expect(try workspace.articles().compactMap(\.feedName) == ["releases", "releases"],
                sourceLocation: sourceLocation)
    }

    /// Runs once more and checks that the failure repeats, after a new
    /// request for `path` (when given), and that nothing new was delivered.
    private func expectSameFailureNextRun(_ error: String, path: String?, in workspace: OnceWorkspace,
                                          sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let delivered = try workspace.newFileNames()
        let next = try await workspace.once()
        #expect(next.status == 1, sourceLocation: sourceLocation)
        #expect(next.stderr == "feedspool: \(error)\n", sourceLocation: sourceLocation)
        #expect(try workspace.newFileNames() == delivered, sourceLocation: sourceLocation)
        if let path {
            #expect(try workspace.server.requests(for: path).count == 2, sourceLocation: sourceLocation)
        }
    }

    // MARK: - HTTP statuses

    @Test func aMissingFeedFailsAloneAndIsDeliveredWhenItIsBack() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/notes.rss")) name=notes" }
        try workspace.serve("notes.rss")
        try workspace.setStatus("404", for: "notes.rss")
        try await expectOnlyFailure("notes: HTTP 404", in: workspace)

        try workspace.setStatus(nil, for: "notes.rss")
        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "")
        #expect(try workspace.articles().compactMap(\.feedName).sorted()
            == ["notes", "notes", "notes", "releases", "releases"])
    }

    @Test func aServerErrorFailsTheFeedAndTheNextRunTriesAgain() async throws {
        let workspace = try await workspace { "\($0.url("/status/500")) name=flaky" }
        try await expectOnlyFailure("flaky: HTTP 500", in: workspace)
        try await expectSameFailureNextRun("flaky: HTTP 500", path: "/status/500", in: workspace)
    }

    @Test func aGoneFeedIsSkippedByLaterRunsUntilItIsNamed() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/notes.rss")) name=oldblog" }
        try workspace.serve("notes.rss")
        let first = try await workspace.once()
        #expect(first.status == 0)
        #expect(try workspace.consume().count == 5)

        try workspace.setStatus("410", for: "notes.rss")
        let gone = try await workspace.once()
        #expect(gone.status == 1)
        #expect(gone.stderr
            == "feedspool: oldblog: HTTP 410 Gone: the feed was removed; it is polled again only when named\n")
        #expect(try workspace.newFileNames() == [])

        // Even once the server has it again, a run over all feeds skips it.
        try workspace.setStatus(nil, for: "notes.rss")
        let skipped = try await workspace.once()
        #expect(skipped.status == 1)
        #expect(skipped.stderr == "feedspool: oldblog: skipped: gone (HTTP 410); name it to poll it again\n")
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 2)

        // Named, it is polled; unchanged since before it went, it answers 304.
        let named = try await workspace.once(["oldblog"])
        #expect(named.status == 0)
        #expect(named.stderr == "")
        let requests = try workspace.server.requests(for: "/feeds/notes.rss")
        #expect(requests.count == 3)
        #expect(requests.last?.headers["if-none-match"] != nil)

        // Back in the normal rotation.
        let all = try await workspace.once()
        #expect(all.status == 0)
        #expect(all.stderr == "")
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 4)
        #expect(try workspace.newFileNames() == [])
    }

    @Test func tooManyRequestsWithRetryAfterSecondsIsSkippedUntilThen() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/notes.rss")) name=busy" }
        try workspace.serve("notes.rss")
        try workspace.setStatus("429 3600", for: "notes.rss")
        let before = Date()
        let result = try await workspace.once()
        let after = Date()
        #expect(result.status == 1)
        // An hour from when the response came, in the minute it came.
        let minutes = Set([before, after].map { utcHoursAndMinutes($0.addingTimeInterval(3600)) })
        let line = try #require(result.stderrLines.first)
        let time = String(line.suffix("HH:MM UTC".count).prefix(5))
        #expect(minutes.contains(time))
        #expect(result.stderr == "feedspool: busy: HTTP 429, retrying after \(time) UTC\n")
        #expect(try workspace.articles().compactMap(\.feedName) == ["releases", "releases"])

        // The server would answer now, but it asked to wait: not even asked.
        try workspace.setStatus(nil, for: "notes.rss")
        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "feedspool: busy: skipped: the server asked to wait until \(time) UTC\n")
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
        #expect(try workspace.newFileNames().count == 2)
    }

    @Test func unavailableWithRetryAfterDateIsSkippedUntilThenEvenWhenNamed() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/notes.rss")) name=down" }
        try workspace.serve("notes.rss")
        // Two hours from now, on a whole minute, as an HTTP date.
        let seconds = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 + 7200
        let until = Date(timeIntervalSince1970: seconds)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        try workspace.setStatus("503 " + formatter.string(from: until), for: "notes.rss")
        let time = utcHoursAndMinutes(until)
        try await expectOnlyFailure("down: HTTP 503, retrying after \(time) UTC", in: workspace)

        try workspace.setStatus(nil, for: "notes.rss")
        let next = try await workspace.once(["down"])
        #expect(next.status == 0)
        #expect(next.stderr == "feedspool: down: skipped: the server asked to wait until \(time) UTC\n")
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
        #expect(try workspace.newFileNames().count == 2)
    }

    // MARK: - Redirects

    @Test func aRedirectToAFileURLIsRefused() async throws {
        let workspace = try await workspace { "\($0.url("/to-file")) name=sneaky" }
        let error = "sneaky: redirect refused: file:///etc/passwd is not an http or https URL"
        try await expectOnlyFailure(error, in: workspace)
        try await expectSameFailureNextRun(error, path: "/to-file", in: workspace)
    }

    @Test func aRedirectToGopherIsRefused() async throws {
        let workspace = try await workspace { "\($0.url("/to-gopher")) name=retro" }
        let error = "retro: redirect refused: gopher://127.0.0.1:\(workspace.server.port)/ is not an http or https URL"
        try await expectOnlyFailure(error, in: workspace)
        try await expectSameFailureNextRun(error, path: "/to-gopher", in: workspace)
    }

    @Test func aRedirectLoopFails() async throws {
        let workspace = try await workspace { "\($0.url("/loop")) name=dizzy" }
        let error = "dizzy: too many redirects: more than 5, or a loop"
        try await expectOnlyFailure(error, in: workspace)
        try await expectSameFailureNextRun(error, path: nil, in: workspace)
    }

    // MARK: - Bodies that are no feed

    @Test func anHTMLPageFailsListingTheFeedsItAdvertises() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/page.html")) name=homepage" }
        try workspace.serve("page.html")
        // Relative links resolve against the URL the page came from.
        let error = "homepage: not a feed: this is an HTML page; it advertises: "
            + "\(workspace.url("/feed/")) \(workspace.url("/comments/feed/")) https://nightshift.example.net/feed/atom/"
        try await expectOnlyFailure(error, in: workspace)
        try await expectSameFailureNextRun(error, path: "/feeds/page.html", in: workspace)
    }

    @Test func xmlBrokenBeyondRecoveryFailsAndIsFetchedWholeNextTime() async throws {
        let workspace = try await workspace { "\($0.url("/feeds/broken.xml")) name=halfdeploy" }
        try workspace.serve("broken.xml")
        let error = "halfdeploy: not a feed: malformed XML at line 2: StartTag: invalid element name"
        try await expectOnlyFailure(error, in: workspace)
        // No validators were kept from the failed poll: no 304 hides the problem.
        try await expectSameFailureNextRun(error, path: "/feeds/broken.xml", in: workspace)
        #expect(try workspace.server.requests(for: "/feeds/broken.xml").last?.headers["if-none-match"] == nil)
    }

    @Test func aBodyOverMaxSizeIsCutAsTooLarge() async throws {
        let workspace = try await workspace { "\($0.url("/endless")) name=firehose max-size=64k" }
        let error = "firehose: too large: the body is over the limit of 65536 bytes"
        try await expectOnlyFailure(error, in: workspace)
        try await expectSameFailureNextRun(error, path: "/endless", in: workspace)
    }

    // MARK: - Slow servers

    @Test func aDrippingBodyTimesOutWithoutHoldingUpTheOthers() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("releases.atom")
        try workspace.serve("weekly.rss")
        try workspace.serve("notes.rss")
        try workspace.setDripping(true, for: "notes.rss")
        try workspace.configure("""
            \(workspace.url("/feeds/notes.rss")) name=notes timeout=5s
            \(workspace.url("/feeds/releases.atom")) name=releases
            \(workspace.url("/feeds/weekly.rss")) name=weekly
            """)
        let result = try await workspace.once()
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 1)
        #expect(result.stderr.wholeMatch(of: /feedspool: notes: timed out: Operation timed out after \d+ milliseconds with \d+ out of 1000 bytes received\n/) != nil)
        let articles = try workspace.articles()
        #expect(articles.compactMap(\.feedName).sorted() == ["releases", "releases", "weekly", "weekly", "weekly", "weekly"])
        // The others were in new/ before the dripping transfer ended.
        // The server notices the hang-up at its next byte; the deadline only
        // keeps a broken server from hanging the suite.
        var closed: FeedServer.Request?
        _ = try await eventually {
            closed = try workspace.server.requests().first { $0.event == "closed" }
            return closed != nil
        }
        let drip = try #require(closed, "the server never saw the dripping transfer end")
        for article in articles {
            let attributes = try FileManager.default.attributesOfItem(
                atPath: workspace.newFolder.appendingPathComponent(article.name).path)
            let written = try #require(attributes[.modificationDate] as? Date)
            #expect(written.timeIntervalSince1970 < drip.time, "\(article.name) was written after the drip ended")
        }

        try workspace.setDripping(false, for: "notes.rss")
        let next = try await workspace.once()
        #expect(next.status == 0)
        #expect(next.stderr == "")
        #expect(try workspace.newFileNames().count == 6 + 3)
    }

    // MARK: - Several at once

    @Test func everyFailingFeedIsNamedOnItsOwnLine() async throws {
        let workspace = try await workspace { workspace in
            """
            \(workspace.url("/status/404")) name=missing
            \(workspace.url("/status/500")) name=flaky
            \(workspace.url("/loop")) name=dizzy
            """
        }
        let result = try await workspace.once()
        #expect(result.status == 1)
        #expect(result.stderrLines.count == 3)
        #expect(Set(result.stderrLines) == [
            "feedspool: missing: HTTP 404",
            "feedspool: flaky: HTTP 500",
            "feedspool: dizzy: too many redirects: more than 5, or a loop",
        ])
        #expect(try workspace.articles().compactMap(\.feedName) == ["releases", "releases"])
    }
}
