#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Jitter: each wait is stretched or shortened by up to `jitter` of it.
///
/// Feeds with one interval that were polled together once (at start, after an outage) thus
/// drift apart instead of being polled in lockstep for good.
///
/// The spread is not random but a hash of the feed (`seed`) and of its last attempt: the
/// daemon, which decides again at every wake, and `feedspool status` see the same next poll,
/// and tests can tell it in advance.
extension PollSchedule {
    /// The most `jitter` may be: a wait spread by half either way.
    public static let maximumJitter = 0.5

    /// `wait` spread by up to `jitter` either way, never below `shortest`, in seconds.
    /// - Parameter last: The attempt the wait follows; with the seed it picks the spread.
    public func spread(_ wait: Duration, after last: Date, atLeast shortest: Duration) -> Double {
        guard jitter > 0 else { return wait.seconds }
        let fraction = 2 * Self.noise(seed: seed, at: last) - 1
        return max(shortest.seconds, wait.seconds * (1 + min(jitter, Self.maximumJitter) * fraction))
    }

    /// The seed of a feed's spread: a hash of its name (FNV-1a), the same in every process.
    public static func seed(forFeed name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// A number in [0, 1) that `seed` and the second `time` falls in pick, evenly spread (SplitMix64's finaliser).
    static func noise(seed: UInt64, at time: Date) -> Double {
        let second = Int64(exactly: time.timeIntervalSince1970.rounded(.down)) ?? 0
        var mixed = seed ^ (UInt64(bitPattern: second) &* 0x9e37_79b9_7f4a_7c15)
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        mixed ^= mixed >> 31
        return Double(mixed >> 11) / Double(UInt64(1) << 53)
    }
}
