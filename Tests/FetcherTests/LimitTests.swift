import Testing
@testable import Fetcher

/// Limits that keep one bad server from holding up the others or filling
/// memory: the low-speed timeout and the cap on decoded body bytes.
@Suite struct LimitTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test func aDrippingBodyTimesOutWhileTheOthersInItsBatchFinish() async throws {
        let drip = FetchRequest(id: 0, url: server.url("/drip"), lowSpeedTime: .seconds(3))
        let fast = (1...5).map { FetchRequest(id: $0, url: server.url("/feed")) }
        let results = await fetchOffPool([drip] + fast, with: Fetcher(concurrency: 6, perHost: 6))
        // Started first, finished last: the drip held no one up.
        #expect(results.map(\.id).last == 0)
        #expect(Set(results.prefix(5).map(\.id)) == [1, 2, 3, 4, 5])
        for (_, result) in results.prefix(5) {
            #expect((try? result.get().status) == 200)
        }
        guard case .failure(.timedOut(let message)) = results.last?.result else {
            Issue.record("the dripping body did not time out: \(String(describing: results.last))")
            return
        }
        #expect(message.contains("too slow"))
    }

    @Test func theTotalTimeoutEndsABodyThatTricklesFastEnoughForTheLowSpeedCheck() async throws {
        let request = FetchRequest(id: 1, url: server.url("/drip"), timeout: .seconds(3), lowSpeedLimit: 1)
        guard case .timedOut(let message) = try await fetchError(request) else {
            Issue.record("the trickling body did not time out")
            return
        }
        #expect(message.contains("timed out after"))
    }

    @Test func anEndlessBodyIsCutAtTheCap() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: server.url("/endless"), maxBytes: 1 << 20))
        #expect(error == .tooLarge(limit: 1 << 20))
        #expect(error.description.contains("too large"))
    }

    @Test func aGzipBombIsCutAtTheCapOnDecodedBytes() async throws {
        // About 1 MiB on the wire, 1 GiB decoded: the cap is above the first
        // figure, so only counting decoded bytes stops it.
        let error = try await fetchError(FetchRequest(id: 1, url: server.url("/bomb"), maxBytes: 4 << 20))
        #expect(error == .tooLarge(limit: 4 << 20))
    }

    @Test func aContentLengthOverTheCapIsRefusedEarly() async throws {
        let error = try await fetchError(FetchRequest(id: 1, url: server.url("/feed"), maxBytes: 10))
        #expect(error == .tooLarge(limit: 10))
    }

    @Test func aBodyExactlyAtTheCapIsKept() async throws {
        let size = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed"))).body.count
        let response = try await fetchResponse(FetchRequest(id: 1, url: server.url("/feed"), maxBytes: size))
        #expect(response.body.count == size)
    }

    @Test func theBodyCallbackRefusesBytesPastTheCapAndKeepsNone() throws {
        let batch = Batch(count: 1) { _, _ in }
        let transfer = try #require(Transfer(
            FetchRequest(id: 1, url: "http://127.0.0.1/", maxBytes: 10), batch: batch, host: "127.0.0.1",
            isFile: false))
        var bytes: [CChar] = Array(repeating: 65, count: 8)
        #expect(transfer.appendBody(&bytes, count: 8) == 8)
        #expect(transfer.appendBody(&bytes, count: 8) == 0)
        #expect(transfer.bodyCount == 8)
    }
}
