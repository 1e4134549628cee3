import Foundation
import Testing

/// Private feeds: every credential form reaches the server (the fixture
/// server logs each request's headers), and the secret is found nowhere
/// else: not under the spool or the state folder, not in the output of
/// once, status, check or export.
@Suite struct PrivateFeedTests {
    static let secret = "s3cret-Zq9xv"

    /// Every file under `folder`, read as bytes, and whether any holds the secret.
    private func secretIsFound(under folder: URL) throws -> Bool {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return false }
        for case let file as URL in files {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = try? Data(contentsOf: file) else { continue }
            if data.range(of: Data(Self.secret.utf8)) != nil { return true }
        }
        return false
    }

    /// Runs once, status, check and export, and checks the secret leaves no trace.
    private func expectNoLeak(_ workspace: OnceWorkspace, delivered: Int) async throws {
        let once = try await workspace.once()
        #expect(once.status == 0, "\(once.stderr)")
        #expect(try workspace.articles().count == delivered)
        var outputs = [once.stdout, once.stderr]
        for command in [["status"], ["check"], ["export"]] {
            let result = try await CommandRunner.run(command, in: workspace.folder.url)
            outputs += [result.stdout, result.stderr]
        }
        for output in outputs { #expect(!output.contains(Self.secret)) }
        #expect(try !secretIsFound(under: workspace.spool))
        #expect(try !secretIsFound(under: workspace.folder.url.appendingPathComponent("state")))
        for article in try workspace.articles() {
            #expect((article.feed("url") as? String)?.contains("@") == false)
        }
    }

    private func lastHeaders(_ workspace: OnceWorkspace, _ path: String) throws -> [String: String] {
        try #require(try workspace.server.requests(for: path).last).headers
    }

    private static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test func aPasswordInTheURLLogsInAndIsNeverShown() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        let url = workspace.url("/feeds/notes.rss").replacingOccurrences(of: "http://", with: "http://reader:\(Self.secret)@")
        try workspace.configure("\(url) name=private")
        try await expectNoLeak(workspace, delivered: 3)
        #expect(try lastHeaders(workspace, "/feeds/notes.rss")["authorization"] == Self.basic("reader", Self.secret))
    }

    @Test func aPasswordFileLogsInAndABadOneIsAFileLineProblem() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.folder.write("feed.password", "reader:\(Self.secret):with-colon\n")
        try workspace.configure("\(workspace.url("/feeds/notes.rss")) name=private password-file=feed.password")
        try await expectNoLeak(workspace, delivered: 3)
        #expect(try lastHeaders(workspace, "/feeds/notes.rss")["authorization"]
            == Self.basic("reader", Self.secret + ":with-colon"))

        try workspace.folder.write("feed.password", "\(Self.secret)\n")
        let check = try await CommandRunner.run(["check"], in: workspace.folder.url)
        #expect(check.status == 1)
        #expect(check.stderrLines == [#"feeds.conf:3: password-file "feed.password" must hold user:password on its first line"#])
        try FileManager.default.removeItem(at: workspace.folder.url.appendingPathComponent("feed.password"))
        let missing = try await CommandRunner.run(["check"], in: workspace.folder.url)
        #expect(missing.stderrLines == [#"feeds.conf:3: cannot read password-file "feed.password": No such file or directory"#])
    }

    @Test func aWrongPasswordIsAOneLineFailureNamingTheFeedAndTheSecretIsNeverShown() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        // The server lets in only reader:right-password; the file holds the secret instead.
        try workspace.folder.write("feed.password", "reader:\(Self.secret)\n")
        try workspace.configure(
            "\(workspace.url("/login/reader/right-password/feeds/notes.rss")) name=private password-file=feed.password")
        let refused = try await workspace.once()
        #expect(refused.status == 1)
        #expect(refused.stderrLines.count == 1, "\(refused.stderr)")
        #expect(refused.stderr.hasPrefix("feedspool: private: ") && refused.stderr.contains("401"), "\(refused.stderr)")
        #expect(try workspace.articles().isEmpty)
        var outputs = [refused.stdout, refused.stderr]
        for command in [["status"], ["status", "--json"], ["check"], ["export"]] {
            let result = try await CommandRunner.run(command, in: workspace.folder.url)
            outputs += [result.stdout, result.stderr]
        }
        for output in outputs { #expect(!output.contains(Self.secret)) }
        #expect(try !secretIsFound(under: workspace.folder.url.appendingPathComponent("state")))
        #expect(try lastHeaders(workspace, "/login/reader/right-password/feeds/notes.rss")["authorization"]
            == Self.basic("reader", Self.secret))

        // With the right password the same feed logs in and delivers.
        try workspace.folder.write("feed.password", "reader:right-password\n")
        #expect(try await workspace.once().status == 0)
        #expect(try workspace.articles().count == 3)
    }

    @Test func aNetrcFileLogsInForItsHost() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.folder.write("netrc", "machine 127.0.0.1 login reader password \(Self.secret)\n")
        try workspace.configure("netrc = netrc\n\(workspace.url("/feeds/notes.rss")) name=private")
        try await expectNoLeak(workspace, delivered: 3)
        #expect(try lastHeaders(workspace, "/feeds/notes.rss")["authorization"] == Self.basic("reader", Self.secret))
    }

    @Test func headersAndCookiesAreSentAndNeverShown() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        try workspace.folder.write("cookies.txt", "127.0.0.1\tFALSE\t/\tFALSE\t0\tsession\t\(Self.secret)\n")
        try workspace.configure("""
            header = "X-Team: ops"
            [host 127.0.0.1]
            cookie-file = cookies.txt
            [defaults]
            \(workspace.url("/feeds/notes.rss")) name=private header="Authorization: Bearer \(Self.secret)" header="X-Team: night"
            """)
        try await expectNoLeak(workspace, delivered: 3)
        let headers = try lastHeaders(workspace, "/feeds/notes.rss")
        #expect(headers["authorization"] == "Bearer \(Self.secret)")
        #expect(headers["x-team"] == "night")
        #expect(headers["cookie"] == "session=\(Self.secret)")
    }

    @Test func aBadHeaderIsAProblemThatDoesNotQuoteItsValue() async throws {
        let folder = try TemporaryFolder()
        try folder.write("feeds.conf", """
            https://example.org/feed header="Authorization \(Self.secret)"
            https://example.org/other header="Host: x"
            """)
        let check = try await CommandRunner.run(["check"], in: folder.url)
        #expect(check.status == 1)
        #expect(check.stderrLines.count == 2)
        #expect(!check.stderr.contains(Self.secret))
    }

    @Test func aProxyCarriesTheRequestAndNoneBypassesTheEnvironmentsProxy() async throws {
        let workspace = try await OnceWorkspace()
        try workspace.serve("notes.rss")
        // The fixture server answers a request in absolute form, as a proxy gets it.
        try workspace.configure("""
            http://feeds.example.invalid/notes.rss name=proxied proxy=\(workspace.url(""))
            \(workspace.url("/feeds/notes.rss")) name=direct proxy=none
            """)
        let environment = ["http_proxy": "http://127.0.0.1:9", "no_proxy": "", "NO_PROXY": ""]
        let result = try await CommandRunner.run(["once"], in: workspace.folder.url, environment: environment)
        #expect(result.stderr.contains("proxied:"), "the proxy answers with a page that is no feed")
        #expect(try workspace.server.requests().contains { $0.path == "http://feeds.example.invalid/notes.rss" })
        #expect(try workspace.server.requests(for: "/feeds/notes.rss").count == 1)
        #expect(try workspace.articles().count == 3)
    }
}
