#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The daemon's side of systemd's watchdog (`WatchdogSec=`): `WATCHDOG=1` every `period`.
///
/// The pings come from the loop itself, between rounds and as each feed's poll is settled,
/// never from another thread: a round stuck for good (a delivery blocked on a dead disk, a
/// lock never released) stops them, and systemd restarts the service.
public struct Watchdog: Sendable, Equatable {
    /// The time between pings, in seconds: half the watchdog's timeout, as `sd_watchdog_enabled(3)` advises.
    public let period: Double
    /// When the last ping was sent.
    public private(set) var lastPing: Date?

    /// A watchdog pinged every `period` seconds.
    public init(period: Double) {
        self.period = period
    }

    /// The watchdog systemd set for this process; nil when there is none, or it is another process's.
    ///
    /// `$WATCHDOG_USEC` microseconds, meant for `$WATCHDOG_PID` when that is set.
    public init?(microseconds: String?, pid: String?, ownPID: Int) {
        guard let microseconds, let timeout = Int(microseconds), timeout > 0 else { return nil }
        if let pid, Int(pid) != ownPID { return nil }
        self.init(period: Double(timeout) / 2e6)
    }

    /// Tells `host` the daemon is alive when a ping is due at `now`.
    ///
    /// A ping is due a period after the last, or at once when the clock went back past it.
    public mutating func ping(_ host: any DaemonHost, at now: Date) {
        if let lastPing, now >= lastPing, now.timeIntervalSince(lastPing) < period { return }
        lastPing = now
        host.notify(.watchdog)
    }

    /// When the next ping falls due, seen at `now`: never later than a period from now.
    public func nextPing(after now: Date) -> Date {
        guard let lastPing, lastPing <= now else { return now.addingTimeInterval(period) }
        return lastPing.addingTimeInterval(period)
    }
}
