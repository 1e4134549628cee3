import Foundation
import Testing
@testable import Fetcher

/// Proxies come from the environment, as libcurl reads it (feedspool never
/// sets CURLOPT_PROXY). Each test runs in a child process, since changing the
/// environment would reroute the other tests running in this one.
@Suite struct ProxyTests {
    @Test func httpProxyInTheEnvironmentIsUsed() async {
        await #expect(processExitsWith: .success) {
            let proxy = try FixtureServer()
            setenv("http_proxy", "http://127.0.0.1:\(proxy.port)", 1)
            let response = try await fetchResponse(FetchRequest(id: 1, url: "http://feed.invalid/rss"))
            // The fixture answers a proxy-style request line with what it asked for.
            guard response.text == "proxied http://feed.invalid/rss" else { exit(1) }
        }
    }

    @Test func noProxyExemptsTheHostsItNames() async {
        await #expect(processExitsWith: .success) {
            let server = try FixtureServer()
            setenv("http_proxy", "http://127.0.0.1:9", 1)  // nothing listens there
            setenv("no_proxy", "127.0.0.1", 1)
            let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed")))
            guard response.status == 200 else { exit(1) }
        }
    }

    @Test func upperCaseHTTPProxyIsIgnoredAsLibcurlDoes() async {
        // libcurl reads only the lower-case http_proxy, since a CGI program
        // gets a request's "Proxy:" header as HTTP_PROXY ("httpoxy").
        await #expect(processExitsWith: .success) {
            let server = try FixtureServer()
            setenv("HTTP_PROXY", "http://127.0.0.1:9", 1)  // nothing listens there
            let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed")))
            guard response.status == 200 else { exit(1) }
        }
    }
}
