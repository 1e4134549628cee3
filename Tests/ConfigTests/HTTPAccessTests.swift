import Testing
@testable import Config

/// Credentials, headers, cookies and proxies: where they may be set, how
/// scopes combine, and that no message or description shows a secret.
@Suite struct HTTPAccessTests {
    @Test func theFeedsOwnSettingsWinOverHostSectionsOverGlobalOnes() throws {
        let folder = try ConfigFolder()
        try folder.write("netrc", "machine example.org login a password b\n")
        try folder.write("login", "alice:pw\n")
        let config = try folder.load(text: """
            proxy = http://proxy.example:3128
            header = "X-A: global"
            header = "X-B: global"
            [host *.example.org]
            netrc = netrc
            header = "X-B: host"
            [defaults]
            https://news.example.org/feed password-file=login header="x-a: feed" proxy=none
            https://other.example.net/feed
            """)
        let feed = config.feeds[0].access
        #expect(feed.netrcFile == folder.path + "/netrc")
        #expect(feed.login == HTTPAccess.Login(user: "alice", password: "pw"))
        #expect(feed.headers == ["X-B: host", "x-a: feed"])
        #expect(feed.proxy == .direct)
        let other = config.feeds[1].access
        #expect(other.netrcFile == nil && other.login == nil)
        #expect(other.headers == ["X-A: global", "X-B: global"])
        #expect(other.proxy == .url("http://proxy.example:3128"))
    }

    @Test func aPasswordFileCannotBeSetGloballyAndAProxyMustBeAURLOrNone() throws {
        let folder = try ConfigFolder()
        try folder.write("login", "a:b\n")
        #expect(throws: ConfigError.self) { try folder.load(text: "password-file = login\n") }
        #expect(throws: ConfigError.self) { try folder.load(text: "proxy = proxy.example:3128\n") }
        #expect(throws: ConfigError.self) { try folder.load(text: "https://e.org/f proxy=ftp://p.example\n") }
    }

    @Test func descriptionsNameWhatIsSetWithoutValues() {
        let access = HTTPAccess(passwordFile: "/p", login: .init(user: "u", password: "secret"),
                                headers: ["Authorization: Bearer secret"], proxy: .url("http://u:secret@p:1"))
        #expect(access.description == "password-file, 1 header, proxy")
        #expect(HTTPAccess.Login(user: "u", password: "secret").description == "u:…")
    }

    @Test func aBadProxyMessageLeavesItsCredentialsOut() throws {
        let folder = try ConfigFolder()
        do {
            _ = try folder.load(text: "proxy = ftp://u:secret@p.example\n")
            Issue.record("a bad proxy was accepted")
        } catch {
            #expect(!"\(error)".contains("secret"))
        }
    }
}
