import Foundation
import Testing
@testable import Fetcher

/// `file://` URLs: read only when the request allows it.
@Suite struct FileURLTests {
    let feed = FixtureServer.fixtures.appendingPathComponent("feed.xml")

    @Test func aFileIsReadWhenTheRequestAllowsIt() async throws {
        let response = try await fetchResponse(FetchRequest(id: 1, url: feed.absoluteString, allowFile: true))
        #expect(response.status == 200)
        #expect(response.body == Array(try Data(contentsOf: feed)))
        #expect(response.effectiveURL == feed.absoluteString)
    }

    @Test func aFileIsRefusedOtherwise() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: feed.absoluteString))
        #expect(error == .schemeRefused(feed.absoluteString))
        #expect(error.description.contains("file URLs are read only for feeds that allow them"))
    }

    @Test func aMissingFileFails() async throws {
        let url = FixtureServer.fixtures.appendingPathComponent("no-such-feed.xml").absoluteString
        let error = try await fetchError(FetchRequest(id: 1, url: url, allowFile: true))
        guard case .failed(let message) = error else {
            Issue.record("unexpected error: \(error)")
            return
        }
        #expect(message.contains("no-such-feed.xml") || message.lowercased().contains("file"))
    }

    @Test func aFileOverTheCapIsTooLarge() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: feed.absoluteString, maxBytes: 16, allowFile: true))
        #expect(error == .tooLarge(limit: 16))
    }
}
