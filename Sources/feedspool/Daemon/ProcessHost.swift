import Poller
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
        notifier.notify(state)
    }
}
