import Foundation
import Testing

/// `feedspool clean` as a script sees it: text, HTML or JSON on stdout.
@Suite struct CleanCommandTests {
    static let fragment = """
        <p>Rotate the key, then reload.</p>
        <p><a href="/docs/tls?utm_source=feed&amp;page=2">Read the docs</a> first.</p>
        <div class="sharedaddy sd-sharing-enabled"><h3>Share this:</h3><ul><li><a href="https://x.example/share">Share</a></li></ul></div>
        <h3>Leave a Reply</h3>
        <p>Your email address will not be published. Required fields are marked *</p>
        <img src="https://pixel.wp.com/g.gif?post=1" width="1" height="1">
        """

    @Test func textIsTheDefaultOutput() async throws {
        let result = try await CommandRunner.run(["clean", "-"], stdin: Data(Self.fragment.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "Rotate the key, then reload.\n\nRead the docs first.\n")
    }

    @Test func htmlOutputIsSanitisedWithAbsoluteLinks() async throws {
        let result = try await CommandRunner.run(
            ["clean", "--html", "--base", "https://ops.example.org/posts/1", "-"], stdin: Data(Self.fragment.utf8))
        #expect(result.status == 0)
        #expect(result.stdout == """
            <p>Rotate the key, then reload.</p>
            <p><a href="https://ops.example.org/docs/tls?page=2">Read the docs</a> first.</p>

            """)
    }

    @Test func jsonOutputListsWhatWasRemoved() async throws {
        let result = try await CommandRunner.run(["clean", "--json", "-"], stdin: Data(Self.fragment.utf8))
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object.keys.sorted() == ["html", "removed", "source", "text", "title"])
        #expect(object["title"] is NSNull)
        #expect(object["source"] is NSNull)
        let removed = try #require(object["removed"] as? [[String: Any]])
        let whats = removed.compactMap { $0["what"] as? String }
        #expect(whats.contains { $0.hasPrefix("tracking pixel") })
        #expect(whats.contains { $0.hasPrefix("share bar") })
        #expect(whats.contains { $0.contains("Leave a Reply") })
    }

    @Test func plainTextKeepsItsTitleAndSource() async throws {
        let text = """
            Kernel 6.12 lands

            0

            The release brings the new scheduler.

            Original Source: lwn.net

            Leave a Reply

            Your email address will not be published. Required fields are marked *
            """
        let result = try await CommandRunner.run(["clean", "--json", "-"], stdin: Data(text.utf8))
        let object = try #require(JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(object["title"] as? String == "Kernel 6.12 lands")
        #expect(object["source"] as? String == "lwn.net")
        #expect(object["text"] as? String == "The release brings the new scheduler.")
    }

    @Test func anUnreadableFileExitsOne() async throws {
        let result = try await CommandRunner.run(["clean", "/nonexistent/article.html"])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: /nonexistent/article.html: cannot read: No such file or directory\n")
    }

    @Test func anUnreadableFileIsReportedAfterTheArticlesBeforeIt() async throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("first.html", "<p>The first article.</p>")
        let last = try folder.write("last.html", "<p>The last article.</p>")
        let result = try await CommandRunner.run(["clean", first, "/nonexistent/article.html", last], mergingErrors: true)
        #expect(result.status == 1)
        #expect(result.stdout == """
            The first article.
            feedspool: /nonexistent/article.html: cannot read: No such file or directory
            The last article.

            """)
    }

    @Test func twoOutputFlagsAreAUsageError() async throws {
        let result = try await CommandRunner.run(["clean", "--text", "--json", "-"])
        #expect(result.status == 2)
    }

    /// Thousands of paths are named in a list, not as arguments: one path
    /// a line, after the arguments' files, blank lines skipped.
    @Test func filesFromAListAreCleanedInTheirOrder() async throws {
        let folder = try TemporaryFolder()
        let first = try folder.write("first.html", "<p>The first article.</p>")
        let second = try folder.write("second.html", "<p>The second article.</p>")
        let third = try folder.write("third.html", "<p>The third article.</p>")
        let result = try await CommandRunner.run(["clean", "--files-from", "-", first], stdin: Data("\(third)\n\n\(second)\n".utf8))
        #expect(result.status == 0)
        #expect(result.stdout == "The first article.\nThe third article.\nThe second article.\n")
    }

    @Test func anUnreadableListExitsOne() async throws {
        let result = try await CommandRunner.run(["clean", "--files-from", "/nonexistent/list"])
        #expect(result.status == 1)
        #expect(result.stderr == "feedspool: /nonexistent/list: cannot read: No such file or directory\n")
    }

    @Test func standardInputCannotBeBothListAndArticle() async throws {
        let result = try await CommandRunner.run(["clean", "--files-from", "-", "-"])
        #expect(result.status == 2)
    }
}
