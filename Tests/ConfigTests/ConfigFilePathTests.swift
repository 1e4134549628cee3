import Config
import Testing

/// Which configuration file the commands read: `--config`, else `$FEEDSPOOL_CONFIG`, else `./feeds.conf`.
@Suite struct ConfigFilePathTests {
    @Test func theOptionComesFirstThenTheEnvironmentThenFeedsConf() {
        #expect(ConfigLoader.path(option: "mine.conf", environment: "/etc/feedspool/feeds.conf") == "mine.conf")
        #expect(ConfigLoader.path(option: nil, environment: "/etc/feedspool/feeds.conf") == "/etc/feedspool/feeds.conf")
        #expect(ConfigLoader.path(option: nil, environment: nil) == "feeds.conf")
    }

    @Test func anEmptyVariableCountsAsUnset() {
        #expect(ConfigLoader.path(option: nil, environment: "") == "feeds.conf")
    }
}
