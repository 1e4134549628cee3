import Testing
import Cleaner

/// Media-player time labels at an entry's edges
/// (`PlatformChrome`), and podcast-links lines between paragraphs
/// (`InlineNoise`); paired with prose and chapter lists that use the same
/// words and numbers.
@Suite struct PlatformChromeTests {
    static let body = "<p>\(bodyParagraph)</p><p>\(secondParagraph)</p>"
    static let secondParagraph = "By evening the harbour master had counted them all back, and the lifeboat crew went home for supper."
    static let bodyText = bodyParagraph + "\n\n" + secondParagraph

    @Test func playerTimeLabelsGoAtTheHead() {
        let article = clean("<p>0:00</p><p>/0:32</p>" + Self.body)
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    @Test func aPodcastLinksLineBetweenParagraphsGoes() {
        let links = #"<p>You can <a href="https://harbour.example/ep1.m4a">download the m4a file</a> or <a href="https://podcasts.apple.com/p/1">subscribe in iTunes</a>. (Or <a href="https://harbour.example/rss.xml">subscribe to the podcast feed</a>.)</p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + links + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text == Self.bodyText, "\(article.removedWhat)")
    }

    // MARK: - The same words in the article

    @Test func proseAboutUpdatesAndChapterTimesStays() {
        let paragraphs = [
            "Last updated at 14:25 on Friday, the tide table was wrong for the whole weekend.",
            "0:00 Intro",
            "Last modified by the council in 2019. The map still shows the old pier at 10:30 low tide.",
        ]
        for paragraph in paragraphs {
            for html in ["<p>\(paragraph)</p>" + Self.body, Self.body + "<p>\(paragraph)</p>"] {
                let article = clean(html)
                #expect(article.text.contains(paragraph), "\(article.removedWhat)")
            }
        }
    }

    @Test func aLinkRichParagraphAboutPodcastsInTheMiddleStays() {
        let prose = #"<p>You can download <a href="https://harbour.example/a">the harbour podcast</a> from <a href="https://podcasts.apple.com/p/1">Apple Podcasts</a>, but the <a href="https://harbour.example/b">first three episodes</a> were recorded on a phone in the fish market, and the <a href="https://harbour.example/c">gulls</a> are louder than the guests.</p>"#
        let article = clean("<p>\(bodyParagraph)</p>" + prose + "<p>\(Self.secondParagraph)</p>")
        #expect(article.text.contains("and the gulls are louder than the guests."))
        #expect(article.removed.isEmpty)
    }
}
