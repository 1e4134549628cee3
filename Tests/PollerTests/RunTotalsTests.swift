import Config
import Foundation
import Poller
import Scheduler
import State
import Testing

/// What `once` says after polling: why a feed was left out, what each
/// polled feed came to, and the run in one line.
@Suite struct RunTotalsTests {
    @Test func eachDecisionThatKeepsAFeedBackSaysWhyAndWhenInUTC() {
        let date = Date(timeIntervalSince1970: 1_796_605_323)  // 2026-12-07T01:02:03Z
        #expect(PollDecision.waitingForServer(date).skipReason == "the server asked to wait until 01:02 UTC")
        #expect(PollDecision.notYet(date).skipReason == "min-interval allows the next poll at 01:02 UTC")
        #expect(PollDecision.gone.skipReason == "gone (HTTP 410); name it to poll it again")
        #expect(PollDecision.due.skipReason == nil)
    }

    @Test func theTotalsComeFromWhatTheStateRecordedAndFailuresHaveNoResultLine() throws {
        let world = try DaemonWorld(answers: [:])
        let state = try world.store()
        try state.setFeedState(FeedState(lastResult: "ok: 3 new, 1 updated", lastNew: 3, lastUpdated: 1), for: "lwn")
        try state.setFeedState(FeedState(lastResult: "not modified"), for: "quiet")
        try state.setFeedState(FeedState(lastResult: "error: HTTP 500", errorCount: 1), for: "flaky")
        let totals = RunTotals(polled: ["lwn", "quiet", "flaky", "never"], state: state)
        #expect(totals.new == 3 && totals.updated == 1)
        #expect(totals.results.map { "\($0.feed): \($0.result)" } == ["lwn: 3 new, 1 updated", "quiet: not modified"])
        #expect(totals.summary(feeds: 4, failures: 1) == "4 feeds, 3 new, 1 updated, 1 failed")
    }

    @Test func aRunThatDeliveredNothingAndFailedNothingHasNoSummary() throws {
        let world = try DaemonWorld(answers: [:])
        let totals = RunTotals(polled: ["lwn"], state: try world.store())
        #expect(totals.summary(feeds: 1, failures: 0) == nil)
        #expect(totals.summary(feeds: 1, failures: 1) == "1 feed, 0 new, 0 updated, 1 failed")
    }
}
