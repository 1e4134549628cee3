/// Removes the furniture that sits inside an article's container: the
/// headline (the title is reported apart from the text), bylines and
/// dates, figures and their captions, share bars, tag lists, "related"
/// boxes and lists of links.
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
    /// An element holding more than this share of the container's prose
    /// stays, whatever it is called.
    static let maximumProseShare = 0.25
    /// A block element whose text is more than this share link text is a
    /// list of links ("More on this", a tag cloud), not article text.
    static let maximumLinkDensity = 0.5

    /// Blocks never judged by their links alone: a list item belongs to its
    /// list (a list of headlines with summaries is judged whole), and an
    /// embedded post (`blockquote class="twitter-tweet"`) is mostly links
    /// but is quoted as part of the article.
    private static let linkListExempt: Set<String> = ["li", "blockquote"]

    /// schema.org properties of an article that are not its text: the
    /// headline, byline and dates the page marks up for search engines.
    private static let metadataProperties: Set<String> = [
        "headline", "alternativeHeadline", "author", "creator", "publisher", "datePublished", "dateModified",
        "dateCreated", "keywords", "articleSection", "interactionCount", "commentCount",
    ]

    /// Elements that are furniture inside an article. `h1` is the headline.
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
        var stack = tree.children(of: container).reversed() as [Int]
        while let index = stack.popLast() {
            let node = tree.nodes[index]
            guard node.kind == .element, !node.isRemoved else { continue }
            if Double(density.prose[index]) <= limit,
               let what = reason(node, index, density) ?? repeatedTitle(tree, index, density, title)
            {
                tree.remove(index)
                if density.chars[index] > 0 { removals.append(Removal(what: what, chars: density.chars[index])) }
            } else {
                stack.append(contentsOf: tree.children(of: index).reversed())
            }
        }
    }

    /// "headline (title)" when the element at `index` says nothing but the
    /// page's title: a template's `<h2 class="title">` or `<p
    /// class="titulo">`. Only elements of about the title's length are read.
    private static func repeatedTitle(_ tree: HTMLTree, _ index: Int, _ density: TextDensity,
                                      _ title: (text: String, length: Int)?) -> String? {
        guard let title, abs(density.chars[index] - title.length) <= 2 else { return nil }
        let text = TextNormalizer.collapse(tree.textContent(of: index)).lowercased()
        return text == title.text ? "headline (title)" : nil
    }

    /// Why `node` is furniture, or nil when it is not.
    private static func reason(_ node: HTMLTree.Node, _ index: Int, _ density: TextDensity) -> String? {
        if let what = furnitureElements[node.name] { return "\(what) (<\(node.name)>)" }
        if ContentExtractor.isHidden(node) { return "hidden element" }
        if let itemprop = node.attribute("itemprop"), metadataProperties.contains(itemprop) {
            return "\(itemprop) (itemprop)"
        }
        if node.name == "a", node.attribute("rel")?.split(separator: " ").contains("tag") == true {
            return "tag link"
        }
        if let word = FurnitureNames.furnitureWord(of: node) { return "\(word) (class or id)" }
        if BlockSegmenter.blockElements.contains(node.name), !linkListExempt.contains(node.name),
           density.chars[index] > 0, density.linkDensity(index) > maximumLinkDensity
        {
            return "list of links"
        }
        return nil
    }
}
