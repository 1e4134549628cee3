/// Reads page elements' class and id names as words, and knows which words name page furniture.
///
/// Furniture is comment threads, share bars, bylines, captions, tag lists, related links, ads.
///
/// Names are split into words at anything but a letter or digit and at a
/// lowercase-to-uppercase step, then lowercased: `entry-content`,
/// `c-byline__author` and `relatedArticles` give `entry content`,
/// `c byline author` and `related articles`. Matching whole words rather
/// than substrings keeps `shared-content`, `loaded` and `headline` from
/// reading as `share` and `ad`. Two kinds of name are matched more loosely:
/// a few long stems no article class contains count inside compounds
/// (`inlinegallery`, `postsidebar`), and some furniture is named by a pair
/// of words (`read-more`, `most-popular`).
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
        // Images: captions, credits, galleries and slideshows.
        "caption", "captions", "credit", "credits", "figcaption", "gallery", "slideshow", "carousel", "lightbox",
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

    /// Furniture named by two words, as one word or two (`read-more`, `readMore`, `readmore`).
    static let furniturePairs: Set<String> = [
        "readmore", "readalso", "alsoread", "seealso", "morestories", "morefrom", "mostpopular", "mostread",
        "editorspicks", "newsletter", "signup",
    ]

    /// Furniture words that also name furniture inside a compound (`inlinegallery`, `postsidebar`).
    ///
    /// Only words no article class holds.
    static let furnitureStems: [[UInt8]] = [
        "gallery", "slideshow", "carousel", "newsletter", "sidebar", "breadcrumb", "outbrain", "taboola",
        "byline", "sharing", "advert",
    ].map { Array($0.utf8) }

    /// Words that mark an embedded post or a quote ("twitter-tweet", "instagram-media", "pullquote").
    ///
    /// Content, even where another word says "social" or "share".
    static let embedWords: Set<String> = ["tweet", "twitter", "instagram", "quote", "blockquote", "pullquote"]

    /// The stems of `commentWords`, lowercase ASCII.
    private static let commentStems: [[UInt8]] = ["comment", "disqus", "respond", "repl", "discussion"].map {
        Array($0.utf8)
    }

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

    /// Whether `node`'s class or id names a comment thread or form. Runs
    /// for every element of a page, so values without the letters of a
    /// comment word are turned away before they are split into words.
    static func isComments(_ node: HTMLTree.Node) -> Bool {
        for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
            guard mayContainCommentWord(attribute.value) else { continue }
            if words(ofName: attribute.value).contains(where: commentWords.contains) { return true }
        }
        return false
    }

    /// Whether `value` holds a comment stem in any letter case.
    private static func mayContainCommentWord(_ value: String) -> Bool {
        firstStem(commentStems, in: value) != nil
    }

    /// The first of `stems` (lowercase ASCII) found in `value` in any letter case.
    ///
    /// A byte loop: `String.contains` costs more per call than the whole
    /// check, and this runs for many elements.
    static func firstStem(_ stems: [[UInt8]], in value: String) -> [UInt8]? {
        // The stems' first letters, a bit each: most bytes start none.
        var initials: UInt32 = 0
        for stem in stems { initials |= 1 << UInt32(stem[0] &- UInt8(ascii: "a")) }
        return value.withBytes { bytes -> [UInt8]? in
            for start in bytes.indices {
                let letter = bytes[start] | 0x20
                guard letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z"),
                      initials & 1 << UInt32(letter - UInt8(ascii: "a")) != 0 else { continue }
                for stem in stems where start + stem.count <= bytes.count {
                    var index = 0
                    while index < stem.count, bytes[start + index] | 0x20 == stem[index] { index += 1 }
                    if index == stem.count { return stem }
                }
            }
            return nil
        }
    }

    /// The first furniture word in `node`'s class or id, if any, unless the element is an embedded post.
    ///
    /// An embedded post has one of `embedWords`, or "social" with "embed" ("social-media-embed"; an
    /// image embed is still a figure).
    static func furnitureWord(of node: HTMLTree.Node) -> String? {
        let words = words(of: node)
        // One lookup a word says all the rules below ask of it.
        let roles = words.map { wordRoles[$0] ?? [] }
        let all = roles.reduce(into: WordRoles()) { $0.formUnion($1) }
        if all.contains(.embed) { return nil }
        if all.contains(.social), all.contains(.embedding) { return nil }
        if let first = roles.firstIndex(where: { $0.contains(.furniture) }) { return words[first] }
        for position in words.indices.dropLast() where roles[position].contains(.pairStart) {
            let pair = words[position] + words[position + 1]
            if furniturePairs.contains(pair) { return pair }
        }
        for word in words where word.utf8.count > 6 {
            if let stem = firstStem(furnitureStems, in: word) { return String(decoding: stem, as: UTF8.self) }
        }
        return nil
    }

    /// What a word of a class or id name is to `furnitureWord(of:)`.
    private struct WordRoles: OptionSet {
        let rawValue: UInt8
        /// One of `embedWords`.
        static let embed = WordRoles(rawValue: 1 << 0)
        /// One of `furnitureWords` or `furniturePairs`.
        static let furniture = WordRoles(rawValue: 1 << 1)
        /// "social".
        static let social = WordRoles(rawValue: 1 << 2)
        /// "embed" or "embedded".
        static let embedding = WordRoles(rawValue: 1 << 3)
        /// The start of one of `furniturePairs`, which the next word may end.
        static let pairStart = WordRoles(rawValue: 1 << 4)
    }

    /// The roles of every word that has one.
    private static let wordRoles: [String: WordRoles] = {
        var roles: [String: WordRoles] = [:]
        for word in embedWords { roles[word, default: []].insert(.embed) }
        for word in furnitureWords.union(furniturePairs) { roles[word, default: []].insert(.furniture) }
        roles["social", default: []].insert(.social)
        for word in ["embed", "embedded"] { roles[word, default: []].insert(.embedding) }
        for pair in furniturePairs {
            for length in 1..<pair.count { roles[String(pair.prefix(length)), default: []].insert(.pairStart) }
        }
        return roles
    }()

    /// Appends the words of one class or id value. Each word is made
    /// straight from its bytes, lowercased on the way.
    private static func split(_ value: String, into words: inout [String]) {
        value.withBytes { bytes in
            func add(_ range: Range<Int>) {
                words.append(String(unsafeUninitializedCapacity: range.count) { word in
                    for (offset, byte) in bytes[range].enumerated() {
                        word[offset] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                    }
                    return range.count
                })
            }
            var start: Int?
            var previousIsLower = false
            for (index, byte) in bytes.enumerated() {
                let isLower = byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
                let isUpper = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if isUpper || isLower || isDigit || byte >= 0x80 {
                    // A capital after a small letter starts a word.
                    if let wordStart = start, isUpper, previousIsLower {
                        add(wordStart..<index)
                        start = index
                    } else if start == nil {
                        start = index
                    }
                } else if let wordStart = start {
                    add(wordStart..<index)
                    start = nil
                }
                previousIsLower = isLower
            }
            if let wordStart = start { add(wordStart..<bytes.count) }
        }
    }
}
