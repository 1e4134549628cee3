import Foundation
import Testing
@testable import Fetcher

/// What every request says about itself, and what the response says about
/// its body: User-Agent, Accept, Accept-Encoding, decoding, charset.
@Suite struct RequestHeaderTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test func theDefaultUserAgentNamesFeedspoolAndItsVersion() async throws {
        let headers = try await fetchResponse(FetchRequest(id: 1, url: server.url("/echo"))).echoedHeaders()
        #expect(headers["user-agent"] == FetchRequest.defaultUserAgent)
        #expect(headers["user-agent"]?.hasPrefix("feedspool/0.1") == true)
    }

    @Test func aRequestCarriesItsOwnUserAgent() async throws {
        let headers = try await fetchResponse(FetchRequest(
            id: 1, url: server.url("/echo"), userAgent: "feedspool/9.9 (test)")).echoedHeaders()
        #expect(headers["user-agent"] == "feedspool/9.9 (test)")
    }

    @Test func acceptEncodingOffersGzipDeflateAndWhatElseLibcurlDecodes() async throws {
        let headers = try await fetchResponse(FetchRequest(id: 1, url: server.url("/echo"))).echoedHeaders()
        let offered = Set((headers["accept-encoding"] ?? "").split(separator: ",").map {
            $0.trimmingCharacters(in: .whitespaces)
        })
        #expect(offered.isSuperset(of: ["gzip", "deflate"]))
        #expect(offered == Set(Fetcher.decodedEncodings))
    }

    @Test func acceptNamesTheFeedTypes() async throws {
        let headers = try await fetchResponse(FetchRequest(id: 1, url: server.url("/echo"))).echoedHeaders()
        #expect(headers["accept"]?.hasPrefix("application/rss+xml, application/atom+xml") == true)
    }

    @Test(arguments: ["gzip", "deflate"])
    func aCompressedBodyArrivesDecoded(encoding: String) async throws {
        let plain = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed"))).body
        let decoded = try await fetchResponse(FetchRequest(id: 1, url: server.url("/\(encoding)"))).body
        #expect(decoded == plain)
    }

    @Test(.enabled(if: Fetcher.decodedEncodings.contains("br"), "this libcurl was built without brotli"))
    func aBrotliBodyArrivesDecoded() async throws {
        let plain = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed"))).body
        let decoded = try await fetchResponse(FetchRequest(id: 1, url: server.url("/br"))).body
        #expect(decoded == plain)
    }

    @Test func theCharsetInContentTypeIsHandedBackUnquoted() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/charset")))
        #expect(response.contentType == "application/rss+xml; charset=\"ISO-8859-1\"")
        #expect(response.charset == "ISO-8859-1")
        #expect(response.body.contains(0xE9))  // é in Latin-1, untouched
    }

    @Test func aContentTypeWithoutCharsetHasNone() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed")))
        #expect(response.contentType == "application/rss+xml")
        #expect(response.charset == nil)
    }
}
