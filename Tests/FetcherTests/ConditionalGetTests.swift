import Testing
@testable import Fetcher

/// Conditional GET: the validators a fetch returns, sent back next time,
/// turn an unchanged feed into a 304 without a body.
@Suite struct ConditionalGetTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test func aFirstFetchReturnsTheBodyAndBothValidators() async throws {
        let response = try await fetchResponse(FetchRequest(id: 7, url: server.url("/feed")))
        #expect(response.id == 7)
        #expect(response.status == 200)
        #expect(!response.isNotModified)
        #expect(response.etag == "\"feed-v1\"")
        #expect(response.lastModified == "Wed, 01 Jan 2025 00:00:00 GMT")
        #expect(response.text.contains("<title>Fixture feed</title>"))
    }

    @Test func theStoredETagGetsNotModifiedWithoutABody() async throws {
        let fetcher = Fetcher()
        let first = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed")), with: fetcher)
        let second = try await fetchResponse(
            FetchRequest(id: 1, url: server.url("/feed"), etag: first.etag, lastModified: first.lastModified),
            with: fetcher)
        #expect(second.status == 304)
        #expect(second.isNotModified)
        #expect(second.body.isEmpty)
        #expect(second.etag == "\"feed-v1\"")
    }

    @Test func aNotModifiedThatOmitsLastModifiedKeepsTheStoredOne() async throws {
        // The fixture's 304 repeats the ETag only.
        let response = try await fetchResponse(FetchRequest(
            id: 1, url: server.url("/feed"), etag: "\"feed-v1\"", lastModified: "Wed, 01 Jan 2025 00:00:00 GMT"))
        #expect(response.isNotModified)
        #expect(response.lastModified == "Wed, 01 Jan 2025 00:00:00 GMT")
    }

    @Test func lastModifiedAloneAlsoGetsNotModified() async throws {
        let response = try await fetchResponse(FetchRequest(
            id: 1, url: server.url("/feed"), lastModified: "Wed, 01 Jan 2025 00:00:00 GMT"))
        #expect(response.status == 304)
        #expect(response.etag == "\"feed-v1\"")
    }

    @Test func validatorsAreSentAsIfNoneMatchAndIfModifiedSince() async throws {
        let response = try await fetchResponse(FetchRequest(
            id: 1, url: server.url("/echo"), etag: "W/\"abc\"", lastModified: "Tue, 10 Dec 2024 08:00:00 GMT"))
        let headers = try response.echoedHeaders()
        #expect(headers["if-none-match"] == "W/\"abc\"")
        #expect(headers["if-modified-since"] == "Tue, 10 Dec 2024 08:00:00 GMT")
    }

    @Test func noValidatorsMeansAnUnconditionalRequest() async throws {
        let headers = try await fetchResponse(FetchRequest(id: 1, url: server.url("/echo"))).echoedHeaders()
        #expect(headers["if-none-match"] == nil)
        #expect(headers["if-modified-since"] == nil)
    }

    @Test func aStoredETagWithALineBreakIsNotSent() async throws {
        // A server could otherwise inject headers through the ETag we store.
        let headers = try await fetchResponse(FetchRequest(
            id: 1, url: server.url("/echo"), etag: "\"x\"\r\nX-Injected: yes")).echoedHeaders()
        #expect(headers["if-none-match"] == nil)
        #expect(headers["x-injected"] == nil)
    }
}
