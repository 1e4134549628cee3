// swift-tools-version:6.0
import PackageDescription

/// The parser's SAX callbacks mutate state held by a class, and Swift checks
/// each such access for exclusivity at run time, through thread-local storage:
/// about 5% of a parse. The checks stay on in debug builds and tests.
let hotPathSettings: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
]

let package = Package(
    name: "feedspool",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "feedspool", targets: ["feedspool"]),
        .library(name: "FeedParser", targets: ["FeedParser"]),
        .library(name: "Cleaner", targets: ["Cleaner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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

        // Pipeline stages, in the order data flows: a stage never imports a later one.
        .target(name: "Config"),
        .target(name: "Scheduler"),
        .target(name: "Fetcher", dependencies: ["CCurl", "CCurlLoader"]),
        .target(
            name: "FeedParser",
            dependencies: ["CLibXML2"],
            swiftSettings: hotPathSettings
        ),

        .target(
            name: "Cleaner",
            dependencies: ["CLibXML2"],
            swiftSettings: hotPathSettings
        ),

        .target(name: "Spool", dependencies: ["CSQLite", "CSyncFS", "FeedParser", "Cleaner"]),

        // The executable: CLI and wiring only.
        .executableTarget(
            name: "feedspool",
            dependencies: [
                "Config",
                "Scheduler",
                "Fetcher",
                "FeedParser",
                "Cleaner",
                "Spool",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What several test suites share: the fixture server's process, a seeded generator.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(
            name: "FeedParserTests",
            dependencies: ["FeedParser", "TestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "CleanerTests", dependencies: ["Cleaner", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ConfigTests", dependencies: ["Config"]),
        .testTarget(name: "SchedulerTests", dependencies: ["Scheduler"]),
        .testTarget(name: "FetcherTests", dependencies: ["Fetcher", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SpoolTests", dependencies: ["Spool", "spool-torture", "TestSupport"]),
        // The child process the spool's kill -9 test starts and kills; tests only.
        .executableTarget(
            name: "spool-torture",
            dependencies: ["Spool", "FeedParser", "Cleaner"],
            path: "Tests/SpoolTorture"
        ),
        // The fragment benchmark's harness: the cleaner on entry bodies held
        // in memory, as the poller cleans them (Benchmarks/fragments/run.sh).
        .executableTarget(
            name: "clean-fragments",
            dependencies: ["Cleaner"],
            path: "Benchmarks/fragments/clean-fragments"
        ),
        // End-to-end tests: run the built `feedspool` binary like a script would.
        .testTarget(
            name: "feedspoolTests",
            dependencies: ["feedspool", "TestSupport"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
