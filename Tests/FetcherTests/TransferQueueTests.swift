import Testing
@testable import Fetcher

/// The order transfers start in, within the caps.
@Suite struct TransferQueueTests {
    @Test func itemsStartInTheOrderTheyWereQueued() {
        var queue = TransferQueue<Int>(concurrency: 10, perHost: 10)
        for (item, host) in [(1, "a"), (2, "b"), (3, "a"), (4, "c")] { queue.enqueue(item, host: host) }
        var started: [Int] = []
        while let next = queue.next() { started.append(next.item) }
        #expect(started == [1, 2, 3, 4])
    }

    @Test func aFullHostIsSkippedForTheNextHost() {
        var queue = TransferQueue<Int>(concurrency: 10, perHost: 1)
        for (item, host) in [(1, "a"), (2, "a"), (3, "b"), (4, "a")] { queue.enqueue(item, host: host) }
        #expect(queue.next()?.item == 1)
        #expect(queue.next()?.item == 3)
        #expect(queue.next() == nil)
        queue.finished(host: "a")
        #expect(queue.next()?.item == 2)
        #expect(queue.next() == nil)
    }

    @Test func theGlobalCapHoldsWhateverTheHosts() {
        var queue = TransferQueue<Int>(concurrency: 2, perHost: 5)
        for item in 1...5 { queue.enqueue(item, host: "host\(item)") }
        #expect(queue.next()?.item == 1)
        #expect(queue.next()?.item == 2)
        #expect(queue.next() == nil)
        #expect(queue.runningCount == 2)
        queue.finished(host: "host1")
        #expect(queue.next()?.item == 3)
    }

    @Test func aLongLineForOneHostDrainsInOrder() {
        var queue = TransferQueue<Int>(concurrency: 1, perHost: 1)
        for item in 0..<200 { queue.enqueue(item, host: "a") }
        var started: [Int] = []
        while let next = queue.next() {
            started.append(next.item)
            queue.finished(host: next.host)
        }
        #expect(started == Array(0..<200))
        #expect(queue.isIdle)
    }

    @Test func capsBelowOneCountAsOne() {
        let queue = TransferQueue<Int>(concurrency: 0, perHost: -3)
        #expect(queue.concurrency == 1)
        #expect(queue.perHost == 1)
    }
}
