import Testing
import Cleaner

/// Closing notes of blogs and newsletters: the subscribe box, share prompts after a question or
/// "P.S.", WordPress's entry line, disclaimers and links to the post in other languages. Each
/// paired with prose that uses the same words.
@Suite struct ClosingNotesTests {
    typealias Case = BoilerplateFamilyTests.Case

    static let notes: [Case] = [
        Case(html: "<p>Thanks for reading! Subscribe for free to receive new posts and support my work.</p>", kind: "subscribe prompt"),
        Case(html: "<p>Sign up to get every new post in your inbox.</p>", kind: "subscribe prompt"),
        Case(html: "<p>Danke fürs Lesen! Abonniere kostenlos, um neue Beiträge zu erhalten.</p>", kind: "subscribe prompt"),
        Case(html: "<p>Enjoyed this post? Share it with a friend who might like it too.</p>", kind: "share prompt"),
        Case(html: "<p>P.S. If you enjoyed this issue, please forward it to a friend.</p>", kind: "share prompt"),
        Case(html: "<p>This entry was posted in <a href=\"/c/news\">News</a> and tagged <a href=\"/t/h\">harbour</a>. "
            + "Bookmark the <a href=\"/p/1\">permalink</a>.</p>", kind: "post metadata", edges: [.tail]),
        Case(html: "<p>The views expressed here are the author's own and do not reflect those of the Gazette.</p>", kind: "disclaimer"),
        Case(html: "<p>Disclaimer: this is not financial advice. Do your own research.</p>", kind: "disclaimer"),
        Case(html: "<p>Read this post in <a href=\"https://x.example/es/p/1\">Español</a> | "
            + "<a href=\"https://x.example/fr/p/1\">Français</a></p>", kind: "translation links"),
    ]

    @Test(arguments: notes) func closingNotesGo(note: Case) { BoilerplateFamilyTests.check(note) }

    /// Prose with the same words stays at the head, at the tail and between paragraphs.
    @Test(arguments: [
        "She subscribed to the council's minutes for free and read every new post about the harbour wall.",
        "The views expressed by the mayor did not reflect council policy, the committee found on Tuesday.",
        "The regulator said the app's tips were not financial advice under the law, and closed the case.",
        "The author's memoir is also available in German, translated by her sister last spring.",
        "If you enjoyed the ferry as a child, you will find the new one very different: it is faster and quieter.",
    ]) func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}
