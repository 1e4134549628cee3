/// Writes the live part of a tree as plain text: paragraphs separated by one
/// blank line, list items on their own lines as "- ", headings on their own
/// line, line breaks kept, runs of white space collapsed (but not in `<pre>`).
/// Builds UTF-8 bytes, not a `String`: it runs for every article.
struct TextWriter {
    private enum Break: Int, Comparable {
        case none = 0, space, line, paragraph
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    private var output: [UInt8] = []
    private var pending = Break.none
    /// `<br>` elements since the last text: two in a row make a paragraph
    /// break, as Blogger writes paragraphs.
    private var lineBreaks = 0
    /// A list item's dash was just written: its first block child must not
    /// push the text to the next line (`<li><p>…</p></li>`).
    private var atItemStart = false
    private var preformatted = 0
    private var listDepth = 0

    /// The text of the live nodes under `root`.
    static func text(of tree: HTMLTree, under root: Int = HTMLTree.root) -> String {
        var writer = TextWriter()
        writer.write(tree, root)
        return String(decoding: writer.output, as: UTF8.self)
    }

    private mutating func request(_ kind: Break) {
        if atItemStart && kind > .space { return }
        pending = max(pending, kind)
    }

    /// Writes `bytes` after whatever break is pending.
    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        startWord()
        output.append(contentsOf: bytes)
    }

    /// Writes the pending break before text that follows it.
    private mutating func startWord() {
        if !output.isEmpty {
            switch pending {
            case .none: break
            case .space: output.append(0x20)
            case .line: output.append(0x0A)
            case .paragraph:
                output.append(0x0A)
                output.append(0x0A)
            }
        }
        pending = .none
        lineBreaks = 0
        atItemStart = false
    }

    private mutating func emit(_ text: String) {
        var text = text
        text.withUTF8 { emit($0) }
    }

    // Nodes are read in place (`tree.nodes[index].name`), never copied:
    // a copy retains and releases every string and array it holds.
    private mutating func write(_ tree: HTMLTree, _ index: Int) {
        switch tree.nodes[index].kind {
        case .root:
            writeChildren(tree, index)
        case .text:
            writeText(tree.nodes[index].text)
        case .element:
            writeElement(tree, index)
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
        // Words are runs of bytes between ASCII white space and no-break
        // spaces, each written after the break pending before it. This loop
        // sees every byte of the article, so it writes through a pointer
        // into room made first: the text itself and a paragraph break.
        text.withBytes { bytes in
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: bytes.count + 2))
            var pending = self.pending
            var startsWord = false
            let end = output.withUnsafeMutableBufferPointer { out in
                var written = start
                var inWord = false
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == 0x20 || (0x09...0x0D).contains(byte) {
                        inWord = false
                        pending = max(pending, .space)
                        index += 1
                    } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                        inWord = false
                        pending = max(pending, .space)
                        index += 2
                    } else {
                        if !inWord {
                            if written > 0 {
                                switch pending {
                                case .none: break
                                case .space, .line:
                                    out[written] = pending == .space ? 0x20 : 0x0A
                                    written += 1
                                case .paragraph:
                                    out[written] = 0x0A
                                    out[written + 1] = 0x0A
                                    written += 2
                                }
                            }
                            pending = .none
                            startsWord = true
                            inWord = true
                        }
                        out[written] = byte
                        written += 1
                        index += 1
                    }
                }
                return written
            }
            output.removeLast(output.count - end)
            self.pending = pending
            if startsWord {
                lineBreaks = 0
                atItemStart = false
            }
        }
    }

    private mutating func writeElement(_ tree: HTMLTree, _ index: Int) {
        switch tree.nodes[index].name {
        case "br":
            lineBreaks += 1
            request(lineBreaks >= 2 && listDepth == 0 ? .paragraph : .line)
        case "li":
            request(listDepth > 0 ? .line : .paragraph)
            emit(String(repeating: "  ", count: max(0, listDepth - 1)) + "-")
            request(.space)
            atItemStart = true
            writeChildren(tree, index)
            atItemStart = false
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
            if tree.nodes[index].traits.contains(.block) {
                request(listDepth > 0 ? .line : .paragraph)
                writeChildren(tree, index)
                request(listDepth > 0 ? .line : .paragraph)
            } else {
                writeChildren(tree, index)
            }
        }
    }
}
