import Cleaner
import FeedParser
import Foundation
import Testing

/// The clean-feeds benchmark's labels (`Benchmarks/clean-feeds/labels/`) and
/// the real feeds they name, in `../shared/data/feeds/real`.
enum LabelledFeeds {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../..")
        .standardizedFileURL
    static let labelFolder = repository.appendingPathComponent("Benchmarks/clean-feeds/labels")
    static let feedFolder = repository.appendingPathComponent("../shared/data/feeds/real").standardizedFileURL

    static var feedsExist: Bool {
        FileManager.default.fileExists(atPath: feedFolder.path)
    }

    /// Every label file's name, sorted.
    static var labelFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: labelFolder.path)) ?? [])
            .filter { $0.hasSuffix(".json") }
            .sorted()
    }

    /// One label file: the feed it labels and, per entry, the spans a reader keeps.
    struct File: Decodable {
        var feed: String
        var split: String
        var entries: [LabelledEntry]
    }

    /// A labelled entry, by its index among the feed's entries.
    struct LabelledEntry: Decodable {
        var index: Int
        var keep: [Span]
    }

    /// A span of text: whole when short, else its first and last words and its length in words.
    struct Span: Decodable {
        var text: String?
        var head: String?
        var tail: String?
        var words: Int?

        /// How the span reads in a failure message.
        var summary: String { text ?? "\(head ?? "") … \(tail ?? "") (\(words ?? 0) words)" }

        /// Whether `tokens` hold the span's words in order, with nothing missing or added between its ends.
        func isWhole(in tokens: [String]) -> Bool {
            if let text {
                let wanted = LabelledFeeds.tokens(text)
                return wanted.isEmpty || tokens.firstRange(of: wanted) != nil
            }
            guard let head, let tail, let words else { return false }
            let first = LabelledFeeds.tokens(head), last = LabelledFeeds.tokens(tail)
            var from = tokens.startIndex
            while let range = tokens[from...].firstRange(of: first) {
                let end = range.lowerBound + words
                if end <= tokens.endIndex, tokens[(end - last.count)..<end].elementsEqual(last) { return true }
                from = range.lowerBound + 1
            }
            return false
        }
    }

    /// The label file `name` of `labelFolder`.
    static func load(_ name: String) throws -> File {
        try JSONDecoder().decode(File.self, from: Data(contentsOf: labelFolder.appendingPathComponent(name)))
    }

    /// The benchmark's comparison unit: runs of letters, digits and `_`
    /// (Python's `\w+`), each lower-cased, so white space, punctuation and
    /// markup never matter.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var start: String.UnicodeScalarView.Index?
        let scalars = text.unicodeScalars
        for index in scalars.indices {
            if isWordScalar(scalars[index]) {
                if start == nil { start = index }
            } else if let from = start {
                result.append(String(scalars[from..<index]).lowercased())
                start = nil
            }
        }
        if let from = start { result.append(String(scalars[from...]).lowercased()) }
        return result
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// "Never lose text": every span of article text a reader keeps, in the
/// labelled real feeds, comes out of the cleaner whole, both one entry at a
/// time (`feedspool clean`) and as the poller cleans it, with the template it
/// learns from the whole feed.
@Suite(.enabled(if: LabelledFeeds.feedsExist, "../shared/data/feeds/real not found: labelled feed tests skipped"))
struct LabelledFeedTests {
    /// The set is as large as issue #9 asks, and has both splits.
    @Test func thereAreEnoughLabels() throws {
        let files = try LabelledFeeds.labelFiles.map(LabelledFeeds.load)
        #expect(files.count >= 40)
        #expect(files.reduce(0) { $0 + $1.entries.count } >= 300)
        #expect(Set(files.map(\.split)) == ["dev", "holdout"])
    }

    /// Every keep span of every labelled entry of the feed comes out whole, both ways.
    @Test(arguments: LabelledFeeds.labelFiles)
    func everyKeptSpanSurvives(labelFile: String) throws {
        let label = try LabelledFeeds.load(labelFile)
        let bytes = [UInt8](try Data(contentsOf: LabelledFeeds.feedFolder.appendingPathComponent(label.feed)))
        let entries = try FeedParser().parse(bytes).entries
        let cleaner = Cleaner()
        // As FeedPoll learns it: from every entry's body, once a feed has three.
        let bodies = entries.map { $0.content ?? $0.summary }
        let template = entries.count >= 3 ? FeedTemplate(learningFrom: bodies.compactMap { $0 }) : nil
        for labelled in label.entries {
            let entry = try #require(entries.indices.contains(labelled.index) ? entries[labelled.index] : nil,
                                     "\(label.feed) has no entry \(labelled.index)")
            let body = try #require(bodies[labelled.index], "\(label.feed)#\(labelled.index) has no body")
            for (path, article) in [("clean", cleaner.clean(body, baseURL: entry.link)),
                                    ("poller", cleaner.clean(body, baseURL: entry.link, template: template))] {
                let tokens = LabelledFeeds.tokens(article.text)
                for span in labelled.keep {
                    #expect(span.isWhole(in: tokens), "\(path) lost \(label.feed)#\(labelled.index): \(span.summary)")
                }
            }
        }
    }
}

