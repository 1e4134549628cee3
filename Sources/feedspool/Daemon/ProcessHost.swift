import Poller
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The process around `feedspool run`'s loop.
/// Its signals become requests (`SignalWatch`) and its states go to systemd (`ServiceNotifier`).
struct ProcessHost: DaemonHost {
    let signals: SignalWatch
    let notifier: ServiceNotifier

    func takeRequests() -> DaemonRequests {
        signals.take()
    }

    func sleep(until deadline: Date) {
        signals.wait(until: deadline)
    }

    func polling<Result>(_ round: () -> Result) -> Result? {
        signals.polling(round)
    }

    func notify(_ state: ServiceState) {
        switch state {
        case .ready: notifier.send("READY=1")
        case .reloading: notifier.send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
        case .stopping: notifier.send("STOPPING=1")
        case .status(let line): notifier.send("STATUS=\(line)")
        case .watchdog: notifier.send("WATCHDOG=1")
        }
    }

    /// `CLOCK_MONOTONIC` in microseconds, which systemd wants with `RELOADING=1`.
    private static func monotonicMicroseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000 + now.tv_nsec / 1000
    }
}
