import Testing
@testable import Config

/// `shard = K/N`: every host belongs to exactly one shard, by a hash another
/// tool can compute, and changing N moves only the hosts that must move.
@Suite struct ShardTests {
    static let hosts = (0..<2000).map { "host\($0).example.org" } + ["lwn.net", "127.0.0.2", ""]

    @Test func eachHostBelongsToExactlyOneShard() {
        for count in [1, 2, 3, 7] {
            for host in Self.hosts {
                let owners = (1...count).filter { Shard(index: $0, count: count).owns(host: host) }
                #expect(owners.count == 1)
            }
        }
    }

    @Test func theHashIsTheDocumentedOne() {
        // FNV-1a 64 of "k:host": values any implementation must reproduce
        // (the Python snippet in docs/scale-out.md prints the same).
        #expect(Shard.fnv1a(Array("1:lwn.net".utf8)) == 0xc844_e327_1a31_3cc2)
        #expect(Shard.fnv1a(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(Shard.owner(of: "LWN.net", among: 5) == Shard.owner(of: "lwn.net", among: 5))
        // From the Python snippet of docs/scale-out.md.
        #expect(["lwn.net", "news.ycombinator.com", "127.0.0.2", "127.0.0.3", ""].map { Shard.owner(of: $0, among: 3) }
            == [1, 1, 1, 1, 2])
    }

    @Test func sharesAreRoughlyEven() {
        let counts = (1...4).map { shard in Self.hosts.filter { Shard.owner(of: $0, among: 4) == shard }.count }
        for count in counts { #expect(count > 400 && count < 620) }
    }

    @Test func addingAShardMovesOnlyHostsToTheNewShard() {
        for host in Self.hosts {
            let before = Shard.owner(of: host, among: 3), after = Shard.owner(of: host, among: 4)
            #expect(after == before || after == 4)
        }
    }

    @Test func aShardedConfigurationKeepsOnlyItsFeedsAndCountsTheRest() throws {
        let folder = try ConfigFolder()
        let urls = (0..<40).map { "https://site\($0).example/feed" } + ["https://site0.example:8443/other"]
        let configs = try (1...2).map { shard in
            try folder.load(text: "shard = \(shard)/2\n" + urls.joined(separator: "\n"))
        }
        #expect(configs[0].feeds.count + configs[1].feeds.count == 41)
        #expect(Set(configs[0].feeds.map(\.host)).isDisjoint(with: configs[1].feeds.map(\.host)))
        #expect(configs[0].listedFeeds == 41 && configs[0].listedHosts == 40)
        // The port is no part of the host: both site0 feeds land together.
        let site0 = configs.first { $0.feeds.contains { $0.host == "site0.example" } }!
        #expect(site0.feeds.filter { $0.host == "site0.example" }.count == 2)
    }

    @Test(arguments: ["0/2", "3/2", "1", "a/b", "1/0", "1/2000"])
    func aBadShardIsAProblem(value: String) throws {
        let folder = try ConfigFolder()
        #expect(throws: ConfigError.self) { try folder.load(text: "shard = \(value)\n") }
    }
}
