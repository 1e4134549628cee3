/// One of N feedspool instances that share a configuration: `shard = K/N`.
/// Feeds are split by host, so per-host limits and conditional requests stay
/// with one instance, by rendezvous (highest random weight) hashing: going
/// from N to N+1 shards moves only the hosts the new shard wins.
///
/// The weight of shard k (1…N) for a host is the 64-bit FNV-1a hash of the
/// UTF-8 bytes of `"k:host"` (k in decimal, host lowercased, without port;
/// empty for `file://` feeds); the host belongs to the shard of highest
/// weight, the lowest k on a tie. docs/scale-out.md shows it in Python.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// This instance's shard, 1…count.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Makes shard `index` of `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N`, as written in `feeds.conf`.
    public var description: String { "\(index)/\(count)" }

    /// Whether `host` belongs to this shard.
    public func owns(host: String) -> Bool {
        Self.owner(of: host, among: count) == index
    }

    /// The shard, 1…`count`, that `host` belongs to.
    public static func owner(of host: String, among count: Int) -> Int {
        let host = host.lowercased()
        var best = 1
        var bestWeight: UInt64 = 0
        for shard in 1...max(1, count) {
            let weight = fnv1a(Array("\(shard):\(host)".utf8))
            if shard == 1 || weight > bestWeight {
                best = shard
                bestWeight = weight
            }
        }
        return best
    }

    /// The 64-bit FNV-1a hash of `bytes`.
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash
    }
}
