/// A paragraph-level unit of an article: a leaf block element or a run of inline content.
///
/// A leaf block element is a `<p>`, `<li>` or heading; a run of inline content lies between blocks.
/// The boundary rules and feed templates look at articles block by block.
struct Block {
    /// The nodes that make up the block: one element, or the inline nodes of an anonymous run.
    ///
    /// A slice of the nodes of all the article's blocks.
    var nodes: ArraySlice<Int>
    /// The element name of a leaf block; nil for an anonymous run.
    var element: String?
    /// The block's text, white space collapsed, trimmed, as UTF-8.
    ///
    /// A slice of the bytes of all the article's blocks.
    var bytes: ArraySlice<UInt8>
    /// How much of that text (in UTF-8 bytes) sits inside links.
    var linkTextLength: Int
    /// The text split at `<br>` elements, each line collapsed, empty lines left out.
    ///
    /// Empty when the block has no `<br>`.
    var lines: [String]
    /// The block's text and what the edge rules said of it, once asked (`headMatch`, `tailMatch`).
    let verdicts = EdgeVerdicts()

    /// The block's text, white space collapsed, trimmed. Made when first asked
    /// for: the rules read a few blocks at the edges, not the article's prose.
    var text: String {
        if let made = verdicts.text { return made }
        let made = String(decoding: bytes, as: UTF8.self)
        verdicts.text = made
        return made
    }

    /// The block's text as `BoundaryText.normalized` writes it, made once for all the rules that compare it.
    var key: String { verdicts.key(of: text) }

    /// The length of the text in UTF-8 bytes.
    var length: Int { bytes.count }

    /// The share of the text that is link text, 0 to 1.
    var linkDensity: Double {
        bytes.isEmpty ? 0 : Double(linkTextLength) / Double(bytes.count)
    }

    /// Whether the block stands on its own as a line of the article.
    ///
    /// It does not in a list item, table cell or definition, where a bare number is content.
    var isFreeStanding: Bool {
        switch element {
        case "li", "td", "th", "dt", "dd": false
        default: true
        }
    }

    /// Whether the block is a heading.
    var isHeading: Bool {
        guard let element else { return false }
        // A Character is at least a byte: the byte count settles most names without counting
        // Characters, and two bytes are a heading's only as "h1" to "h6".
        switch element.utf8.count {
        case ..<2: return false
        case 2: return element.withBytes { $0[0] == UInt8(ascii: "h") && $0[1] >= UInt8(ascii: "1") && $0[1] <= UInt8(ascii: "6") }
        default: break
        }
        guard element.count == 2, element.first == "h" else { return false }
        return ("1"..."6").contains(element.last!)
    }
}

/// The text of one block and what the head and tail rules said of it, kept for the next rule that asks.
///
/// The chrome zones, the platform widgets and the boundary pass each ask the edge rules about the
/// same few blocks; the text, link density and element they judge do not change.
final class EdgeVerdicts {
    /// `Block.text`, once made.
    var text: String?
    /// `Block.key`, once made.
    private var key: String?
    /// `Block.headMatch`, once asked.
    var head: BoundaryText.Match??
    /// `Block.tailMatch`, once asked.
    var tail: BoundaryText.Match??
    /// `EdgeNoise.kind` of the block's text, once asked, and the link density it was asked with.
    ///
    /// The head and tail rules and `InlineNoise` all ask it, most often at the block's own link density.
    private var edgeNoise: (linkDensity: Double, kind: String?)?

    /// `BoundaryText.normalized(text)`, made once: `text` is the block's.
    func key(of text: String) -> String {
        if let key { return key }
        let made = BoundaryText.normalized(text)
        key = made
        return made
    }

