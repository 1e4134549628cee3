/// The requests waiting for a transfer slot, one first-in-first-out line per host.
/// A request starts when fewer than `concurrency` transfers run in all and
/// fewer than its host's cap (`perHost`, or the cap given with the host's
/// requests) run to its host; among those that may start, the one queued first
/// goes first, so a host with many feeds waits its turn without holding up the
/// others.
///
/// The host is the one in the requested URL: a redirect to another host
/// still counts against the first.
struct TransferQueue<Item> {
    /// The most transfers running at once, at least 1.
    let concurrency: Int
    /// The most transfers running at once to one host, at least 1.
    let perHost: Int

    private var waiting: [String: HostLine] = [:]
    private var runningByHost: [String: Int] = [:]
    /// Caps given with a host's requests, overriding `perHost`.
    private var hostCaps: [String: Int] = [:]
    /// How many transfers run now.
    private(set) var runningCount = 0
    private var nextTicket = 0

    /// One host's waiting items, oldest first; `head` saves moving the array on every start.
    private struct HostLine {
        var items: [(ticket: Int, item: Item)] = []
        var head = 0
        var oldestTicket: Int { items[head].ticket }

        mutating func removeFirst() -> Item {
            let item = items[head].item
            head += 1
            if head > 32, head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            return item
        }

        var isEmpty: Bool { head == items.count }
    }

    /// Makes an empty queue; caps below 1 count as 1.
    init(concurrency: Int, perHost: Int) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
    }

    /// Whether nothing waits and nothing runs.
    var isIdle: Bool { waiting.isEmpty && runningCount == 0 }

    /// Whether any item waits.
    var hasWaiting: Bool { !waiting.isEmpty }

    /// Puts `item` at the end of `host`'s line; `cap`, when given, becomes the host's cap (at least 1).
    mutating func enqueue(_ item: Item, host: String, cap: Int? = nil) {
        if let cap { hostCaps[host] = max(1, cap) }
        waiting[host, default: HostLine()].items.append((nextTicket, item))
        nextTicket += 1
    }

    /// Takes the item to start now and counts it as running, or returns nil when the caps allow none to start.
    mutating func next() -> (item: Item, host: String)? {
        guard runningCount < concurrency else { return nil }
        var chosen: (host: String, ticket: Int)?
        for (host, line) in waiting where runningByHost[host, default: 0] < hostCaps[host, default: perHost] {
            if chosen == nil || line.oldestTicket < chosen!.ticket {
                chosen = (host, line.oldestTicket)
            }
        }
        guard let host = chosen?.host else { return nil }
        let item = waiting[host]!.removeFirst()
        if waiting[host]!.isEmpty { waiting[host] = nil }
        runningByHost[host, default: 0] += 1
        runningCount += 1
        return (item, host)
    }

    /// Records that a transfer to `host` that `next()` started has ended.
    mutating func finished(host: String) {
        let count = runningByHost[host, default: 0] - 1
        runningByHost[host] = count > 0 ? count : nil
        runningCount = max(0, runningCount - 1)
    }
}
