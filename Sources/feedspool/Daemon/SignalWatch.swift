import Dispatch
import Poller
import Synchronization
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

/// The signals `feedspool run` answers, turned into requests its loop takes between rounds.
/// SIGTERM and SIGINT ask it to stop, SIGHUP to reload the configuration. Each arrival also ends
/// the loop's sleep (`wait`).
///
/// A stop asked for while a round is polling abandons the round at once,
/// through `abandonRound`: the spool's protocol is safe at any instant
/// (start-up recovery finishes or undoes the delivery cut short, and a feed
/// whose articles were not delivered is fetched whole again), and a round
/// can take minutes behind slow servers.
///
/// The signals are caught by Dispatch sources on a private queue, not by a
/// C handler, so no global state is needed: the sources and the requests
/// belong to this object, which the loop owns.
///
/// Threading: the handlers run on `queue`; `requests` is shared with the
/// loop's thread under its mutex; the sources are set once in `init` and
/// only cancelled in `deinit`, which is what makes `@unchecked Sendable`
/// sound.
final class SignalWatch: @unchecked Sendable {
    private let requests = Mutex<(pending: DaemonRequests, polling: Bool)>((DaemonRequests(), false))
    private let wake = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "feedspool.signals")
    private var sources: [any DispatchSourceSignal] = []

    /// Starts catching SIGTERM, SIGINT and SIGHUP.
    /// - Parameter abandonRound: Called, on the signals' queue, when a stop
    ///   signal arrives during a round; it must end the process.
    init(abandonRound: @escaping @Sendable (_ signal: String) -> Void) {
        for (number, name) in [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")] {
            // The default actions would end the process before the source
            // sees the signal.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let abandon = requests.withLock { state in
                    if number == SIGHUP {
                        state.pending.reload = true
                        return false
                    }
                    state.pending.stop = state.pending.stop ?? name
                    return state.polling
                }
                if abandon { abandonRound(name) }
                wake.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// The requests that arrived since the last call, now taken.
    func take() -> DaemonRequests {
        requests.withLock { state in
            defer { state.pending = DaemonRequests() }
            return state.pending
        }
    }

    /// Sleeps until `deadline`, by the wall clock, or until a signal arrives.
    func wait(until deadline: Date) {
        let seconds = deadline.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let wallTime = DispatchWallTime(timespec: timespec(tv_sec: Int(whole), tv_nsec: Int((seconds - whole) * 1e9)))
        _ = wake.wait(wallTimeout: wallTime)
    }

    /// Runs `round`, during which a stop signal abandons the round.
    /// nil without running it when a stop was asked for since the last `take`.
    func polling<Result>(_ round: () -> Result) -> Result? {
        let stopping = requests.withLock { state in
            state.polling = state.pending.stop == nil
            return !state.polling
        }
        guard !stopping else { return nil }
        defer { requests.withLock { $0.polling = false } }
        return round()
    }
}
