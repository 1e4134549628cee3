import Testing
@testable import Fetcher

/// Redirects: followed up to five times and only to http or https; a
/// permanent move is reported, never applied to the config.
@Suite struct RedirectTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test func aChainOfThreeRedirectsEndsAtTheFinalURL() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/302/307/303")))
        #expect(response.status == 200)
        #expect(response.text == "end of chain\n")
        #expect(response.url == server.url("/chain/302/307/303"))
        #expect(response.effectiveURL == server.url("/chain"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func aMovedPermanentlyIsReportedWithItsTarget() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/301")))
        #expect(response.status == 200)
        #expect(response.permanentRedirect == server.url("/chain"))
    }

    @Test func aRunOfPermanentRedirectsReportsTheLastTarget() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/308/301")))
        #expect(response.permanentRedirect == server.url("/chain"))
    }

    @Test func aPermanentRedirectAfterATemporaryOneIsNotTheFeedsNewHome() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/302/301")))
        #expect(response.effectiveURL == server.url("/chain"))
        #expect(response.permanentRedirect == nil)
    }

    @Test func aTemporaryRedirectAfterAPermanentOneKeepsThePermanentTarget() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/301/302")))
        #expect(response.permanentRedirect == server.url("/chain/302"))
        #expect(response.effectiveURL == server.url("/chain"))
    }

    @Test func fiveRedirectsAreFollowedAndSixAreTooMany() async throws {
        let five = try await fetchResponse(FetchRequest(id: 1, url: server.url("/chain/302/302/302/302/302")))
        #expect(five.status == 200)
        let six = try await fetchError(FetchRequest(id: 1, url: server.url("/chain/302/302/302/302/302/302")))
        #expect(six == .tooManyRedirects(limit: 5))
    }

    @Test func aRedirectLoopFailsAsTooManyRedirects() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: server.url("/loop")))
        #expect(error == .tooManyRedirects(limit: 5))
        #expect(error.description.contains("too many redirects"))
    }

    @Test func aRedirectToAFileIsRefusedAndNamesTheTarget() async throws {
        // Even a request that allows file:// must not be led to one.
        for allowFile in [false, true] {
            let error = try await fetchError(FetchRequest(id: 1, url: server.url("/to-file"), allowFile: allowFile))
            #expect(error == .redirectRefused(to: "file:///etc/passwd"))
            #expect(error.description.contains("file:///etc/passwd"))
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func aRedirectToGopherIsRefused() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: server.url("/to-gopher")))
        #expect(error == .redirectRefused(to: "gopher://127.0.0.1:\(server.port)/"))
    }
}
