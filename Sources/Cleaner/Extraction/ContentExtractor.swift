/// Finds the main content of a whole web page, the way Readability does:
/// paragraphs score their ancestors by length and commas, class and id
/// names and link density adjust the scores, and the best ancestor (with
/// those of its siblings that look like article text) is the article.
enum ContentExtractor {
    private static let positiveNames = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text", "blog", "story",
        "prose", "markdown",
    ]
    private static let negativeNames = [
        "comment", "meta", "footer", "footnote", "sidebar", "sponsor", "share", "social", "related", "nav",
        "menu", "promo", "widget", "banner", "masthead", "combx", "contact", "shoutbox", "subscribe",
        "newsletter", "popup", "modal", "cookie", "breadcrumb", "hidden", "skip",
    ]
    private static let paragraphElements: Set<String> = ["p", "pre", "td", "blockquote", "li", "h2", "h3"]

    /// Removes everything outside the main content of the page in `tree`
    /// and returns the node under which the content now lies.
    static func mainContent(of tree: inout HTMLTree, removals: inout [Removal]) -> Int {
        let body = tree.firstElement(named: "body") ?? HTMLTree.root
        let textLength = subtreeTextLengths(tree)
        let linkLength = subtreeLinkTextLengths(tree)
        var scores: [Int: Double] = [:]

        func initialScore(_ index: Int) -> Double {
            let node = tree.nodes[index]
            var score: Double
            switch node.name {
            case "article": score = 10
            case "div", "main", "section": score = 5
            case "pre", "td", "blockquote": score = 3
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
            case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
            default: score = 0
            }
            return score + classWeight(node)
        }

        for index in tree.descendants(of: body) {
            let node = tree.nodes[index]
            guard node.kind == .element, paragraphElements.contains(node.name) || isTextDiv(tree, index) else { continue }
            let length = textLength[index]
            guard length >= 25 else { continue }
            let text = tree.textContent(of: index)
            let commas = text.reduce(0) { $0 + ($1 == "," || $1 == "，" ? 1 : 0) }
            let contentScore = 1 + Double(commas) + min(Double(length / 100), 3)
            var ancestor = node.parent
            var level = 0
            while ancestor > 0, level < 3 {
                if scores[ancestor] == nil { scores[ancestor] = initialScore(ancestor) }
                scores[ancestor]! += contentScore / Double([1, 2, 3][level])
                ancestor = tree.nodes[ancestor].parent
                level += 1
            }
        }

        var best: (index: Int, score: Double)?
        for (index, score) in scores {
            let density = textLength[index] == 0 ? 0 : Double(linkLength[index]) / Double(textLength[index])
            let final = score * (1 - density)
            scores[index] = final
            if best == nil || final > best!.score { best = (index, final) }
        }
        guard let best, best.score > 0 else { return body }

        // Siblings that belong to the article: scored well, or paragraphs
        // with little link text.
        let parent = tree.nodes[best.index].parent
        let threshold = max(10, best.score * 0.2)
        var kept = 0
        for sibling in tree.liveChildren(of: parent) {
            if sibling == best.index { kept += 1; continue }
            let node = tree.nodes[sibling]
            var belongs = (scores[sibling] ?? -1) >= threshold
            if !belongs, node.name == "p" {
                let length = textLength[sibling]
                let density = length == 0 ? 1 : Double(linkLength[sibling]) / Double(length)
                belongs = (length > 80 && density < 0.25) || (length > 0 && density == 0 && tree.textContent(of: sibling).contains(". "))
            }
            if belongs {
                kept += 1
            } else {
                tree.remove(sibling)
            }
        }
        let root = kept > 1 ? parent : best.index
        let outside = textLength[body] - textLength[root]
        if outside > 0 { removals.append(Removal(what: "page outside the main content", chars: outside)) }
        return root
    }

    /// A `<div>` holding text directly rather than in paragraphs.
    private static func isTextDiv(_ tree: HTMLTree, _ index: Int) -> Bool {
        guard tree.nodes[index].name == "div" else { return false }
        return tree.nodes[index].children.contains { child in
            tree.nodes[child].kind == .text && tree.nodes[child].text.count >= 25
        }
    }

    private static func classWeight(_ node: HTMLTree.Node) -> Double {
        var weight = 0.0
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute)?.lowercased(), !value.isEmpty else { continue }
            if negativeNames.contains(where: value.contains) { weight -= 25 }
            if positiveNames.contains(where: value.contains) { weight += 25 }
        }
        if let role = node.attribute("role"), role == "main" || role == "article" { weight += 25 }
        if node.attribute("itemprop")?.contains("articleBody") == true { weight += 50 }
        return weight
    }

    /// The length of the live text under every node, by index.
    static func subtreeTextLengths(_ tree: HTMLTree) -> [Int] {
        var lengths = [Int](repeating: 0, count: tree.nodes.count)
        for index in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            let node = tree.nodes[index]
            guard !node.isRemoved else { continue }
            if node.kind == .text { lengths[index] = node.text.count }
            if node.parent >= 0 { lengths[node.parent] += lengths[index] }
        }
        return lengths
    }

    /// The length of the live link text under every node, by index.
    private static func subtreeLinkTextLengths(_ tree: HTMLTree) -> [Int] {
        var lengths = [Int](repeating: 0, count: tree.nodes.count)
        let text = subtreeTextLengths(tree)
        for index in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            let node = tree.nodes[index]
            guard !node.isRemoved else { continue }
            if node.name == "a" { lengths[index] = text[index] }
            if node.parent >= 0 { lengths[node.parent] += lengths[index] }
        }
        return lengths
    }
}
