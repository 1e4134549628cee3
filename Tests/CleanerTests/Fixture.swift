import Foundation
import Testing
import Cleaner

/// The documents under `Fixtures/`, which the test target copies as a
/// resource folder: `Entries/` (feed entry content as WordPress, Jetpack,
/// Yoast, Blogger, Medium, Substack, Ghost, Disqus, AddToAny, YARPP,
/// FeedBurner and Reddit emit it), `Pages/` (whole web pages), `Legitimate/`
/// (articles that use the words boilerplate uses, and must keep them),
/// `Template/` (five issues of one newsletter feed) and `PlainText/`.
enum Fixture {
    /// Every HTML fixture, for checks that hold for all of them.
    static let allHTML = [
        "Entries/addtoany-bar.html", "Entries/blogger-post.html", "Entries/comment-thread.html",
        "Entries/continue-reading-excerpt.html", "Entries/disqus-thread.html", "Entries/feedburner-flare.html",
        "Entries/ghost-post.html", "Entries/medium-item.html", "Entries/podcast-show-notes.html",
        "Entries/reddit-link-post.html", "Entries/reddit-self-post.html", "Entries/substack-post.html",
        "Entries/wordpress-jetpack.html", "Entries/yarpp-related.html", "Entries/yoast-excerpt.html",
        "Legitimate/comment-moderation.html", "Legitimate/cookie-recipe.html", "Legitimate/post-office.html",
        "Legitimate/related-work.html", "Legitimate/share-buttons-essay.html",
        "Legitimate/share-enabled-content.html", "Pages/share-enabled-page.html", "Pages/wordpress-page.html",
        "Template/entry-1.html", "Template/entry-2.html", "Template/entry-3.html", "Template/entry-4.html",
        "Template/entry-5.html",
    ]

    /// The text of `Fixtures/<path>` (UTF-8).
    static func text(_ path: String) throws -> String {
        let folder = try #require(
            Bundle.module.url(forResource: "Fixtures", withExtension: nil),
            "the Fixtures folder is missing from the test bundle")
        let data = try Data(contentsOf: folder.appendingPathComponent(path))
        return try #require(String(data: data, encoding: .utf8), "\(path) is not UTF-8")
    }

    /// `Fixtures/<path>` cleaned as if fetched from `baseURL`.
    static func clean(_ path: String, baseURL: String? = nil, template: FeedTemplate? = nil) throws -> CleanArticle {
        Cleaner().clean(try text(path), baseURL: baseURL, template: template)
    }
}

/// Cleans an article written inline in a test.
func clean(_ input: String, baseURL: String? = nil, template: FeedTemplate? = nil) -> CleanArticle {
    Cleaner().clean(input, baseURL: baseURL, template: template)
}

/// A paragraph of ordinary article text, to give short inline examples a
/// body that no rule could mistake for boilerplate.
let bodyParagraph = "The tide turned at noon and the boats came back in one by one, low in the water."

extension CleanArticle {
    /// What every removal was, in order.
    var removedWhat: [String] { removed.map(\.what) }

    /// Whether some removal's description starts with `prefix`
    /// (`"share bar"`, `"tail: comments section"`).
    func removed(_ prefix: String) -> Bool {
        removed.contains { $0.what.hasPrefix(prefix) }
    }

    /// The text's paragraphs: the pieces between blank lines.
    var paragraphs: [String] {
        text.components(separatedBy: "\n\n")
    }
}
