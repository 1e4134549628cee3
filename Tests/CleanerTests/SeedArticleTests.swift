import Foundation
import Testing
import Cleaner

/// The seed article from `shared/examples/`: a plain-text export whose head
/// carries a bare comment count ("0") and a UUID, and whose tail carries
/// an attribution ("Original Source: news.sky.com") and a WordPress comment
/// form ("Leave a Reply", "Your email address will not be published…").
///
/// The shared file lives outside the package, so its tests are skipped when
/// it is absent; `PlainText/seed-shape.txt`, written for the project in the
/// same shape, always runs.
@Suite struct SeedArticleTests {
    /// `shared/examples/seed-article.txt`, found from this file's location.
    static let seedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../shared/examples/seed-article.txt")
        .standardizedFileURL
    static let seedExists = FileManager.default.fileExists(atPath: seedURL.path)

    private static func seedInput() throws -> String {
        try String(contentsOf: seedURL, encoding: .utf8)
    }

    /// The seed's body paragraphs as the file has them: every paragraph
    /// long enough to be prose (the summary and the article).
    private static func seedBody() throws -> [String] {
        try seedInput().components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0.count > 200 }
    }

    // MARK: - The shared seed article

    @Test(.enabled(if: seedExists, "shared/examples/seed-article.txt not found: seed tests skipped"))
    func seedTitleIsItsFirstLine() throws {
        let article = clean(try Self.seedInput())
        #expect(article.title == "Iran-Backed Militias Reinforce Syrian Forces Amid Renewed Rebel Offensive")
    }

    @Test(.enabled(if: seedExists, "shared/examples/seed-article.txt not found: seed tests skipped"))
    func seedSourceIsTheOriginalSourceLine() throws {
        let article = clean(try Self.seedInput())
        #expect(article.source == "news.sky.com")
    }

    @Test(.enabled(if: seedExists, "shared/examples/seed-article.txt not found: seed tests skipped"))
    func seedTextIsTheSummaryAndEveryBodyParagraphAndNothingElse() throws {
        let article = clean(try Self.seedInput())
        let body = try Self.seedBody()
        #expect(body.count == 7, "the seed has a summary and six body paragraphs")
        #expect(article.text == body.joined(separator: "\n\n"))
        #expect(article.text.hasPrefix("Iran-backed militias have entered Syria to assist Assad’s regime"))
        #expect(article.text.contains("Overnight, Iran-supported militias have re-entered Syria"))
        #expect(article.text.hasSuffix("emphasizing the need for a reassessment of strategies by all parties involved."))
    }

    @Test(.enabled(if: seedExists, "shared/examples/seed-article.txt not found: seed tests skipped"))
    func seedTextHasNoneOfTheNoiseLines() throws {
        let article = clean(try Self.seedInput())
        let lines = article.text.components(separatedBy: "\n")
        #expect(!lines.contains("0"))
        #expect(!article.text.contains("5a5ba9a7-bdf9-4604-a044-38d264183138"))
        #expect(!article.text.contains("Original Source"))
        #expect(!article.text.contains("Leave a Reply"))
        #expect(!article.text.contains("Your email address"))
        #expect(!article.text.contains("Required fields"))
    }

    @Test(.enabled(if: seedExists, "shared/examples/seed-article.txt not found: seed tests skipped"))
    func seedRemovalsNameTheCountTheAttributionAndTheCommentForm() throws {
        let article = clean(try Self.seedInput())
        #expect(article.removed("head: comment count"))
        #expect(article.removed("attribution: \"Original Source: news.sky.com\""))
        #expect(article.removed("tail: comments section from \"Leave a Reply\""))
    }

    // MARK: - The same shape, written for the project

    @Test func seedShapedTextGivesTitleSourceAndExactBody() throws {
        let article = try Fixture.clean("PlainText/seed-shape.txt")
        #expect(article.title == "Tram Extension to the Harbour Opens Two Years Late")
        #expect(article.source == "harbourcity.example.com")
        #expect(article.text == """
            The tram line to the harbour opened to passengers on Saturday, two years later than planned and \
            eleven million pounds over its original budget. The first tram left the central station at six in \
            the morning with the mayor on board.

            The 3.2-kilometre extension adds four stops, including one at the ferry terminal, and the city \
            expects it to carry nine thousand passengers a day once the summer timetable starts. Until now, ferry \
            passengers have had to take a bus or walk twenty minutes along the quay.

            Delays were blamed on a buried Victorian sewer that was not on any of the survey maps, and on a \
            shortage of the specialist rail that the contractor had ordered from abroad. The council said the \
            extra cost would be met from its transport reserve rather than from fares.

            Local businesses on the quay welcomed the opening but said the construction had cost them two \
            summers of trade. A compensation scheme paid out to thirty-one of them.
            """)
    }

    @Test func seedShapedHtmlIsTheBodyParagraphs() throws {
        let article = try Fixture.clean("PlainText/seed-shape.txt")
        #expect(article.html.hasPrefix("<p>The tram line to the harbour opened"))
        #expect(article.html.hasSuffix("paid out to thirty-one of them.</p>"))
        #expect(article.html.components(separatedBy: "<p>").count - 1 == 4)
    }

    @Test func seedShapedRemovalsNameEveryStrippedPart() throws {
        let article = try Fixture.clean("PlainText/seed-shape.txt")
        let what = article.removedWhat
        try #require(what.count == 3, "removed: \(what)")
        #expect(what[0].hasPrefix("head: comment count"))
        #expect(what[1] == "tail: comments section from \"Leave a Reply\"")
        #expect(what[2] == "attribution: \"Original Source: harbourcity.example.com\"")
        #expect(article.removed.map(\.chars) == [38, 83, 40])
    }

    /// The "0" and the UUID sit in one block (two lines, no blank line
    /// between); the audit trail should say that both went.
    @Test func seedShapedRemovalsNameTheUUIDLineToo() throws {
        let article = try Fixture.clean("PlainText/seed-shape.txt")
        #expect(article.removedWhat.contains { $0.contains("UUID") },
                "removed: \(article.removedWhat)")
    }
}
