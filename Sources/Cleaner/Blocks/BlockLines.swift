/// The lines of a block split at its `<br>` elements, with the nodes that make each line.
///
/// So boilerplate lines at the edge of a block ("0", a UUID, "Leave a Reply" under the last
/// paragraph) go without the rest.
struct BlockLines {
    /// One line: the sibling nodes between two `<br>`s, and its text.
    struct Line {
        var nodes: [Int]
        var text: String
        /// How much of the text (in UTF-8 bytes) sits inside links.
        var linkTextLength: Int

        /// The share of the text that is link text, 0 to 1.
        var linkDensity: Double {
            text.utf8.isEmpty ? 0 : min(1, Double(linkTextLength) / Double(text.utf8.count))
        }
    }

    /// The lines with text, in order.
    var lines: [Line]
    /// `separators[i]`: the `<br>`s and blank nodes between line `i` and line `i + 1`.
    var separators: [[Int]]

    /// The lines of `block`, or nil when some of its `<br>`s sit inside a link.
    ///
    /// Such lines are left alone. Inline elements that hold a `<br>` are looked
    /// through (`<em>credits<br>Help support </em>Planet Money`), so a line may
    /// be made of nodes at several depths.
    init?(of block: Block, in tree: HTMLTree) {
        guard !block.lines.isEmpty else { return nil }
        var siblings: [Int]
        if let element = block.nodes.first, block.element != nil {
            guard !tree.nodes[element].traits.contains(.atomic) else { return nil }
            siblings = tree.children(of: element).filter { !tree.nodes[$0].isRemoved }
        } else {
            siblings = Array(block.nodes)
        }
        // An inline element holding a `<br>` (`<p><span>a<br>b</span></p>`) is
        // looked through; a link is not.
        func holdsLineBreak(_ node: Int) -> Bool {
            tree.descendants(of: node).contains { $0 != node && tree.nodes[$0].traits.contains(.lineBreak) }
        }
        func lookedThrough(_ nodes: [Int]) -> [Int] {
            nodes.flatMap { node -> [Int] in
                let traits = tree.nodes[node].traits
                guard tree.nodes[node].kind == .element, !traits.contains(.link), !traits.contains(.lineBreak),
                      holdsLineBreak(node)
                else { return [node] }
                return lookedThrough(tree.children(of: node).filter { !tree.nodes[$0].isRemoved })
            }
        }
        siblings = lookedThrough(siblings)
        var lines: [Line] = []
        var separators: [[Int]] = []
        var pending: [Int] = []
        var gap: [Int] = []
        func finish() {
            let text = TextNormalizer.collapse(pending.map { tree.textContent(of: $0) }.joined())
            if text.isEmpty {
                gap += pending
            } else {
                if !lines.isEmpty { separators.append(gap) }
                let links = pending.reduce(0) { $0 + Self.linkTextLength(of: $1, in: tree) }
                lines.append(Line(nodes: pending, text: text, linkTextLength: links))
                gap = []
            }
            pending = []
        }
        for node in siblings {
            if tree.nodes[node].traits.contains(.lineBreak) {
                finish()
                gap.append(node)
            } else {
                pending.append(node)
            }
        }
        finish()
        guard lines.count == block.lines.count, lines.count > 1 else { return nil }
        self.lines = lines
        self.separators = separators
    }

    /// Removes line `index` with the separator after it (at the head) or before it (at the tail).
    ///
    /// So no empty line is left behind. When `keepingMedia`, only the line's text and the line
    /// break next to it go: the images on the line and between the lines stay.
    func remove(_ index: Int, atHead: Bool, from tree: inout HTMLTree, keepingMedia: Bool = false) {
        if keepingMedia {
            ImageZoomLabels.removeText(of: lines[index].nodes, in: &tree)
            guard !lines[index].nodes.contains(where: { !tree.nodes[$0].isRemoved }) else { return }
            let gap = atHead ? (index < separators.count ? separators[index] : [])
                : (index > 0 ? separators[index - 1] : [])
            let breaks = gap.filter { tree.nodes[$0].traits.contains(.lineBreak) }
            if let lineBreak = atHead ? breaks.first : breaks.last { tree.remove(lineBreak) }
            return
        }
        lines[index].nodes.forEach { tree.remove($0) }
        if atHead, index < separators.count {
            separators[index].forEach { tree.remove($0) }
        } else if !atHead, index > 0 {
            separators[index - 1].forEach { tree.remove($0) }
        }
    }

    /// The UTF-8 length of the link text in `node`'s subtree.
    private static func linkTextLength(of node: Int, in tree: HTMLTree) -> Int {
        if tree.nodes[node].traits.contains(.link) { return tree.textContent(of: node).utf8.count }
        guard tree.nodes[node].kind == .element else { return 0 }
        return tree.children(of: node).reduce(0) { $0 + linkTextLength(of: $1, in: tree) }
    }
}
