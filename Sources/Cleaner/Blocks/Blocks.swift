/// A paragraph-level unit of an article: a leaf block element (`<p>`, `<li>`,
/// a heading) or a run of inline content between blocks. The boundary rules
/// and feed templates look at articles block by block.
struct Block {
    /// The nodes that make up the block: one element, or the inline nodes
    /// of an anonymous run.
    var nodes: [Int]
    /// The element name of a leaf block; nil for an anonymous run.
    var element: String?
    /// The block's text, white space collapsed, trimmed.
    var text: String
    /// How much of that text sits inside links.
    var linkTextLength: Int
    /// The text split at `<br>` elements, each line collapsed; one line for
    /// most blocks.
    var lines: [String]

    /// The share of the text that is link text, 0 to 1.
    var linkDensity: Double {
        text.isEmpty ? 0 : Double(linkTextLength) / Double(text.count)
    }

    /// Whether the block is a heading.
    var isHeading: Bool {
        guard let element, element.count == 2, element.first == "h" else { return false }
        return ("1"..."6").contains(element.last!)
    }
}

/// Splits an article's tree into blocks, in reading order.
enum BlockSegmenter {
    /// Elements that start a new line of text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre",
        "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Blocks kept whole even when they hold other blocks.
    private static let atomicElements: Set<String> = ["pre", "table", "figure", "blockquote", "dl"]

    /// The blocks under `root`, skipping removed nodes and blocks without text.
    static func blocks(of tree: HTMLTree, under root: Int = HTMLTree.root) -> [Block] {
        var result: [Block] = []
        collect(tree, root, into: &result)
        return result
    }

    private static func collect(_ tree: HTMLTree, _ index: Int, into result: inout [Block]) {
        var run: [Int] = []
        func flushRun() {
            if !run.isEmpty, let block = makeBlock(tree, run, element: nil) { result.append(block) }
            run = []
        }
        for child in tree.liveChildren(of: index) {
            let node = tree.nodes[child]
            guard node.kind == .element, blockElements.contains(node.name) else {
                run.append(child)
                continue
            }
            flushRun()
            if atomicElements.contains(node.name) || !containsBlock(tree, child) {
                if let block = makeBlock(tree, [child], element: node.name) { result.append(block) }
            } else {
                collect(tree, child, into: &result)
            }
        }
        flushRun()
    }

    private static func containsBlock(_ tree: HTMLTree, _ index: Int) -> Bool {
        tree.descendants(of: index).dropFirst().contains { node in
            tree.nodes[node].kind == .element && blockElements.contains(tree.nodes[node].name)
        }
    }

    private static func makeBlock(_ tree: HTMLTree, _ nodes: [Int], element: String?) -> Block? {
        var text = ""
        var line = ""
        var lines: [String] = []
        var linkText = 0
        for node in nodes {
            for descendant in tree.descendants(of: node) {
                if tree.nodes[descendant].name == "br" {
                    lines.append(line)
                    line = ""
                    text += " "
                }
                guard tree.nodes[descendant].kind == .text else { continue }
                let piece = tree.nodes[descendant].text
                text += piece
                line += piece
                if isInsideLink(tree, descendant, below: node) { linkText += piece.count }
            }
        }
        lines.append(line)
        let collapsed = TextNormalizer.collapse(text)
        guard !collapsed.isEmpty || element == "hr" || element == "figure" || element == "table" else { return nil }
        return Block(nodes: nodes, element: element, text: collapsed,
                     linkTextLength: min(linkText, collapsed.count),
                     lines: lines.map(TextNormalizer.collapse).filter { !$0.isEmpty })
    }

    private static func isInsideLink(_ tree: HTMLTree, _ index: Int, below top: Int) -> Bool {
        var current = index
        while current >= 0 {
            if tree.nodes[current].name == "a" { return true }
            if current == top { return false }
            current = tree.nodes[current].parent
        }
        return false
    }
}

/// White space and case normalisation for matching text.
enum TextNormalizer {
    /// Every run of white space (including no-break spaces) as one space, trimmed.
    static func collapse(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" ") }
                pendingSpace = false
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
