// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "feedspool",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "feedspool", targets: ["feedspool"]),
        .library(name: "FeedParser", targets: ["FeedParser"]),
        .library(name: "Cleaner", targets: ["Cleaner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // C libraries stay at the edge: one system-library target each, with typed shims.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),

        // libcurl's headers (libcurl4-openssl-dev), without linking it:
        // CCurlLoader loads it when the Fetcher first calls it.
        .systemLibrary(name: "CCurl"),
        .target(name: "CCurlLoader"),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(name: "CSyncFS"),
        .systemLibrary(
            name: "CHiredis",
            pkgConfig: "hiredis",
            providers: [.apt(["libhiredis-dev"])]
        ),

        // Reading a file or standard input whole, within a limit: for the
        // configuration and the command line alike.
        .target(name: "InputFiles"),

        // Pipeline stages, in the order data flows: a stage never imports a later one.
        .target(name: "Config", dependencies: ["InputFiles"]),
        .target(name: "Scheduler"),
        .target(name: "Fetcher", dependencies: ["CCurl", "CCurlLoader"]),
        // No unsafe flags anywhere: SwiftPM refuses them in a package
        // another one depends on by version, and these two are products.
        .target(name: "FeedParser", dependencies: ["CLibXML2"]),
        .target(name: "Cleaner", dependencies: ["CLibXML2"]),

        // The daemon's memory between runs (SQLite): feed state, delivered
        // entry keys, articles half-way through delivery.
        .target(name: "State", dependencies: ["CSQLite", "FeedParser"]),
        .target(name: "Spool", dependencies: ["CSyncFS", "InputFiles", "State", "FeedParser", "Cleaner"]),
        // The other sink: articles into a Redis stream instead of the spool directory.
        .target(name: "RedisSink", dependencies: ["CHiredis"]),

        // What `once` and `run` share: due selection, fetch → parse → clean →
        // deliver with group commit, the daemon's loop; given a clock and a log.
        .target(
            name: "Poller",
            dependencies: [
                "Config", "InputFiles", "Scheduler", "Fetcher", "FeedParser", "Cleaner", "State", "Spool", "RedisSink",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // The executable: CLI and wiring only.
        .executableTarget(
            name: "feedspool",
            dependencies: [
                "Config",
                "InputFiles",
                "Scheduler",
                "Fetcher",
                "FeedParser",
                "Cleaner",
                "State",
                "Spool",
                "Poller",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // What several test suites share: the fixture server's process, a seeded generator.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(
            name: "FeedParserTests",
            dependencies: ["FeedParser", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CleanerTests",
            dependencies: ["Cleaner", "FeedParser", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
        .testTarget(name: "FetcherTests", dependencies: ["Fetcher", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PollerTests",
            dependencies: [
                "Poller", "Config", "Fetcher", "State", "Spool", "TestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "StateTests", dependencies: ["State", "FeedParser"]),
        .testTarget(name: "SpoolTests", dependencies: ["State", "Spool", "spool-torture", "TestSupport"]),
        .testTarget(name: "RedisSinkTests", dependencies: ["RedisSink", "TestSupport"]),
        // The child process the spool's kill -9 test starts and kills; tests only.
        .executableTarget(
            name: "spool-torture",
            dependencies: ["State", "Spool", "FeedParser", "Cleaner"],
            path: "Tests/SpoolTorture"
        ),
        // The fragment benchmark's harness: the cleaner on entry bodies held
        // in memory, as the poller cleans them (Benchmarks/fragments/run.sh).
        .executableTarget(
            name: "clean-fragments",
            dependencies: ["Cleaner"],
            path: "Benchmarks/fragments/clean-fragments"
        ),
        // The fuzz targets: libFuzzer entries under scripts/fuzz (built with
        // -sanitize=fuzzer,address -D FUZZING), a replayer of findings otherwise.
        .executableTarget(
            name: "feedspool-fuzz",
            dependencies: ["FeedParser", "Cleaner", "Config", "Fetcher"],
            path: "Fuzz/feedspool-fuzz"
        ),
        // End-to-end tests: run the built `feedspool` binary like a script would.
        .testTarget(
            name: "feedspoolTests",
            dependencies: ["feedspool", "feedspool-fuzz", "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
