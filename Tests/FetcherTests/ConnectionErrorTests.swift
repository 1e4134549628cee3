import Foundation
import Testing
@testable import Fetcher

/// Failures without any HTTP response: unreachable servers and URLs that
/// are not fetched at all.
@Suite struct ConnectionErrorTests {
    @Test func aHostThatDoesNotResolveIsAConnectionError() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: "http://feedspool-test.invalid/feed"))
        guard case .connectionFailed(let message) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(message.contains("feedspool-test.invalid"))
    }

    @Test func aClosedPortIsAConnectionError() async throws {
        let port = try closedPort()
        let error = try await fetchError(FetchRequest(id: 1, url: "http://127.0.0.1:\(port)/feed"))
        guard case .connectionFailed(let message) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(message.contains("\(port)"))
        #expect(error.description.hasPrefix("connection failed: "))
    }

    @Test(arguments: ["not a url", "http://exa mple.org/feed", "feeds.example.org/rss", ""])
    func aMalformedURLIsRefusedBeforeAnyTransfer(url: String) async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: url))
        guard case .invalidURL(let refused, _) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(refused == url)
    }

    @Test(arguments: ["gopher://127.0.0.1/", "ftp://127.0.0.1/feed.xml", "dict://127.0.0.1/"])
    func aSchemeOtherThanHTTPIsRefused(url: String) async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: url, allowFile: true))
        #expect(error == .schemeRefused(url))
        #expect(error.description.contains("only http and https"))
    }

    /// A port on 127.0.0.1 that nothing listens on: bound, then closed.
    private func closedPort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #expect(socket >= 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
