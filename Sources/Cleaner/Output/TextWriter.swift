/// Writes the live part of a tree as plain text: paragraphs separated by one
/// blank line, list items on their own lines as "- ", headings on their own
/// line, line breaks kept, runs of white space collapsed (but not in `<pre>`).
struct TextWriter {
    private enum Break: Int, Comparable {
        case none = 0, space, line, paragraph
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    private var output = ""
    private var pending = Break.none
    private var preformatted = 0
    private var listDepth = 0

    /// The text of the live nodes under `root`.
    static func text(of tree: HTMLTree, under root: Int = HTMLTree.root) -> String {
        var writer = TextWriter()
        writer.write(tree, root)
        return writer.output
    }

    private mutating func request(_ kind: Break) {
        pending = max(pending, kind)
    }

    private mutating func emit(_ text: String) {
        guard !text.isEmpty else { return }
        if !output.isEmpty {
            switch pending {
            case .none: break
            case .space: output += " "
            case .line: output += "\n"
            case .paragraph: output += "\n\n"
            }
        }
        pending = .none
        output += text
    }

    private mutating func write(_ tree: HTMLTree, _ index: Int) {
        let node = tree.nodes[index]
        switch node.kind {
        case .root:
            writeChildren(tree, index)
        case .text:
            writeText(node.text)
        case .element:
            writeElement(tree, index, node.name)
        }
    }

    private mutating func writeChildren(_ tree: HTMLTree, _ index: Int) {
        for child in tree.nodes[index].children where !tree.nodes[child].isRemoved { write(tree, child) }
    }

    private mutating func writeText(_ text: String) {
        if preformatted > 0 {
            emit(text)
            return
        }
        var words = text.split(whereSeparator: { $0.isWhitespace })[...]
        guard !words.isEmpty else {
            if !text.isEmpty { request(.space) }
            return
        }
        if text.first!.isWhitespace { request(.space) }
        emit(words.removeFirst().description)
        for word in words {
            request(.space)
            emit(String(word))
        }
        if text.last!.isWhitespace { request(.space) }
    }

    private mutating func writeElement(_ tree: HTMLTree, _ index: Int, _ name: String) {
        switch name {
        case "br":
            request(.line)
        case "li":
            request(listDepth > 0 ? .line : .paragraph)
            emit(String(repeating: "  ", count: max(0, listDepth - 1)) + "-")
            request(.space)
            writeChildren(tree, index)
            request(.line)
        case "ul", "ol":
            request(listDepth > 0 ? .line : .paragraph)
            listDepth += 1
            writeChildren(tree, index)
            listDepth -= 1
            request(listDepth > 0 ? .line : .paragraph)
        case "pre":
            request(.paragraph)
            preformatted += 1
            writeChildren(tree, index)
            preformatted -= 1
            request(.paragraph)
        case "td", "th":
            request(.space)
            writeChildren(tree, index)
            request(.space)
        case "tr", "dt", "dd":
            request(.line)
            writeChildren(tree, index)
            request(.line)
        case "img":
            break
        default:
            if BlockSegmenter.blockElements.contains(name) {
                request(listDepth > 0 ? .line : .paragraph)
                writeChildren(tree, index)
                request(listDepth > 0 ? .line : .paragraph)
            } else {
                writeChildren(tree, index)
            }
        }
    }
}
