import Testing
import Cleaner

/// Lines that podcast show notes end with, in the shapes shows write them: follow lines for a
/// host with a linked network, a lead-in before "follow us on", an address alone under "Get in
/// touch", review appeals after a condition. Each paired with prose that uses the same words.
@Suite struct ShowNotesTests {
    typealias Case = BoilerplateFamilyTests.Case

    static let lines: [Case] = [
        Case(html: "<p>Follow Marshall on <a href=\"https://twitter.com/m\">Twitter</a></p>", kind: "social links"),
        Case(html: "<p>Stay up to date with the latest news: follow us on Twitter, Instagram and Facebook.</p>", kind: "social links"),
        Case(html: "<p>Give us a follow on <a href=\"https://instagram.com/dd\">Instagram</a>!</p>", kind: "social links"),
        Case(html: "<p><a href=\"mailto:hi@harbour.fm\">hi@harbour.fm</a></p>", kind: "contact line", edges: [.tail]),
        Case(html: "<p>If you like the show, please leave us a review on Apple Podcasts. It really helps!</p>", kind: "podcast links"),
        Case(html: "<p>If you enjoyed this episode, rate and review us on Spotify.</p>", kind: "podcast links"),
    ]

    @Test(arguments: lines) func showNotesLinesGo(line: Case) { BoilerplateFamilyTests.check(line) }

    /// Prose with the same words stays at the head, at the tail and between paragraphs.
    @Test(arguments: [
        "Follow Brian on his long walk from Oslo to Lagos, which his sister filmed for Instagram.",
        "The minister said: follow us on Twitter was the campaign's only message, and it worked.",
        "If you like the show's host, you will love her new book about the harbour's ferries.",
        "Write to jo@harbour.fm with your tide photos and we will print the best of them next week.",
    ]) func proseWithTheSameWordsStays(prose: String) { WordingFamilyTests.checkKept(prose) }
}
