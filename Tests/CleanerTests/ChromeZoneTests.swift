import Testing
import Cleaner

/// Page chrome a scraped post keeps around its article (`ChromeZones`):
/// short blocks at an edge, most of them named by the edge rules, with
/// names and separators between them; and the platform labels that go
/// between paragraphs (`PlatformChrome.isWidgetLine`). Paired with
/// articles whose short lines near the edges are their own.
@Suite struct ChromeZoneTests {
    static let second = BoilerplateFamilyTests.secondParagraph
    static let body = "<p>\(bodyParagraph)</p><p>\(second)</p>"

    @Test func aMediumStyleHeadLosesItsChromeAndKeepsTitleAndAuthor() {
        let head = """
            <p>Member-only story</p><h1>The night ferry</h1><p><a href="https://medium.example/@jo">Jo Reyes</a></p>
            <p>·</p><p><a href="https://medium.example/@jo/follow">Follow</a></p><p>5 min read</p><p>·</p>
            <p>Listen</p><p>Share</p>
            """
        let article = clean(head + Self.body)
        #expect(article.text == "The night ferry\n\nJo Reyes\n\n" + bodyParagraph + "\n\n" + Self.second, "\(article.removedWhat)")
    }

    @Test func aMediumStyleTailGoesWithTheNamesBetweenItsLabels() {
        let more = "By the time the ferry reached the island, the crew had counted every passenger twice, and the "
            + "harbour master had written the night's log in the old book by the door."
        let tail = """
            <p>Written by Jo Reyes</p><p>1.2K Followers</p><p>Writer for The Harbour Gazette</p>
            <p><a href="https://medium.example/@jo/follow">Follow</a></p><p>Recommended from Medium</p>
            """
        let article = clean(Self.body + "<p>\(more)</p>" + tail)
        // The byline above the zone is the writer's name, and stays.
        #expect(article.text == bodyParagraph + "\n\n" + Self.second + "\n\n" + more + "\n\nWritten by Jo Reyes",
                "\(article.removedWhat)")
    }

    @Test func bloggerNavigationBetweenTheArticleAndItsSidebarGoes() {
        let more = "By the time the ferry reached the island, the crew had counted every passenger twice, and the "
            + "harbour master had written the night's log in the old book by the door."
        let tail = """
            <p>Posted by Morag at 10:45 AM</p><p>No comments:</p><p><a href="/p#comment-form">Post a Comment</a></p>
            <p><a href="/newer">Newer Post</a> <a href="/older">Older Post</a> <a href="/">Home</a></p>
            <p>Subscribe to: <a href="/feeds/comments">Post Comments (Atom)</a></p><h2>Blog Archive</h2><p>Harbour notes</p>
            """
        let article = clean(Self.body + "<p>\(more)</p>" + tail)
        #expect(article.text == bodyParagraph + "\n\n" + Self.second + "\n\n" + more, "\(article.removedWhat)")
    }

    @Test func mediumRecommendationsGoWithTheirTeasers() {
        let more = "By the time the ferry reached the island, the crew had counted every passenger twice, and the "
            + "harbour master had written the night's log in the old book by the door."
        let teasers = (1...3).map { number in
            "<h3><a href=\"https://medium.example/p/\(number)\">Ten ferries, part \(number)</a></h3><p>What the crossing taught me about timetables, tides and patience, in \(number) short lessons.</p><p>Jo Reyes · 4 min read</p>"
        }
        let article = clean(Self.body + "<p>\(more)</p><p>\(more)</p><h2>Recommended from Medium</h2>" + teasers.joined())
        #expect(article.text == bodyParagraph + "\n\n" + Self.second + "\n\n" + more + "\n\n" + more, "\(article.removedWhat)")
    }

    @Test func aSectionOnRecommendationsInTheArticleStays() {
        let html = "<p>\(bodyParagraph)</p><h2>Recommended from the harbour master</h2>"
            + "<p>Sail before noon in winter, and never with the tide against the wind.</p><p>\(Self.second)</p>"
        let article = clean(html)
        #expect(article.text.contains("Recommended from the harbour master"), "\(article.removedWhat)")
    }

    static let inlineChrome = [
        "<p>Member-only story</p>", "<p><a href=\"/newer\">Newer Post</a> <a href=\"/older\">Older Post</a> <a href=\"/\">Home</a></p>",
        "<p>Subscribe to: <a href=\"/feeds\">Post Comments (Atom)</a></p>", "<p>1.2K Followers</p>",
        "<p>Listen to this article</p>", "<p>Published in The Harbour Gazette · 5 min read · Jan 3, 2024</p>",
    ]

    @Test(arguments: inlineChrome) func platformLabelsGoBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    @Test func shortLinesOfTheArticleNearItsEdgesStay() {
        // A poem's short lines around a share prompt: the lines are the article's.
        let poem = "<p>The tide came in</p><p>and the boats came home</p><p>and nobody spoke</p>"
        let html = "<p>Share</p>" + poem + Self.body + poem + "<p>Share this:</p><p>Like this:</p><p>Like Loading...</p>"
        let article = clean(html)
        #expect(article.text.hasPrefix("The tide came in\n\nand the boats came home\n\nand nobody spoke"), "\(article.removedWhat)")
        #expect(article.text.hasSuffix("and nobody spoke"), "\(article.removedWhat)")
    }

    @Test func aStoryOfShortSentencesKeepsThemAtTheTail() {
        let ending = "<p>Share this with your family.</p><p>They came home.</p><p>All of them.</p><p>Share</p><p>Tweet</p>"
        let article = clean(Self.body + ending)
        #expect(article.text.hasSuffix("They came home.\n\nAll of them."), "\(article.removedWhat)")
    }
}
