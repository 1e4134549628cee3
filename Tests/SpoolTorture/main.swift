// The child process of the spool's kill -9 test (Tests/SpoolTests/KillTests.swift).
//
//     spool-torture SPOOL STATE [feeds=4] [rounds=12] [window=6] [step=2] [group=1]
//     spool-torture --expect [feeds=4] [rounds=12] [window=6] [step=2]
//
// Runs what the daemon runs: recover, then for each round and each feed
// `newEntries` over a sliding window of the feed's entries, and `deliver`,
// `group` feeds to a batch (the last batch of a round may hold fewer).
// Each run starts again from round 0, the way a restarted daemon polls
// feeds that still list what it may have missed; the state store skips what
// was delivered. Prints `recovered …` after recovery, `round N` before each
// round, `batch FEEDS COUNT` before each delivery of new articles and `done`
// at the end, flushed, so the test can aim its kills.
// `--expect` prints the id of every article the input holds, one a line.
// FEEDSPOOL_CRASH_AT makes it exit at a protocol step (Sources/Spool/CrashPoint.swift).

#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Cleaner
import FeedParser
import Spool
import State

/// Writes one line to standard error.
func printError(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

var positional: [String] = []
var options: [String: Int] = ["feeds": 4, "rounds": 12, "window": 6, "step": 2, "group": 1]
for argument in CommandLine.arguments.dropFirst() {
    let parts = argument.split(separator: "=", maxSplits: 1)
    if parts.count == 2, let value = Int(parts[1]) {
        options[String(parts[0])] = value
    } else {
        positional.append(argument)
    }
}
let feeds = options["feeds"]!, rounds = options["rounds"]!, window = options["window"]!, step = options["step"]!
let group = max(1, options["group"]!)

/// Entry `index` of feed `feed`. Feeds cycle through the four ways entries
/// are keyed: by guid, by link (no guid), by hash (neither), and by link
/// because guids repeat (two entries share each guid).
func entry(feed: Int, index: Int) -> Entry {
    let name = "feed-\(feed)"
    let body = "<p>Entry \(index) of \(name).</p>" + String(repeating: "<p>Lorem ipsum dolor sit amet.</p>", count: 6)
    switch feed % 4 {
    case 0:
        return Entry(guid: "urn:\(name):\(index)", title: "Entry \(index)", link: "https://example.org/\(name)/\(index)", content: body)
    case 1:
        return Entry(title: "Entry \(index)", link: "https://example.org/\(name)/\(index)", content: body)
    case 2:
        return Entry(title: "Entry \(index)", content: body)
    default:
        return Entry(guid: "urn:\(name):pair-\(index / 2)", title: "Entry \(index)",
                     link: "https://example.org/\(name)/\(index)", content: body)
    }
}

/// What feed `feed` lists in round `round`: a window that slides by `step`.
func document(feed: Int, round: Int) -> [Entry] {
    (round * step ..< round * step + window).map { entry(feed: feed, index: $0) }
}

if positional.first == "--expect" {
    for feed in 0..<feeds {
        // The keys the whole run settles on: the last window decides
        // whether a feed repeats guids, and the flag is sticky.
        let all = (0 ..< (rounds - 1) * step + window).map { entry(feed: feed, index: $0) }
        let useGuid = !EntryKeys.guidsRepeat(in: all)
        for item in all {
            print(EntryKeys.articleID(feed: "feed-\(feed)", key: EntryKeys.key(for: item, useGuid: useGuid)))
        }
    }
    exit(0)
}

guard positional.count == 2 else {
    printError("usage: spool-torture SPOOL STATE [feeds=N] [rounds=N] [window=N] [step=N]")
    exit(2)
}
let spool = Spool(path: positional[0])
do {
    let state = try StateStore.open(folder: positional[1])
    let recovery = try spool.recover(state: state)
    print("recovered \(recovery.moved) \(recovery.alreadyDelivered) \(recovery.strayFilesRemoved)")
    fflush(nil)
    for round in 0..<rounds {
        print("round \(round)")
        fflush(nil)
        for first in stride(from: 0, to: feeds, by: group) {
            var batch: [Spool.FeedArticles] = []
            for feed in first..<min(first + group, feeds) {
                let info = FeedInfo(name: "feed-\(feed)", url: "https://example.org/feed-\(feed).xml", tags: ["torture"])
                let fresh = try state.newEntries(feed: info.name, entries: document(feed: feed, round: round), updates: false)
                let articles = fresh.map { item in
                    SpoolArticle(feed: info, newEntry: item,
                                 body: CleanArticle(title: nil, text: "text", html: item.entry.content ?? "", source: nil, removed: []),
                                 summary: nil, fetched: Date())
                }
                batch.append(Spool.FeedArticles(feed: info.name, articles: articles))
            }
            let count = batch.reduce(0) { $0 + $1.articles.count }
            if count > 0 {
                print("batch \(batch.map(\.feed).joined(separator: ",")) \(count)")
                fflush(nil)
            }
            if group == 1 {
                try spool.deliver(batch[0].articles, feed: batch[0].feed, state: state)
            } else {
                try spool.deliver(batch, state: state)
            }
        }
    }
    print("done")
} catch {
    printError("spool-torture: \(error)")
    exit(1)
}