    /// `EdgeNoise.kind(of: key, linkDensity:)` for `key`, the block's text as `BoundaryText.normalized` writes it.
    ///
    /// Asked once for each link density in a row: a second question at the same density gets the first answer.
    func edgeNoise(of key: String, linkDensity: Double) -> String? {
        if let known = edgeNoise, known.linkDensity == linkDensity { return known.kind }
        let kind = EdgeNoise.kind(of: key, linkDensity: linkDensity)
        edgeNoise = (linkDensity, kind)
        return kind
    }
}

extension Block {
    /// What the head rules call the block, judged as a heading or list item when it is one.
    var headMatch: BoundaryText.Match? {
        if let known = verdicts.head { return known }
        let match = BoundaryText.head(text, isHeading: isHeading || !isFreeStanding, linkDensity: linkDensity,
                                      verdicts: verdicts)
        verdicts.head = .some(match)
        return match
    }

    /// What the tail rules call the block, judged as a heading when it is one.
    var tailMatch: BoundaryText.Match? {
        if let known = verdicts.tail { return known }
        let match = BoundaryText.tail(text, linkDensity: linkDensity, isHeading: isHeading, verdicts: verdicts)
        verdicts.tail = .some(match)
        return match
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
    static let atomicElements: Set<String> = ["pre", "table", "figure", "blockquote", "dl"]

    /// The blocks under `root`, skipping removed nodes and blocks without text.
    static func blocks(of tree: HTMLTree, under root: Int = HTMLTree.root) -> [Block] {
        // Which nodes hold a block element somewhere below them, computed
        // bottom-up once (children always come after their parent).
        var holdsBlock = [Bool](repeating: false, count: tree.nodes.count)
        for index in stride(from: tree.nodes.count - 1, through: 1, by: -1) {
            guard !tree.nodes[index].isRemoved else { continue }
            if holdsBlock[index] || tree.nodes[index].traits.contains(.block) {
                holdsBlock[tree.nodes[index].parent] = true
            }
        }
        var segmenter = Segmenter(tree: tree, holdsBlock: holdsBlock)
        segmenter.collect(root)
        let (collapsed, blockNodes) = (segmenter.collapsed, segmenter.blockNodes)
        return segmenter.found.map { block in
            Block(nodes: blockNodes[block.nodes], element: block.element, bytes: collapsed[block.range],
                  linkTextLength: block.linkTextLength, lines: block.lines)
        }
    }

    /// One segmentation: the blocks found so far, their nodes and their collapsed text.
    ///
    /// The nodes are in one array and the text in one byte buffer (an
    /// array each costs an allocation a block). A block's text is
    /// gathered at the end of that buffer and collapsed where it lies.
    private struct Segmenter {
        let tree: HTMLTree
        let holdsBlock: [Bool]
        var found: [(nodes: Range<Int>, element: String?, range: Range<Int>, linkTextLength: Int, lines: [String])] = []
        var blockNodes: [Int] = []
        var collapsed: [UInt8] = []

        mutating func collect(_ index: Int) {
            // The inline run being gathered: the end of `blockNodes` from
            // `runStart` on, since a block child ends the run first.
            var runStart = blockNodes.count
            for child in tree.children(of: index) where !tree.nodes[child].isRemoved {
                let traits = tree.nodes[child].traits
                guard traits.contains(.block) else {
                    blockNodes.append(child)
                    continue
                }
                if blockNodes.count > runStart { addBlock(runStart..<blockNodes.count, element: nil) }
                if traits.contains(.atomic) || !holdsBlock[child] {
                    blockNodes.append(child)
                    addBlock((blockNodes.count - 1)..<blockNodes.count, element: tree.nodes[child].name)
                } else {
                    collect(child)
                }
                runStart = blockNodes.count
            }
            if blockNodes.count > runStart { addBlock(runStart..<blockNodes.count, element: nil) }
        }

        /// Adds the block made of the sibling nodes `blockNodes[nodes]`, unless it has no text.
        ///
        /// The nodes' subtrees belong to the block.
        private mutating func addBlock(_ nodes: Range<Int>, element: String?) {
            let start = collapsed.count
            // Where `<br>` elements are, from `start`.
            var lineEnds: [Int] = []
            var linkBytes = 0
            // Subtrees are runs of indices in document order; a link's run
            // ends at `linkEnd`.
            var linkEnd = 0
            for node in blockNodes[nodes] {
                var index = node
                let end = tree.subtreeEnd(of: node)
                while index < end {
                    if tree.nodes[index].isRemoved {
                        index = tree.subtreeEnd(of: index)
                        continue
                    }
                    switch tree.nodes[index].kind {
                    case .text:
                        tree.withText(of: index) { bytes in
                            collapsed.append(contentsOf: bytes)
                            if index < linkEnd { linkBytes += bytes.count }
                        }
                    case .element where tree.nodes[index].traits.contains(.lineBreak):
                        lineEnds.append(collapsed.count - start)
                        collapsed.append(0x20)
                        index = tree.subtreeEnd(of: index)
                        continue
                    default:
                        if tree.nodes[index].traits.contains(.link) { linkEnd = max(linkEnd, tree.subtreeEnd(of: index)) }
                    }
                    index += 1
                }
            }
            var lines: [String] = []
            if !lineEnds.isEmpty {
                lineEnds.append(collapsed.count - start)
                var lineStart = 0
                collapsed.withUnsafeBufferPointer { bytes in
                    let text = UnsafeBufferPointer(rebasing: bytes[start...])
                    for lineEnd in lineEnds {
                        let line = TextNormalizer.collapse(UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd]))
                        if !line.isEmpty { lines.append(line) }
                        lineStart = lineEnd + 1
                    }
                }
            }
            let length = collapsed.withUnsafeMutableBufferPointer {
                TextNormalizer.collapseInPlace(UnsafeMutableBufferPointer(rebasing: $0[start...]))
            }
            collapsed.removeLast(collapsed.count - start - length)
            guard length > 0 || element == "hr" || element == "figure" || element == "table" else { return }
            found.append((nodes, element, start..<collapsed.count, min(linkBytes, length), lines))
        }
    }
}

