import Foundation
import Testing

/// `feedspool status --json`: an array, one object per configured feed, with
/// what the last poll answered, why the next one is when it is, and counts.
@Suite struct StatusJSONTests {
    /// The objects `status --json` prints, by feed name, in file order.
    private func status(_ workspace: OnceWorkspace) async throws -> [(String, [String: Any])] {
        let result = try await CommandRunner.run(["status", "--json"], in: workspace.folder.url)
        #expect(result.status == 0)
        let array = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]])
        return array.map { ($0["name"] as? String ?? "", $0) }
    }

    @Test func eachFeedShowsItsLastAnswerTheReasonForItsNextPollAndItsCounts() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        let notes = workspace.url("/feeds/notes.rss")
        try workspace.configure("""
            \(notes) name=notes
            \(workspace.url("/status/404")) name=missing
            \(workspace.url("/status/503?retry-after=7200")) name=busy
            \(workspace.url("/status/410")) name=oldblog
            \(notes.replacingOccurrences(of: "http://", with: "http://reader:s3cret@"))?private name=private
            """)
        _ = try await workspace.once()
        _ = try await workspace.once(["notes", "missing"])
        try workspace.configure("""
            \(notes) name=notes
            \(workspace.url("/status/404")) name=missing
            \(workspace.url("/status/503?retry-after=7200")) name=busy
            \(workspace.url("/status/410")) name=oldblog
            \(notes.replacingOccurrences(of: "http://", with: "http://reader:s3cret@"))?private name=private
            \(workspace.url("/feeds/later.rss")) name=later
            """)

        let feeds = try await status(workspace)
        #expect(feeds.map(\.0) == ["notes", "missing", "busy", "oldblog", "private", "later"])
        let byName = Dictionary(uniqueKeysWithValues: feeds)
        let expectedKeys: Set<String> = [
            "name", "url", "last_poll", "result", "http_status", "last_error", "failures", "next_poll",
            "next_poll_reason", "delivered_total", "last_new", "last_updated", "polls", "not_modified",
            "not_modified_percent", "template_last", "template_total", "quarantined_until",
            "exec_failed", "exec_next_try",
        ]
        #expect(feeds.allSatisfy { Set($0.1.keys) == expectedKeys })

        let polled = try #require(byName["notes"])
        #expect(polled["url"] as? String == notes)
        #expect(polled["result"] as? String == "not modified")
        #expect(polled["http_status"] as? Int == 304)
        #expect(polled["last_error"] is NSNull)
        #expect(polled["failures"] as? Int == 0)
        #expect(polled["next_poll_reason"] as? String == "interval")
        #expect((polled["last_poll"] as? String ?? "") < (polled["next_poll"] as? String ?? ""))
        #expect(polled["delivered_total"] as? Int == 3)
        #expect(polled["last_new"] as? Int == 0)
        #expect(polled["polls"] as? Int == 2)
        #expect(polled["not_modified"] as? Int == 1)
        #expect(polled["not_modified_percent"] as? Int == 50)
        #expect(polled["template_last"] as? Int == 0)
        #expect(polled["template_total"] as? Int == 0)
        #expect(polled["quarantined_until"] is NSNull)

        let missing = try #require(byName["missing"])
        #expect(missing["http_status"] as? Int == 404)
        #expect(missing["last_error"] as? String == "HTTP 404")
        #expect(missing["failures"] as? Int == 2)
        #expect(missing["next_poll_reason"] as? String == "backoff")
        #expect(missing["delivered_total"] as? Int == 0)

        let busy = try #require(byName["busy"])
        #expect(busy["http_status"] as? Int == 503)
        #expect(busy["next_poll_reason"] as? String == "retry-after")

        let gone = try #require(byName["oldblog"])
        #expect(gone["http_status"] as? Int == 410)
        #expect(gone["next_poll_reason"] as? String == "gone")
        #expect(gone["next_poll"] is NSNull)

        // The credentials in feeds.conf are not shown.
        let secret = try #require(byName["private"])
        #expect(secret["url"] as? String == notes + "?private")
        #expect(secret["delivered_total"] as? Int == 3)

        let later = try #require(byName["later"])
        #expect(later["next_poll_reason"] as? String == "never polled")
        #expect(later["last_poll"] is NSNull && later["result"] is NSNull && later["http_status"] is NSNull)
        #expect(later["polls"] as? Int == 0)
        #expect(later["not_modified_percent"] is NSNull)
    }

    @Test func withoutStateEveryFeedIsNeverPolled() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.configure("""
            https://user:pw@example.org/feed.xml name=blog
            https://example.org/plain.xml name=plain template=no
            """)
        let result = try await CommandRunner.run(["status", "--json"], in: workspace.folder.url)
        // A feed that learns no template has no template counts.
        #expect(result.stdout == """
            [
            {"name":"blog","url":"https://example.org/feed.xml","last_poll":null,"result":null,"http_status":null,\
            "last_error":null,"failures":0,"next_poll":null,"next_poll_reason":"never polled","delivered_total":0,\
            "last_new":0,"last_updated":0,"polls":0,"not_modified":0,"not_modified_percent":null,"template_last":0,\
            "template_total":0,"quarantined_until":null,"exec_failed":0,"exec_next_try":null}
            ,{"name":"plain","url":"https://example.org/plain.xml","last_poll":null,"result":null,"http_status":null,\
            "last_error":null,"failures":0,"next_poll":null,"next_poll_reason":"never polled","delivered_total":0,\
            "last_new":0,"last_updated":0,"polls":0,"not_modified":0,"not_modified_percent":null,"template_last":null,\
            "template_total":null,"quarantined_until":null,"exec_failed":0,"exec_next_try":null}
            ]

            """)
        #expect(result.stderrLines.count == 1)
    }
}
