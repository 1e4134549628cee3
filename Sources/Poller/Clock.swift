#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where the poller reads the time.
/// The system's clock in the program, a clock the test moves in tests, so that no test waits in
/// real time.
public protocol PollClock: Sendable {
    /// The current time.
    func now() -> Date
}

/// The system's wall clock.
public struct SystemClock: PollClock {
    /// The system's clock.
    public init() {}

    /// `Date()`.
    public func now() -> Date { Date() }
}
