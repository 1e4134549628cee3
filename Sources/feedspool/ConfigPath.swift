#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the commands look for `feeds.conf`.
enum ConfigPath {
    /// `--config` if given, else `$FEEDSPOOL_CONFIG` if set and not empty,
    /// else `feeds.conf` in the current directory.
    static func resolve(_ option: String?) -> String {
        let environment = getenv("FEEDSPOOL_CONFIG").map { String(cString: $0) }
        return option ?? environment.flatMap { $0.isEmpty ? nil : $0 } ?? "feeds.conf"
    }
}
