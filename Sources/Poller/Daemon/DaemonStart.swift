import Config
import Logging
import Spool
import State

/// What `feedspool run` opens before its loop: the state store, the spool recovered, the `exec` queue recovered.
/// Each step logs what it did, or why `run` cannot start.
public struct DaemonStart {
    /// The state store, locked for this process.
    public let state: StateStore
    /// The spool (or the Redis sink), with what an earlier process left finished.
    public let spool: Spool
    /// The `exec` queue, with the files an earlier process had claimed back in `new/`; nil with a Redis sink.
    public let hooks: HookQueue?

    /// Opens what `configuration` names; nil, the reason logged as an error, when the state or spool cannot be used.
    /// A Redis sink that does not answer yet is no reason: what waits for it goes with its feed's next delivery.
    public init?(configuration: Configuration, clock: any PollClock = SystemClock(), log: Logger) {
        do {
            state = try StateStore.open(folder: configuration.statePath)
            spool = Spool(for: configuration)
        } catch {
            log.error("\(error)")
            return nil
        }
        do {
            if let report = try spool.recover(state: state).report { log.info("\(report)") }
        } catch where spool.stream != nil {
            log.error("\(error); articles waiting for it are delivered once it answers")
        } catch {
            log.error("\(error)")
            return nil
        }
        guard spool.stream == nil else {
            hooks = nil
            return
        }
        let queue = HookQueue(spool: spool, state: state, feeds: configuration.feeds,
                              concurrency: configuration.globals.execConcurrency, clock: clock, log: log)
        do {
            let returned = try queue.recover()
            if returned > 0 {
                log.info("returned \(Daemon.count(returned, "file")) an earlier process had claimed for exec from cur/ to new/")
            }
        } catch {
            log.error("\(error)")
            return nil
        }
        hooks = queue
    }

    /// Where articles go, for the line `run` logs once started: `spool PATH` or `sink NAME`.
    public var destination: String {
        spool.stream.map { "sink \($0.name)" } ?? "spool \(spool.path)"
    }
}
