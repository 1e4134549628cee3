import Foundation
import Testing
@testable import Fetcher

/// Error statuses are responses, not failures: the scheduler decides what a
/// 404, 410, 429 or 500 means, and `Retry-After` is kept as a time.
@Suite struct StatusTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test(arguments: [404, 500, 502])
    func anErrorStatusIsAResponseWithItsBody(status: Int) async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/status/\(status)")))
        #expect(response.status == status)
        #expect(response.text == "status \(status)\n")
        #expect(!response.isSuccess)
        #expect(response.retryAfter == nil)
    }

    @Test func goneIsReportedAsGone() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/status/410")))
        #expect(response.status == 410)
        #expect(response.isGone)
    }

    @Test func retryAfterInSecondsBecomesATimeThatManySecondsAhead() async throws {
        let before = Date()
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/status/429?retry-after=120")))
        let after = Date()
        #expect(response.status == 429)
        let retry = try #require(response.retryAfter)
        #expect(retry >= before.addingTimeInterval(120) && retry <= after.addingTimeInterval(120))
    }

    @Test func retryAfterAsAnHTTPDateIsThatTime() async throws {
        let date = "Wed,%2021%20Oct%202065%2007:28:00%20GMT"
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/status/503?retry-after=\(date)")))
        #expect(response.status == 503)
        #expect(response.retryAfter == Date(timeIntervalSince1970: 3_023_335_680))
    }

    @Test func cacheControlMaxAgeAndExpiresBecomeHowLongTheFeedStaysFresh() async throws {
        let cached = try await fetchResponse(FetchRequest(id: 1, url: server.url("/cached?cache-control=public,%20max-age=7200")))
        #expect(cached.freshFor == 7200)
        let expires = "Wed,%2021%20Oct%202065%2007:28:00%20GMT"
        let expiring = try await fetchResponse(FetchRequest(id: 1, url: server.url("/cached?expires=\(expires)")))
        let lifetime = try #require(expiring.freshFor)
        // Capped at a year, as Retry-After is.
        #expect(lifetime == 366 * 86400)
        #expect(try await fetchResponse(FetchRequest(id: 1, url: server.url("/cached?cache-control=no-cache"))).freshFor == nil)
        #expect(try await fetchResponse(FetchRequest(id: 1, url: server.url("/cached"))).freshFor == nil)
    }
}
