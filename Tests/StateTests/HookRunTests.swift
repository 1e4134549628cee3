import Foundation
import State
import Testing

/// The `hook_runs` table: what the state store remembers of files an `exec`
/// hook claimed or failed on.
@Suite struct HookRunTests {
    @Test func runsSurviveReopeningAndAreUpdatedInPlace() throws {
        let folder = try TemporaryFolder()
        let retry = Date(timeIntervalSince1970: 1_732_968_060)
        do {
            let state = try folder.open()
            try state.recordHookRun(HookRun(file: "b.json", feed: "lwn", claimed: true))
            try state.recordHookRun(HookRun(file: "a.json", feed: "blog", failures: 2, retryAfter: retry))
            try state.recordHookRun(HookRun(file: "b.json", feed: "lwn", failures: 1, retryAfter: retry))
        }
        let state = try folder.open()
        #expect(try state.hookRuns() == [
            HookRun(file: "a.json", feed: "blog", failures: 2, retryAfter: retry),
            HookRun(file: "b.json", feed: "lwn", failures: 1, retryAfter: retry),
        ])
        try state.forgetHookRuns(["a.json", "never-recorded.json"])
        #expect(try state.hookRuns().map(\.file) == ["b.json"])
    }

    @Test func aSchemaFourStoreGainsTheTableWhenOpened() throws {
        let folder = try TemporaryFolder()
        do {
            let state = try folder.open()
            try state.setFeedState(FeedState(etag: "\"v1\""), for: "lwn")
            try state.withDatabase { database throws(StorageError) in
                try database.execute("DROP TABLE hook_runs; PRAGMA user_version = 4;")
            }
        }
        let state = try folder.open()
        #expect(try state.feedState("lwn").etag == "\"v1\"")
        try state.recordHookRun(HookRun(file: "a.json", feed: "lwn", claimed: true))
        #expect(try state.hookRuns().count == 1)
    }
}
