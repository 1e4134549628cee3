/// Lists of links to other posts that feeds append to an entry.
///
/// For example "Related", "Recent Mac and iOS Blog Stories", "More from the Gazette:", "Suggested
/// Read: <a>…</a>", "Lesen Sie auch". Found by a short label that names such a list and by the
/// links under it, never by the label alone.
///
/// A label opens a section of links at the tail (`BoundaryText`'s section
/// markers, then every block under it must be mostly links), or of lines of
/// links at the end of a block of lines; a label and its links in one block
/// go when the block is mostly links (`EdgeNoise`). An element whose class or
/// id has the word "related" ("related_articles_wrapper") goes by name
/// (`BoilerplateElements`). A paragraph of prose that says "related" or
/// "more from" in a sentence, or a link-rich paragraph in the middle, is
/// not a label and stays.
enum RelatedLinks {
    /// The kind name of what it finds.
    static let kind = "related links"
    /// Labels are at most this long, in UTF-8 bytes.
    static let maximumLabelLength = 64

    /// Whether `key` is a short label over a list of links to other posts.
    ///
    /// `key` is normalised by `BoundaryText.normalized`.
    static func isLabel(_ key: String) -> Bool {
        let length = key.utf8.count
        guard length >= 4, length <= maximumLabelLength, let first = key.utf8.first, initials.contains(first) else {
            return false
        }
        // Labels are short: lowercasing beyond ASCII ("À lire aussi") is cheap.
        let lowered = key.lowercased()
        let bare = lowered.hasByteSuffix(":") ? String(lowered.dropLast()) : lowered
        if exactLabels.contains(bare) { return true }
        // "Recent Mac and iOS Blog Stories", "More stories from the Gazette",
        // "Latest posts": a list word with a word that names posts, in few
        // words and no sentence.
        let words = bare.split(separator: " ")
        guard words.count <= 8, !bare.contains(where: { ".!?,;".contains($0) }) else { return false }
        if let opening = words.first, listOpenings.contains(String(opening)),
           words.dropFirst().contains(where: { postWords.contains(String($0)) })
        {
            return true
        }
        return labelOpenings.contains(where: { bare.hasBytePrefix($0) })
    }

    /// Whether `block` is such a label, one that opens a section of links:
    /// a heading or a paragraph, not a list item (a show's list of links).
    static func opensSection(_ block: Block) -> Bool {
        block.length <= maximumLabelLength && block.lines.count < 2 && block.isFreeStanding
            && isLabel(BoundaryText.normalized(block.text))
    }

    /// Whether `key` opens with such a label, ended by a colon, and the block is mostly links.
    ///
    /// For example "Suggested Read 📖: <a>…</a>", "More from the Gazette: <a>…</a>, <a>…</a>" (not
    /// "Read more about <a>X</a>.", a sentence).
    static func isLabelledLinkList(_ key: String, linkDensity: Double) -> Bool {
        guard linkDensity >= 0.5, let first = key.utf8.first, initials.contains(first),
              let colon = key.utf8.prefix(maximumLabelLength).firstIndex(of: UInt8(ascii: ":"))
        else { return false }
        // The label, without what decorates it before the colon ("📖").
        let label = String(key[..<colon]).trimmingCharacters(in: " ")
        let words = label.split(separator: " ").filter { $0.contains(where: \.isLetter) }
        let name = words.joined(separator: " ")
        return isLabel(name) || colonLabels.contains(name)
    }

    /// The index of the label line of a list of link lines that ends `lines`, or nil.
    ///
    /// Each line comes with its share of link text. There must be at least two such link lines, and
    /// the block must hold more than the list: "… the story's last line<br>Recent Stories<br>•
    /// <a>…</a><br>• <a>…</a>".
    static func labelledListStart(in lines: [(text: String, linkDensity: Double)]) -> Int? {
        var index = lines.count - 1
        while index >= 0, lines[index].linkDensity >= 0.5 { index -= 1 }
        // The label does not open the block: a block that is only a list is the article's.
        guard index >= 1, lines.count - 1 - index >= 2, isLabel(BoundaryText.normalized(lines[index].text)) else {
            return nil
        }
        return index
    }

    /// Whether a class or id token names a related-posts box.
    ///
    /// One of its words (split at `-` and `_`) is "related"
    /// ("related_articles_wrapper", "post-related-links").
    static func namesRelatedBox(_ token: Substring) -> Bool {
        token.utf8.count >= 7 && token.contains("related")
            && token.split(whereSeparator: { $0 == "-" || $0 == "_" }).contains("related")
    }

    // MARK: - Wording

    /// The first bytes of every label, for a quick refusal.
    static let initials = Set((Array(exactLabels) + labelOpenings + Array(listOpenings) + Array(colonLabels))
        .compactMap(\.utf8.first))

    /// Whole labels.
    private static let exactLabels: Set<String> = [
        "related", "related posts", "related articles", "related stories", "related content", "related reading",
        "related links", "related coverage", "related news", "related topics", "see also", "read more", "read next",
        "read also", "also read", "further reading", "more reading", "suggested read", "suggested reads",
        "suggested reading", "recommended", "recommended reading", "recommended for you", "you may also like",
        "you might also like", "you may be interested in", "you might be interested in", "don't miss",
        "editor's pick", "editor's picks", "editors' picks", "editor’s pick", "editor’s picks", "popular posts",
        "recent posts", "more stories", "more news", "more articles", "elsewhere", "in case you missed it",
        "lesen sie auch", "lesen sie mehr", "mehr zum thema", "weitere artikel", "das könnte sie auch interessieren",
        "à lire aussi", "a lire aussi", "lire aussi", "à lire également", "sur le même sujet", "voir aussi",
        "leer más", "lee también", "te puede interesar", "noticias relacionadas", "artículos relacionados",
        "leggi anche", "articoli correlati", "potrebbe interessarti", "lees ook", "zie ook", "meer lezen",
        "leia também", "veja também", "läs också", "les også", "læs også",
    ]

    /// Labels that name other posts only before a colon and links.
    ///
    /// "NeXT" alone is a company in a list of show notes; "NEXT: <a>…</a>" is a pointer.
    private static let colonLabels: Set<String> = ["next", "up next", "previously", "previous"]

    /// Label openings that need what follows to name a site or a topic.
    ///
    /// For example "More from the Gazette", "More on OnePlus 7 Pro", "Also on Example".
    private static let labelOpenings = [
        "more from ", "more on ", "more about ", "also on ", "elsewhere on ", "more in ", "related to ", "mehr von ",
        "mehr aus ", "plus de ", "más de ", "altro da ",
    ]

    /// First words of "Recent … Stories", "Latest posts", "Popular articles".
    private static let listOpenings: Set<String> = [
        "recent", "latest", "popular", "more", "other", "top", "trending", "similar", "related", "newest",
    ]

    /// Words that name posts in such labels.
    private static let postWords: Set<String> = [
        "stories", "posts", "articles", "news", "headlines", "reads", "entries", "episodes", "links", "coverage",
    ]
}
