/// Removes the furniture that sits inside an article's container.
///
/// That is the headline (the title is reported apart from the text), bylines and dates, figures and
/// their captions, share bars, tag lists, "related" boxes and lists of links.
///
/// Human-made article text (what a reader copies, and what the article
/// extraction benchmark's ground truth holds) has none of these, while
/// nearly every news and blog template puts some of them between the
/// headline and the last paragraph.
///
/// An element that holds a large share of the container's prose is never
/// removed, whatever its name: it is more likely the article under an
/// unlucky class name (`article-header` wrapping the body, a `story-meta`
/// wrapper) than furniture.
enum ContentPruning {
    /// The share of the container's prose above which an element stays, whatever it is called.
    static let maximumProseShare = 0.25
    /// The share of link text above which a block element is a list of links, not article text.
    ///
    /// For example "More on this", a tag cloud.
    static let maximumLinkDensity = 0.5

    /// Blocks never judged by their links alone.
    ///
    /// A list item belongs to its list (a list of headlines with summaries is
    /// judged whole), and an embedded post (`blockquote class="twitter-tweet"`)
    /// is mostly links but is quoted as part of the article.
    private static let linkListExempt: Set<String> = ["li", "blockquote"]

    /// schema.org properties of an article that are not its text.
    ///
    /// The headline, byline and dates the page marks up for search engines.
    private static let metadataProperties: Set<String> = [
        "headline", "alternativeHeadline", "author", "creator", "publisher", "datePublished", "dateModified",
        "dateCreated", "keywords", "articleSection", "interactionCount", "commentCount",
    ]

    /// Elements that are furniture inside an article. `h1` is the headline,
    /// unless it is not the first and article prose comes before it (see
    /// `sectionHeadingsStart`).
    private static let furnitureElements: [String: String] = [
        "h1": "headline", "figure": "figure", "figcaption": "caption", "nav": "navigation", "aside": "aside",
        "footer": "footer", "header": "header", "form": "form", "button": "button", "dialog": "dialog",
    ]

    /// Marks the furniture under `container` removed and records it.
    static func prune(_ tree: inout HTMLTree, inside container: Int, _ density: TextDensity, title: String?,
                      removals: inout [Removal]) {
        let limit = Double(density.prose[container]) * maximumProseShare
        let title = title.map { TextNormalizer.collapse($0).lowercased() }.flatMap { text in
            text.isEmpty ? nil : (text: text, length: TextDensity.measure(text).length)
        }
        let sectionHeadings = sectionHeadingsStart(tree, container, density)
        var seenHeadline = false
        // Top down in document order, where a subtree is a run of indices:
        // a removed element's run is stepped over whole.
        let end = tree.subtreeEnd(of: container)
        var index = container + 1
        while index < end {
            guard tree.nodes[index].kind == .element, !tree.nodes[index].isRemoved else {
                index = tree.subtreeEnd(of: index)
                continue
            }
            let isHeadline = tree.nodes[index].name == "h1"
            let isSectionHeading = isHeadline && seenHeadline && index >= sectionHeadings
            if isHeadline { seenHeadline = true }
            if Double(density.prose[index]) <= limit,
               let what = (isSectionHeading ? nil : reason(tree, index, density))
                   ?? repeatedTitle(tree, index, density, title)
            {
                tree.remove(index)
                if density.chars[index] > 0 { removals.append(Removal(what: what, chars: density.chars[index])) }
                index = tree.subtreeEnd(of: index)
            } else {
                index += 1
            }
        }
    }

    /// Where the article's first prose block ends. A second `<h1>` after it
    /// heads a section (Medium and many static sites head their sections
    /// with `<h1>`); the first is the headline, even below a teaser or a
    /// caption.
    private static func sectionHeadingsStart(_ tree: HTMLTree, _ container: Int, _ density: TextDensity) -> Int {
        let end = tree.subtreeEnd(of: container)
        var index = container + 1
        while index < end {
            if tree.nodes[index].kind == .element, density.prose[index] > 0 {
                let inChildren = tree.children(of: index).reduce(0) { $0 + density.prose[$1] }
                if inChildren < density.prose[index] { return tree.subtreeEnd(of: index) }
            }
            index += 1
        }
        return end
    }

    /// Whether the element at `index` is inline and part of a sentence.
    ///
    /// It is when its parent's own text (beside it, not in it) is sentence-long. Such an element's
    /// words are the sentence's, whatever its class says (an annotation link classed `popup`, a
    /// `<span class="date">` in prose).
    private static func isInSentence(_ tree: HTMLTree, _ index: Int) -> Bool {
        guard !tree.nodes[index].traits.contains(.block) else { return false }
        var length = 0
        for sibling in tree.children(of: tree.nodes[index].parent) where tree.nodes[sibling].kind == .text {
            length += tree.withText(of: sibling) { TextDensity.measure($0).length }
            if length >= TextDensity.sentenceLength { return true }
        }
        return false
    }

    /// "headline (title)" when the element at `index` says nothing but the page's title, else nil.
    ///
    /// For example a template's `<h2 class="title">` or `<p class="titulo">`. Only elements of
    /// about the title's length are read.
    private static func repeatedTitle(_ tree: HTMLTree, _ index: Int, _ density: TextDensity,
                                      _ title: (text: String, length: Int)?) -> String? {
        guard let title, abs(density.chars[index] - title.length) <= 2 else { return nil }
        let text = TextNormalizer.collapse(tree.textContent(of: index)).lowercased()
        return text == title.text ? "headline (title)" : nil
    }

    /// Why the element at `index` is furniture, or nil when it is not.
    private static func reason(_ tree: HTMLTree, _ index: Int, _ density: TextDensity) -> String? {
        let node = tree.nodes[index]
        if let what = furnitureElements[node.name] { return "\(what) (<\(node.name)>)" }
        if ContentExtractor.isHidden(node) { return "hidden element" }
        if let itemprop = node.attribute("itemprop"), metadataProperties.contains(itemprop) {
            return "\(itemprop) (itemprop)"
        }
        if node.name == "a", node.attribute("rel")?.split(separator: " ").contains("tag") == true {
            return "tag link"
        }
        if let word = FurnitureNames.furnitureWord(of: node), !isInSentence(tree, index) {
            return "\(word) (class or id)"
        }
        if node.traits.contains(.block), !linkListExempt.contains(node.name),
           density.chars[index] > 0, density.linkDensity(index) > maximumLinkDensity
        {
            return "list of links"
        }
        return nil
    }
}
