import Testing
import Cleaner

/// Share bars and prompts (`ShareBars`) and comment links and prompts
/// (`CommentPrompts`) at an entry's edges, in several wordings and
/// languages; each family paired with prose that uses its words and must
/// keep every one, at the head, at the tail and between paragraphs.
@Suite struct ShareAndCommentPromptTests {
    typealias Case = BoilerplateFamilyTests.Case

    // MARK: - Share

    static let shareBars: [Case] = [
        Case(html: "<p>Share this: <a href=\"https://twitter.com/intent/tweet?u=1\">Twitter</a> <a href=\"https://facebook.com/sharer?u=1\">Facebook</a></p>", kind: "share prompt"),
        Case(html: "<ul><li><a href=\"https://twitter.com/share?u=1\">Click to share on X (Opens in new window)</a></li><li><a href=\"https://facebook.com/sharer?u=1\">Click to share on Facebook (Opens in new window)</a></li></ul>", kind: "share prompt"),
        Case(html: "<p><a href=\"https://facebook.com/sharer?u=1\">Share on Facebook</a> · <a href=\"https://linkedin.com/share?u=1\">Share on LinkedIn</a> · <a href=\"mailto:?body=1\">Email</a></p>", kind: "share prompt"),
        Case(html: "<p><a href=\"https://twitter.com/share?u=1\">Tweet</a> <a href=\"https://pinterest.com/pin?u=1\">Pin it</a></p>", kind: "share prompt"),
        Case(html: "<p>Teilen: <a href=\"https://facebook.com/sharer?u=1\">Facebook</a>, <a href=\"https://wa.me/?text=1\">WhatsApp</a></p>", kind: "share prompt"),
        Case(html: "<p><a href=\"https://facebook.com/sharer?u=1\">Partager sur Facebook</a></p>", kind: "share prompt"),
        Case(html: "<p>Compartir en Twitter</p>", kind: "share prompt"),
        Case(html: "<p>Condividi su WhatsApp</p>", kind: "share prompt"),
        Case(html: "<p>Share it with your friends.</p>", kind: "share prompt"),
        Case(html: "<p>Spread the word!</p>", kind: "share prompt"),
        Case(html: "<p>Share your thoughts about the newsletter.</p>", kind: "share prompt"),
        Case(html: "<p><a href=\"https://facebook.com/p/1\">Share the Facebook post</a></p>", kind: "share prompt"),
        Case(html: "<p>Email This BlogThis! Share to Twitter Share to Facebook Share to Pinterest</p>", kind: "share prompt"),
        Case(html: "<p><a href=\"https://gazette.example/p/1\">Copy link</a></p>", kind: "share prompt"),
        Case(html: "<p>Shared: <a href=\"https://social.example/@gazette/113778884376882225\">https://social.example/@gazette/113778884376882225</a></p>", kind: "share prompt"),
        // A label over networks' names only: the social-links rule takes it first at an edge.
        Case(html: "<p>Also on: <a href=\"https://social.example/@g/1\">Mastodon</a> <a href=\"https://bsky.example/g/1\">Bluesky</a></p>", kind: "social links"),
    ]

    @Test(arguments: shareBars) func shareBarsAndPromptsGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let shareBetweenParagraphs = [
        "<p><a href=\"https://facebook.com/sharer?u=1\">Facebook</a> | <a href=\"https://twitter.com/share?u=1\">Share on X</a> | <a href=\"mailto:?body=1\">Email</a></p>",
        "<p><a href=\"https://facebook.com/sharer?u=1\">Auf Facebook teilen</a></p>",
    ]

    @Test(arguments: shareBetweenParagraphs) func aShareBarOfLinksGoesBetweenParagraphs(noise: String) {
        WordingFamilyTests.checkBetweenParagraphs(noise)
    }

    static let shareProse = [
        "Share prices on the island exchange fell by a third when the ferry company announced the winter timetable.",
        "Share the cost of the boat with your neighbours, the harbour master told us, and the fuel lasts all winter.",
        "She shared the post on Facebook, and by morning the whole island knew the ferry was cancelled.",
        "Share this with the council, he said, handing over the tide tables he had kept since 1987.",
        "Please share your memories of the old pier with the museum, which is collecting them until March.",
        "Twitter, Facebook and email were all down on the island for a week after the storm.",
        "Spread the word about the winter timetable was the council's plan, but nobody read the posters.",
        "Shared: the cost of the boat, the fuel and the nets, between the four families of the north pier.",
        "Also on: the agenda, the harbour dues and the <a href=\"https://council.example/minutes\">minutes</a> of the last meeting.",
    ]

