import Foundation
import TestSupport
import Testing
@testable import Fetcher

/// The caps on transfers at once, in all and per host, results in completion
/// order, and connections kept for reuse.
@Suite struct ConcurrencyTests {
    let server: FixtureServer
    init() throws { server = try FixtureServer.shared.get() }

    @Test func noMoreThanPerHostTransfersRunToOneHost() async throws {
        let fetcher = Fetcher(concurrency: 8, perHost: 2)
        let requests = (1...8).map { FetchRequest(id: $0, url: server.url("/hold/host?want=2")) }
        let results = await fetchOffPool(requests, with: fetcher)
        #expect(results.allSatisfy { (try? $0.result.get().status) == 200 })
        #expect(try await server.most("host", fetcher: fetcher) == 2)
    }

    @Test func aRequestsOwnPerHostCapOverridesTheFetchers() async throws {
        let fetcher = Fetcher(concurrency: 8, perHost: 1)
        let requests = (1...8).map { FetchRequest(id: $0, url: server.url("/hold/raised?want=3"), perHost: 3) }
        let results = await fetchOffPool(requests, with: fetcher)
        #expect(results.allSatisfy { (try? $0.result.get().status) == 200 })
        #expect(try await server.most("raised", fetcher: fetcher) == 3)
    }

    @Test func noMoreThanConcurrencyTransfersRunInAll() async throws {
        let fetcher = Fetcher(concurrency: 3, perHost: 10)
        let requests = (1...12).map { FetchRequest(id: $0, url: server.url("/hold/all?want=3")) }
        let results = await fetchOffPool(requests, with: fetcher)
        #expect(results.allSatisfy { (try? $0.result.get().status) == 200 })
        #expect(try await server.most("all", fetcher: fetcher) == 3)
    }

    @Test func eachHostHasItsOwnCap() async throws {
        // 127.0.0.1 and localhost are two host names for the same server.
        let fetcher = Fetcher(concurrency: 8, perHost: 1)
        let hosts = ["127.0.0.1", "localhost"]
        let requests = (0..<8).map {
            FetchRequest(id: $0, url: "http://\(hosts[$0 % 2]):\(server.port)/hold/pair?want=2")
        }
        let results = await fetchOffPool(requests, with: fetcher)
        #expect(results.allSatisfy { (try? $0.result.get().status) == 200 })
        #expect(try await server.most("pair", fetcher: fetcher) == 2)
        #expect(try await server.most("pair@127.0.0.1", fetcher: fetcher) == 1)
        #expect(try await server.most("pair@localhost", fetcher: fetcher) == 1)
    }

    @Test func everyRequestGetsExactlyOneResult() async throws {
        let requests = (1...40).map { FetchRequest(id: $0, url: server.url($0 % 4 == 0 ? "/status/404" : "/feed")) }
        let results = await fetchOffPool(requests + [FetchRequest(id: 41, url: "nonsense")], with: Fetcher(concurrency: 6, perHost: 3))
        #expect(results.map(\.id).sorted() == Array(1...41))
    }

    @Test func anEmptyBatchReturnsAtOnce() {
        #expect(Fetcher().fetch([]).isEmpty)
    }

    @Test func connectionsAreReusedAcrossBatches() async throws {
        let fetcher = Fetcher(concurrency: 4, perHost: 1)
        let first = try await fetchResponse(FetchRequest(id: 1, url: server.url("/port")), with: fetcher)
        let second = try await fetchResponse(FetchRequest(id: 2, url: server.url("/port")), with: fetcher)
        #expect(first.text == second.text)
    }

    @Test func connectionsAreReusedWithinABatch() async throws {
        let fetcher = Fetcher(concurrency: 4, perHost: 1)
        let results = await fetchOffPool((1...4).map { FetchRequest(id: $0, url: server.url("/port")) }, with: fetcher)
        let ports = Set(results.compactMap { try? $0.result.get().text })
        #expect(ports.count == 1)
    }

    @Test func severalThreadsCanFetchAtOnce() async throws {
        let fetcher = Fetcher(concurrency: 4, perHost: 4)
        let url = server.url("/feed")
        let counts = await withTaskGroup(of: Int.self) { group in
            for batch in 0..<4 {
                group.addTask {
                    await fetchOffPool((0..<5).map { FetchRequest(id: batch * 5 + $0, url: url) }, with: fetcher).count
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts == [5, 5, 5, 5])
    }

    /// A caller slow to take a result (a full queue, a slow disk) must not
    /// stop the other transfers: their time limits run meanwhile.
    @Test func aSlowResultHandlerDoesNotEatIntoOtherTransfersTimeouts() async throws {
        let fetcher = Fetcher(concurrency: 4, perHost: 4)
        let fast = FetchRequest(id: 1, url: server.url("/feed"))
        let slow = FetchRequest(id: 2, url: server.url("/late/1000"), timeout: .seconds(3))
        // On a thread of its own, which the handler's sleep holds.
        let results = await onOwnThread {
            var results: [Int: Result<FetchResponse, FetchError>] = [:]
            fetcher.fetch([fast, slow]) { id, result in
                results[id] = result
                // Longer than the slow transfer's whole time limit.
                if id == 1 { Thread.sleep(forTimeInterval: 4) }
            }
            return results
        }
        #expect((try? results[1]?.get().status) == 200)
        #expect((try? results[2]?.get().status) == 200)
    }
}
