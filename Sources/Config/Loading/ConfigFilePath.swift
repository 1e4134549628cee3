extension ConfigLoader {
    /// The configuration file the commands read.
    ///
    /// `option` (`--config`) if given, else `environment` (`$FEEDSPOOL_CONFIG`) if set and not
    /// empty, else `feeds.conf` in the current directory.
    public static func path(option: String?, environment: String?) -> String {
        option ?? environment.flatMap { $0.isEmpty ? nil : $0 } ?? "feeds.conf"
    }
}
