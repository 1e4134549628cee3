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
    /// The marks that end a sentence.
    private static let sentenceEnds = CharacterChoice(".!?")
    /// The marks that end a sentence or a clause.
    private static let clauseMarks = CharacterChoice(".!?,;")

    /// The kind name of what it finds.
    static let kind = "related links"
    /// Labels are at most this long, in UTF-8 bytes.
    static let maximumLabelLength = 64

    /// The space between a label's words.
    private static let spaces = CharacterChoice(" ")

    /// Whether `key` is a short label over a list of links to other posts.
    ///
    /// `key` is normalised by `BoundaryText.normalized`.
    /// - Parameter namingLists: Whether a list word with a word for posts
    ///   ("Latest news", "Top stories") counts: between paragraphs it names
    ///   a digest's own sections, and only the other labels count.
    static func isLabel(_ key: String, namingLists: Bool = true) -> Bool {
        let length = key.utf8.count
        guard length >= 4, length <= maximumLabelLength, let first = key.utf8.first, initials.contains(first) else {
            return false
        }
        // Labels are short: lowercasing beyond ASCII ("À lire aussi") is cheap, and a key of
        // lowercase ASCII is its own lowercase.
        let lowered = key.withBytes({ $0.allSatisfy { $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) } }) ? key : key.lowercased()
        let bare = lowered.hasByteSuffix(":") ? String(lowered.dropLast()) : lowered
        if exactLabels.contains(bare) { return true }
        // "Recent Mac and iOS Blog Stories", "More stories from the Gazette",
        // "Latest posts": a list word with a word that names posts, in few
        // words and no sentence.
        let words = spaces.split(bare)
        guard words.count <= 8, !bare.contains(where: { clauseMarks.contains($0) }) else { return false }
        if namingLists, let opening = words.first, listOpenings.contains(String(opening)),
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
            && isLabel(block.key)
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
        return (isLabel(name) || colonLabels.contains(name)) && !isWrittenOutList(key)
    }

    /// Whether what follows a label's colon is written as a sentence, the author's own.
    ///
    /// Its items are joined by a last "and" or "or" (in several languages) and it ends with a full
    /// stop: "See also: Patrick Collison, Ben Matasar, and Slava Pestov." points to replies; a
    /// feed's list of posts puts titles side by side ("See also: Winter sailings · Harbour dues").
    static func isWrittenOutList(_ key: String) -> Bool {
        guard key.hasByteSuffix("."), let colon = key.utf8.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let items = key[colon...]
        return listConjunctions.contains(where: items.containsBytes(of:))
    }

    /// The words that join the last item of a list written out, in several languages.
    private static let listConjunctions = [
        " and ", " or ", " und ", " oder ", " et ", " ou ", " y ", " o ", " e ", " en ", " of ", " och ", " eller ",
        " og ", " i ", " lub ",
    ]

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

    /// The element just before the related-posts box `box`, in the same parent, when all its text is such a label.
    ///
    /// For example the "Editor's Pick" or "More on OnePlus 7 Pro" header a theme puts above the
    /// box, which would stay alone in the article once the box is gone.
    static func label(before box: Int, in tree: HTMLTree) -> Int? {
        let parent = tree.nodes[box].parent
        guard parent >= 0 else { return nil }
        var previous: Int?
        for child in tree.children(of: parent) {
            if child == box { break }
            let node = tree.nodes[child]
            if node.isRemoved || node.kind == .text && TextNormalizer.isBlank(tree.text(of: child)) { continue }
            previous = node.kind == .element ? child : nil
        }
        guard let previous else { return nil }
        let text = tree.textContent(of: previous)
        guard text.utf8.count <= 2 * maximumLabelLength else { return nil }
        return isLabel(BoundaryText.normalized(text)) ? previous : nil
    }

    /// How many blocks from `index` a label and the list of links under it hold, between paragraphs.
    ///
    /// The label is "Related:", or "Check out the rest of our Fortnite content:", then at least two
    /// list items that are each one short link. A label over a list of items with prose, or a list
    /// that ends the article, is the article's (`BoundaryPass` judges the tail).
    static func listSection(at index: Int, in blocks: [Block]) -> Int? {
        let block = blocks[index]
        guard block.length <= 2 * maximumLabelLength, block.isFreeStanding,
              index + 1 < blocks.count, blocks[index + 1].element == "li", blocks[index + 1].linkDensity >= 0.8
        else { return nil }
        let key = block.key
        guard isLabel(key, namingLists: false)
                || namesOwnCoverage(key, endsWithColon: block.bytes.last == UInt8(ascii: ":")) else {
            return nil
        }
        var end = index + 1
        while end < blocks.count, blocks[end].element == "li", blocks[end].linkDensity >= 0.8,
              blocks[end].length <= 200 {
            end += 1
        }
        guard end - index >= 3, end < blocks.count else { return nil }
        return end - index
    }

    /// Whether `key` is a label, ended by a colon, that points to the site's own other posts.
    ///
    /// For example "Check out the rest of our Fortnite content:", "More of our coverage of the
    /// election:".
    private static func namesOwnCoverage(_ key: String, endsWithColon: Bool) -> Bool {
        guard endsWithColon, key.utf8.count <= 2 * maximumLabelLength, key.containsBytes(of: "our ") else {
            return false
        }
        // A cheer before it ("Victory Royale!") is no part of it: the label is the last sentence.
        let label = sentenceEnds.split(key).last.map(String.init) ?? key
        guard label.split(separator: " ").count <= 12 else { return false }
        let named = ["rest of our ", "more of our ", "all of our ", "our other ", "our full ", "our latest ",
                     "our previous ", "our earlier ", "our complete "]
        // One of the two words after "… our" names posts: "our Fortnite content", "our coverage of …".
        guard let phrase = named.lazy.compactMap({ label.firstRange(of: $0) }).first else { return false }
        return label[phrase.upperBound...].split(separator: " ").prefix(2).contains {
            postWords.contains(String($0)) || coverageWords.contains(String($0))
        }
    }

    // MARK: - Wording

    /// Words that name a site's posts in "the rest of our … content".
    private static let coverageWords: Set<String> = [
        "content", "guides", "reviews", "tutorials", "reporting", "features", "pieces", "writing",
    ]

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
        "leia também", "veja também", "läs också", "les også", "læs også", "dive deeper", "go deeper", "deep dive",
        "read this next", "you might also enjoy", "you may also enjoy", "you might enjoy", "if you liked this", "what to read next", "more like this", "you may have missed",
        "must read", "must reads", "more to read", "also worth reading", "mehr lesen",
        "zum weiterlesen", "auch interessant", "à voir aussi", "à découvrir aussi", "lire également",
        "ver también", "véase también", "lea también", "también te puede interesar", "relacionado", "relacionados",
        "leia mais", "vedi anche", "más información", "mas información", "más info", "more information",
        "further information", "weitere informationen", "plus d'informations", "plus d'infos", "per saperne di più", "correlati", "zobacz też", "czytaj także", "читайте также",
        "leer también", "posts relacionados", "entradas relacionadas", "artigos relacionados", "notícias relacionadas",
        "похожие записи", "похожие статьи", "相关文章", "相关阅读", "関連記事", "gerelateerde berichten",
        "gerelateerde artikelen", "articles similaires", "articles connexes", "vous aimerez aussi",
        "vous aimerez peut-être aussi", "sur le même thème", "ähnliche artikel", "ähnliche beiträge",
        "das könnte dich auch interessieren",
    ]

    /// Labels that name other posts only before a colon and links.
    ///
    /// "NeXT" alone is a company in a list of show notes; "NEXT: <a>…</a>" is a pointer.
    private static let colonLabels: Set<String> = ["next", "up next", "previously", "previous", "more", "also", "see"]

    /// Label openings that need what follows to name a site or a topic.
    ///
    /// For example "More from the Gazette", "More on OnePlus 7 Pro", "Also on Example".
    private static let labelOpenings = [
        "more from ", "more on ", "more about ", "also on ", "elsewhere on ", "more in ", "related to ", "previously on ",
        "mehr von ",
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