    @Test(arguments: shareProse) func proseAboutSharingStays(prose: String) { WordingFamilyTests.checkKept(prose) }

    // MARK: - Comments

    static let commentPrompts: [Case] = [
        Case(html: "<p><a href=\"https://news.example/item?id=30937433\">Comments</a></p>", kind: "comment"),
        Case(html: "<p><a href=\"https://blog.example/post#comments\">12 Comments</a></p>", kind: "comment"),
        Case(html: "<p><a href=\"https://blog.example/post#respond\">Leave a comment</a></p>", kind: "comment"),
        Case(html: "<p><a href=\"https://blog.example/post#respond\">Post a Comment</a></p>", kind: "comment"),
        Case(html: "<p><a href=\"https://blog.example/post#comments\">Kommentare (5)</a></p>", kind: "comment"),
        Case(html: "<p><a href=\"https://blog.example/post#comments\">Aucun commentaire</a></p>", kind: "comment"),
        Case(html: "<p><strong>Commentaires :</strong> <a href=\"//blog.example/nodes/1/comments.atom\">voir le flux atom</a> <a href=\"https://blog.example/post#comments\">ouvrir dans le navigateur</a></p>", kind: "comment prompt"),
        Case(html: "<p><a href=\"https://blog.example/p\">Permalink</a> | <a href=\"https://blog.example/p#comments\">Comments (3)</a></p>", kind: "comment prompt"),
        Case(html: "<p><a href=\"https://blog.example/p#disqus_thread\">Top Comments</a></p>", kind: "comment prompt"),
        Case(html: "<p>Discuss on <a href=\"https://news.ycombinator.com/item?id=1\">Hacker News</a></p>", kind: "comment prompt"),
        Case(html: "<p>Discussion: <a href=\"https://news.ycombinator.com/item?id=1\">Hacker News</a> · <a href=\"https://lobste.rs/s/1\">Lobsters</a></p>", kind: "comment prompt"),
        Case(html: "<p>Join the discussion on our forum.</p>", kind: "comment prompt"),
        Case(html: "<p>Open a thread on the forums to discuss one of the topics of this issue.</p>", kind: "comment prompt"),
        Case(html: "<p>What would you like to see in next week’s update? Let us know in the comments!</p>", kind: "comment prompt"),
        Case(html: "<p>What do you think? Leave a comment below.</p>", kind: "comment prompt"),
        Case(html: "<p>Dites-nous ce que vous en pensez dans les commentaires.</p>", kind: "comment prompt"),
        Case(html: "<p>Was haltet ihr davon? Schreibt es uns in den Kommentaren!</p>", kind: "comment prompt"),
    ]

    @Test(arguments: commentPrompts) func commentLinksAndPromptsGo(family: Case) { BoilerplateFamilyTests.check(family) }

    static let commentProse = [
        "Readers let us know in the comments that the ferry times were wrong, so we checked them again with the harbour office.",
        "Comments on the draft timetable can be sent to the council until Friday, and the harbour office will publish them.",
        "Discuss this with the harbour master before you moor a boat longer than twelve metres at the inner pier.",
        "Readers who disagree should write to the council, not leave a comment.",
        "The thread on the island forum ran to four hundred posts before the council closed it for the winter.",
        "Two hundred comments arrived in the first hour, most of them about the price of the ferry.",
        "The discussion at the harbour meeting lasted until midnight, and nobody mentioned the comments.",
    ]

    @Test(arguments: commentProse) func proseAboutCommentsStays(prose: String) { WordingFamilyTests.checkKept(prose) }

    @Test func aCommentsHeadingThatTitlesTheArticleStays() {
        let article = clean("<h2>Two thoughts</h2><p>\(bodyParagraph)</p><p>\(BoilerplateFamilyTests.secondParagraph)</p>")
        #expect(article.text.hasPrefix("Two thoughts"), "\(article.removedWhat)")
    }
}
