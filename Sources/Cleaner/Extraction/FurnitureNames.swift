/// Reads the class and id names of page elements as words, and knows which
/// words name page furniture: comment threads, share bars, bylines,
/// captions, tag lists, related links, ads.
///
/// Names are split into words at anything but a letter or digit and at a
/// lowercase-to-uppercase step, then lowercased: `entry-content`,
/// `c-byline__author` and `relatedArticles` give `entry content`,
/// `c byline author` and `related articles`. Matching whole words rather
/// than substrings keeps `shared` from meaning `share`, `bread` from
/// meaning `ad`, and `thread-comments-count` from hiding in `threads`.
enum FurnitureNames {
    /// Words that name a comment thread or a comment form. Such an element
    /// goes before the article is chosen: a long thread reads like prose.
    static let commentWords: Set<String> = [
        "comment", "comments", "commentlist", "commentform", "disqus", "respond", "replies", "discussion",
    ]

    /// Words that name furniture inside an article's container.
    static let furnitureWords: Set<String> = [
        // Sharing and social.
        "share", "shares", "sharing", "social", "sharebar", "sharetools", "addtoany", "sociallinks",
        // Bylines, dates and other article metadata.
        "byline", "bylines", "author", "authors", "dateline", "timestamp", "date", "time", "meta", "posted",
        // Images' captions and credits.
        "caption", "captions", "credit", "credits", "figcaption",
        // Tags, categories, breadcrumbs.
        "tags", "tag", "taglist", "keywords", "topics", "categories", "breadcrumb", "breadcrumbs", "kicker",
        // Related and recommended links.
        "related", "recommended", "recommendations", "popular", "trending", "mostread", "outbrain", "taboola",
        "further", "readnext", "upnext",
        // Ads, promotion, subscription.
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "sponsored", "sponsor", "promo",
        "newsletter", "subscribe", "subscription", "signup", "paywall", "dfp", "gpt",
        // Page chrome.
        "nav", "navigation", "menu", "sidebar", "footer", "header", "masthead", "toolbar", "widget",
        "modal", "popup", "cookie", "cookies", "pagination", "pager", "rating", "print", "email", "skip",
    ]

    /// Words that name the article's text itself.
    static let contentWords: Set<String> = [
        "article", "body", "content", "entry", "post", "story", "text", "main", "blog", "prose",
    ]

    /// The words of `node`'s class and id names, lowercase.
    static func words(of node: HTMLTree.Node) -> [String] {
        var words: [String] = []
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            split(attribute.value, into: &words)
        }
        return words
    }

    /// The words of one class or id value, lowercase.
    static func words(ofName value: String) -> [String] {
        var words: [String] = []
        split(value, into: &words)
        return words
    }

    /// Whether `node`'s class or id names a comment thread or form.
    static func isComments(_ node: HTMLTree.Node) -> Bool {
        words(of: node).contains(where: commentWords.contains)
    }

    /// The first furniture word in `node`'s class or id, if any.
    static func furnitureWord(of node: HTMLTree.Node) -> String? {
        words(of: node).first(where: furnitureWords.contains)
    }

    /// Appends the words of one class or id value.
    private static func split(_ value: String, into words: inout [String]) {
        var word: [UInt8] = []
        var previousIsLower = false
        func flush() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
            let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if isUpper {
                if previousIsLower { flush() }
                word.append(byte | 0x20)
            } else if isLower || isDigit || byte >= 0x80 {
                word.append(byte)
            } else {
                flush()
            }
            previousIsLower = isLower
        }
        flush()
    }
}
