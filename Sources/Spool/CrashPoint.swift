#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import State

/// The hook the kill -9 test uses to stop the process at an exact point of the delivery protocol.
/// The process ends as if it had been killed there.
///
/// `FEEDSPOOL_CRASH_AT=<point>:<n>` makes the process `_exit(137)` the n-th
/// time it passes `<point>` (counting from 1, in this process):
/// `1`…`4` right after that step of the protocol (docs/spool.md) for a
/// batch, `tmpfile` after each temporary file is written (the files of a
/// batch are synced together after the last), `rename` after each
/// file is moved into `new/`. Steps 3 and 4 are also passed during recovery.
/// `feedspool` adds `parse-NAME`, passed when feed NAME is about to be parsed, and for
/// `exec` hooks `hook-record` (the claim recorded, the file still in `new/`), `hook-claim`
/// (the file in `cur/`, the command not started) and `hook-ran` (the command ended, its
/// file not yet removed or returned).
/// Without the variable this costs one comparison per point. The counter is
/// not synchronised: the hook is for the single-threaded test child only.
///
/// Debug builds only (those `swift test` runs): a release build, the one
/// installed as a daemon, ignores the variable, so nothing in its
/// environment can make it exit half-way on purpose.
public enum CrashPoint {
    private nonisolated(unsafe) static var armed: (point: String, remaining: Int)? = {
        #if DEBUG
        guard let value = getenv("FEEDSPOOL_CRASH_AT") else { return nil }
        let parts = String(cString: value).split(separator: ":")
        guard parts.count == 2, let count = Int(parts[1]), count > 0 else { return nil }
        return (String(parts[0]), count)
        #else
        return nil
        #endif
    }()

    /// Ends the process here if this is the armed point's n-th passing.
    public static func reached(_ point: String) {
        guard let target = armed, target.point == point else { return }
        if target.remaining == 1 { _exit(137) }
        armed = (point, target.remaining - 1)
    }
}
