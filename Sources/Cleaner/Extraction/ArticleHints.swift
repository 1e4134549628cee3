/// Markup in which a page says where its article body is, and how far to trust it over density.
///
/// The hints, strongest first:
/// 1. schema.org microdata, `itemprop="articleBody"`;
/// 2. a class or id that names an article body, the way templates spell
///    it: `entry-content` (WordPress), `article-body`, `post-content`,
///    `story-body`, `articleBody`, `main-article-content`;
/// 3. an `<article>` element.
///
/// Density alone fails where a page holds more prose outside the article
/// than in it: a "breaking news" ticker with a summary under every
/// headline, or a one-paragraph post followed by six quotes "you may also
/// like". The hint wins there. But hints are not always right either (a
/// teaser marked `articleBody`, one `<article>` per related card), so a
/// hint is weighed against the density choice by how much prose each holds
/// and whether one lies inside the other.
///
/// JSON-LD's `articleBody` is not read. Of the article extraction
/// benchmark's pages, the 16 that carry one all score F1 0.96 or more from
/// density and these hints already, and in 5 of them it is cut short at
/// about 500 characters or empty: a JSON parse per page would buy nothing.
enum ArticleHints {
    /// The least share of the prose under the density choice a hint must hold.
    static let minimumProseShare = 0.15
    /// The share of the hint's prose the density choice must hold to win when it lies inside the hint.
    ///
    /// It is then the tighter fit around the same text.
    static let tighterShare = 0.9
    /// The share of the choice's prose a hint beside the density choice must hold to win.
    ///
    /// Beside means neither is inside the other.
    static let disjointShare = 0.5

    /// First words of a class name that name an article body when one of `bodySecondWords` follows.
    private static let bodyFirstWords: Set<String> = ["article", "post", "entry", "story", "body", "blog", "news", "text"]
    /// Second words of a class name that names an article body.
    private static let bodySecondWords: Set<String> = ["body", "content", "text", "entry", "copy", "bodycopy"]
    /// Class words that name an article body on their own.
    private static let bodyWords: Set<String> = [
        "articlebody", "articletext", "articlecontent", "postcontent", "postbody", "posttext", "storybody",
        "storycontent", "entrycontent", "bodytext", "fulltext", "articlecopy",
    ]

    /// The hinted element or `scored` (the density choice), whichever the rules above prefer.
    static func container(in tree: HTMLTree, under body: Int, scored: Int, _ density: TextDensity) -> Int {
        let minimum = max(1, Int(Double(density.prose[scored]) * minimumProseShare))
        for kind in [Kind.microdata, .className, .articleElement] {
            guard let hint = bestHint(kind, in: tree, under: body, density, minimumProse: minimum) else { continue }
            return reconcile(hint: hint, scored: scored, tree, density)
        }
        return scored
    }

    // MARK: - Finding hints

    /// The kinds of hint, in the order they are tried.
    private enum Kind {
        case microdata, className, articleElement
    }

    /// The best element of one kind of hint with at least `minimumProse`.
    /// Elements that share one class value (a body split by ads into
    /// several `article-body` parts) count as their common ancestor;
    /// sibling `<article>` elements are no hint.
    private static func bestHint(_ kind: Kind, in tree: HTMLTree, under body: Int, _ density: TextDensity,
                                 minimumProse: Int) -> Int? {
        var groups: [String: Int] = [:]
        var sizes: [String: Int] = [:]
        var order: [String] = []
        for index in body...ContentExtractor.subtreeEnd(tree, body) where density.live[index] {
            let node = tree.nodes[index]
            guard node.kind == .element, density.prose[index] > 0, let key = hintKey(kind, node) else { continue }
            if let seen = groups[key] {
                groups[key] = commonAncestor(tree, seen, index)
            } else {
                groups[key] = index
                order.append(key)
            }
            sizes[key, default: 0] += 1
        }
        var best: (index: Int, score: Double)?
        for key in order {
            let index = groups[key]!
            guard density.prose[index] >= minimumProse else { continue }
            // Sibling `<article>`s are a list of posts or cards, not the article.
            if kind == .articleElement, sizes[key]! > 1 { continue }
            let score = Double(density.prose[index])
                - ContentExtractor.furnitureWeight * Double(density.furniture[index])
            if best == nil || score > best!.score { best = (index, score) }
        }
        return best?.index
    }

    /// What groups an element as a hint of `kind`, or nil when it is none.
    private static func hintKey(_ kind: Kind, _ node: HTMLTree.Node) -> String? {
        switch kind {
        case .microdata:
            guard let itemprop = node.attribute("itemprop"),
                  itemprop.split(separator: " ").contains("articleBody") else { return nil }
            return "itemprop"
        case .className:
            for attribute in node.attributes where attribute.name == "class" || attribute.name == "id" {
                if namesArticleBody(attribute.value) { return attribute.name + "=" + attribute.value }
            }
            return nil
        case .articleElement:
            return node.name == "article" ? "article in \(node.parent)" : nil
        }
    }

    /// The stems every word in `bodyWords` and `bodySecondWords` holds.
    ///
    /// A value without one of these, in any letter case, names no article body.
    private static let bodyStems: [[UInt8]] = ["body", "content", "text", "entry", "copy"].map { Array($0.utf8) }

    /// Whether a class or id value names an article body.
    static func namesArticleBody(_ value: String) -> Bool {
        // Most class values are turned away here, before they are split.
        guard FurnitureNames.firstStem(bodyStems, in: value) != nil else { return false }
        for token in value.split(separator: " ") {
            let words = FurnitureNames.words(ofName: String(token))
            if words.contains(where: { FurnitureNames.furnitureWords.contains($0) || FurnitureNames.commentWords.contains($0) }) {
                continue
            }
            if words.contains(where: bodyWords.contains) { return true }
            for (first, second) in zip(words, words.dropFirst())
            where bodyFirstWords.contains(first) && bodySecondWords.contains(second) && first != second {
                return true
            }
        }
        return false
    }

    // MARK: - Weighing

    private static func reconcile(hint: Int, scored: Int, _ tree: HTMLTree, _ density: TextDensity) -> Int {
        if hint == scored { return hint }
        if ContentExtractor.isInside(tree, scored, hint) {
            return Double(density.prose[scored]) >= Double(density.prose[hint]) * tighterShare ? scored : hint
        }
        if ContentExtractor.isInside(tree, hint, scored) { return hint }
        return Double(density.prose[hint]) >= Double(density.prose[scored]) * disjointShare ? hint : scored
    }

    /// The nearest element that contains both `a` and `b`.
    static func commonAncestor(_ tree: HTMLTree, _ a: Int, _ b: Int) -> Int {
        var a = a
        var b = b
        while a != b {
            if a > b { a = tree.nodes[a].parent } else { b = tree.nodes[b].parent }
        }
        return a
    }
}
