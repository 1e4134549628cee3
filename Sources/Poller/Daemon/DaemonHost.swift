#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What the daemon's loop asks of the process around it.
/// The requests its signals made, sleeping until a deadline, and telling the service manager how it
/// stands. The program answers with signals and systemd; a test answers at once, with a clock it
/// moves.
public protocol DaemonHost {
    /// The requests that arrived since the last call, now taken.
    func takeRequests() -> DaemonRequests
    /// Sleeps until `deadline` or until a request arrives.
    func sleep(until deadline: Date)
    /// Runs `round`, which a stop request may abandon.
    /// Nil without running it when a stop was asked for since the last
    /// `takeRequests`.
    func polling<Result>(_ round: () -> Result) -> Result?
    /// Tells the service manager how the daemon stands.
    func notify(_ state: ServiceState)
}

/// What signals asked of the daemon since its loop last looked.
public struct DaemonRequests: Equatable, Sendable {
    /// The name of the signal that asked to stop (`SIGTERM`), if any.
    public var stop: String?
    /// Whether a SIGHUP asked to reload the configuration.
    public var reload: Bool

    /// Requests; none by default.
    public init(stop: String? = nil, reload: Bool = false) {
        self.stop = stop
        self.reload = reload
    }
}

/// How the daemon stands, as a `Type=notify` service tells systemd.
public enum ServiceState: Equatable, Sendable {
    /// Started, or done reloading (`READY=1`).
    case ready
    /// Reloading the configuration (`RELOADING=1`).
    case reloading
    /// Stopping (`STOPPING=1`).
    case stopping
    /// A line for `systemctl status` (`STATUS=…`).
    case status(String)
    /// Alive, for the watchdog (`WATCHDOG=1`).
    case watchdog
}
