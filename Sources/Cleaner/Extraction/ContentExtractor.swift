/// Finds the main content of a whole web page and removes the furniture inside it.
///
/// The main content is the one element that holds the most article prose and the least page
/// furniture; the furniture inside it (title, byline, captions, share bars, link lists) is removed.
///
/// Readability scores the ancestors of each paragraph; that picks wrappers
/// too high (the whole article column with its byline and "most popular"
/// box) or too low (one of two halves split by an ad) depending on how many
/// levels the scores climb. Here every element is scored by what its whole
/// subtree holds instead: characters of prose blocks minus
/// `furnitureWeight` times characters of furniture blocks (see
/// `TextDensity`). Climbing one level pays only if the prose it adds
/// outweighs the furniture, so the winner is the tightest element around
/// the article's paragraphs, however deep the page nests them.
///
/// The passes:
/// 1. Page furniture goes first (navigation, asides, footers, headers,
///    forms, comment threads), so a long comment thread or a menu cannot
///    win.
/// 2. The best-scoring element is the container; markup that names the
///    article body (`itemprop="articleBody"`, an `entry-content` class, an
///    `<article>`) can overrule it (see `ArticleHints`).
/// 3. Inside the container, the headline and furniture named by tag, class
///    or id, and lists of links go (`ContentPruning`); everything outside
///    the container is detached.
///
/// Elements hidden with `display: none` are not page furniture here: some
/// pages hide the article until a script runs (Business Insider does), and
/// the hidden copy is all there is.
enum ContentExtractor {
    /// How much a character of furniture counts against a character of prose when choosing the container.
    ///
    /// Below 1, because an article's container usually carries some furniture of its own (a share
    /// bar, a caption) that pruning removes afterwards.
    static let furnitureWeight = 0.5
    /// The largest share of the page's prose page furniture may hold and still be removed at once.
    ///
    /// Furniture holding more is kept for now: it is more likely the article under an odd name (a
    /// page wrapped in one `<form>`, an article in a `<header>`).
    static let maximumFurnitureProseShare = 0.5

    /// Page elements that are never the article (`ElementTraits.pageFurniture`).
    static let furnitureElements: Set<String> = [
        "nav", "aside", "footer", "dialog", "button", "menu", "select", "textarea",
    ]
    /// Page elements that are furniture unless they hold much of the page's prose.
    ///
    /// ASP.NET wraps whole pages in one `<form>`, and some templates put the
    /// article in a `<header>` (`ElementTraits.guardedPageFurniture`).
    static let guardedFurnitureElements: Set<String> = ["header", "form"]
    /// ARIA roles of page furniture.
    private static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    ]

    /// Removes everything outside the main content of `tree`'s page and returns the node it lies under.
    static func mainContent(of tree: inout HTMLTree, removals: inout [Removal]) -> Int {
        let body = tree.firstElement(named: "body") ?? HTMLTree.root
        let page = TextDensity(tree)
        removePageFurniture(&tree, under: body, page)
        let density = TextDensity(tree, after: page)
        let container = bestContainer(in: tree, under: body, density).map {
            ArticleHints.container(in: tree, under: body, scored: $0, density)
        } ?? body
        ContentPruning.prune(&tree, inside: container, density, title: PageMetadata.title(of: tree),
                             removals: &removals)
        detachOutside(&tree, container)
        let outside = page.chars[body] - density.chars[container]
        if outside > 0 { removals.insert(Removal(what: "page outside the main content", chars: outside), at: 0) }
        return container
    }

    // MARK: - Passes

    /// Marks the page's navigation, asides, footers, headers, forms and comment threads removed.
    private static func removePageFurniture(_ tree: inout HTMLTree, under body: Int, _ density: TextDensity) {
        let limit = Double(density.prose[body]) * maximumFurnitureProseShare
        // Top down in document order, where a subtree is a run of indices:
        // a removed element's run is stepped over whole.
        let end = tree.subtreeEnd(of: body)
        var index = body + 1
        while index < end {
            guard tree.nodes[index].kind == .element, !tree.nodes[index].isRemoved else {
                index = tree.subtreeEnd(of: index)
                continue
            }
            let traits = tree.nodes[index].traits
            let isFurniture = traits.contains(.pageFurniture)
                || tree.nodes[index].attribute("role").map { furnitureRoles.contains($0.lowercased()) } == true
            if isFurniture || (traits.contains(.guardedPageFurniture) && Double(density.prose[index]) <= limit)
                || (tree.nodes[index].name != "article" && tree.nodes[index].name != "main"
                    && FurnitureNames.isComments(tree.nodes[index]))
            {
                tree.remove(index)
                index = tree.subtreeEnd(of: index)
            } else {
                index += 1
            }
        }
    }

    /// The element with the best prose-minus-furniture score under `body`; nil when there is no prose.
    ///
    /// Of equal scores, the deepest wins.
    static func bestContainer(in tree: HTMLTree, under body: Int, _ density: TextDensity) -> Int? {
        var best: (index: Int, score: Double)?
        for index in body...subtreeEnd(tree, body) where density.live[index] && tree.nodes[index].kind == .element {
            guard density.prose[index] > 0 else { continue }
            let score = Double(density.prose[index]) - furnitureWeight * Double(density.furniture[index])
            if best == nil || score >= best!.score { best = (index, score) }
        }
        return best?.index
    }

    /// Marks every node that is not `container`, its ancestor or its descendant removed.
    ///
    /// So later passes (the sanitiser walks the whole tree) skip the rest of the page.
    private static func detachOutside(_ tree: inout HTMLTree, _ container: Int) {
        var current = container
        while tree.nodes[current].parent >= 0 {
            let parent = tree.nodes[current].parent
            for sibling in Array(tree.children(of: parent)) where sibling != current { tree.remove(sibling) }
            current = parent
        }
    }

    // MARK: - Helpers

    /// Whether `node` is hidden from readers.
    ///
    /// By `hidden`, `aria-hidden`, or an inline `display: none` or `visibility: hidden`.
    static func isHidden(_ node: HTMLTree.Node) -> Bool {
        for attribute in node.attributes {
            switch attribute.name {
            case "hidden":
                return true
            case "aria-hidden":
                if attribute.value == "true" { return true }
            case "style":
                if InlineStyle.hides(attribute.value) { return true }
            default:
                break
            }
        }
        return false
    }

    /// The last index of the subtree under `index`.
    ///
    /// Nodes are stored in document order, so a subtree is the range from its root to here.
    static func subtreeEnd(_ tree: HTMLTree, _ index: Int) -> Int {
        tree.subtreeEnd(of: index) - 1
    }

    /// Whether `index` lies under `ancestor`.
    static func isInside(_ tree: HTMLTree, _ index: Int, _ ancestor: Int) -> Bool {
        var current = tree.nodes[index].parent
        while current >= ancestor {
            if current == ancestor { return true }
            current = tree.nodes[current].parent
        }
        return false
    }

    /// The length of the live text under every node, by index.
    static func subtreeTextLengths(_ tree: HTMLTree) -> [Int] {
        var lengths = [Int](repeating: 0, count: tree.nodes.count)
        for index in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            guard !tree.nodes[index].isRemoved else { continue }
            if tree.nodes[index].kind == .text { lengths[index] = tree.textLength(of: index) }
            let parent = tree.nodes[index].parent
            if parent >= 0 { lengths[parent] += lengths[index] }
        }
        return lengths
    }
}