/// White space normalisation for matching text.
enum TextNormalizer {
    /// Every run of white space (ASCII white space and no-break spaces) as one space, trimmed.
    ///
    /// Works on UTF-8 bytes: it runs for every block.
    static func collapse(_ text: String) -> String {
        text.withBytes(collapse)
    }

    /// `collapse(_:)` of UTF-8 bytes.
    static func collapse(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard !bytes.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            _ = output.initialize(from: bytes)
            return collapseInPlace(output)
        }
    }

    /// Collapses `bytes` as `collapse(_:)` does, in place, and returns the length of the result.
    ///
    /// The result is never longer.
    static func collapseInPlace(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var written = 0
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        let source = UnsafeBufferPointer(bytes)
        while index < count {
            var byte = bytes[index]
            // Most bytes are prose: words and the single spaces between
            // them, which collapsing leaves as they are.
            if byte > 0x20, byte != 0xC2, !pendingSpace {
                ByteSearch.copyProse(from: source, at: &index, to: bytes, at: &written)
                guard index < count else { break }
                byte = bytes[index]
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = written > 0
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                pendingSpace = written > 0
                index += 2
            } else {
                if pendingSpace {
                    bytes[written] = 0x20
                    written += 1
                }
                pendingSpace = false
                bytes[written] = byte
                written += 1
                index += 1
            }
        }
        return written
    }

    /// Whether `text` is only white space (as `collapse(_:)` sees it), so it collapses to nothing.
    static func isBlank(_ text: String) -> Bool {
        text.withBytes { firstNonSpace(in: $0) == nil }
    }

    /// The index of the first byte that is not white space (as `collapse(_:)` sees it), or nil.
    ///
    /// Nil when there is none.
    static func firstNonSpace(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                index += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                index += 2
            } else {
                return index
            }
        }
        return nil
    }
}
