/// Writes the live part of a tree as plain text.
///
/// Paragraphs are separated by one blank line, list items stand on their own lines as "- ",
/// headings on their own line; line breaks are kept and runs of white space collapsed (but not in
/// `<pre>`). Builds UTF-8 bytes, not a `String`: it runs for every article.
struct TextWriter {
    private enum Break: Int, Comparable {
        case none = 0, space, line, paragraph
        static func < (a: Break, b: Break) -> Bool { a.rawValue < b.rawValue }
    }

    /// The text written so far: the first `length` bytes of `output`.
    ///
    /// The zeroed rest is room the text loop writes into through a pointer.
    private var output: [UInt8] = []
    private var length = 0
    private var pending = Break.none
    /// `<br>` elements since the last text.
    ///
    /// Two in a row make a paragraph break, as Blogger writes paragraphs.
    private var lineBreaks = 0
    /// Whether a list item's dash was just written.
    ///
    /// Its first block child must then not push the text to the next line (`<li><p>…</p></li>`).
    private var atItemStart = false
    private var preformatted = 0
    private var listDepth = 0

    /// The text of the live nodes under `root`, as UTF-8.
    static func text(of tree: HTMLTree, under root: Int = HTMLTree.root) -> [UInt8] {
        var writer = TextWriter()
        writer.write(tree, root)
        writer.output.removeSubrange(writer.length...)
        return writer.output
    }

    private mutating func request(_ kind: Break) {
        if atItemStart && kind > .space { return }
        pending = max(pending, kind)
    }

    /// Makes room for `count` more bytes after `length`, doubling the buffer when it is full.
    private mutating func makeRoom(_ count: Int) {
        if output.count < length + count {
            output.append(contentsOf: repeatElement(0, count: max(length + count - output.count, output.count, 256)))
        }
    }

    private mutating func put(_ byte: UInt8) {
        makeRoom(1)
        output[length] = byte
        length += 1
    }

    /// Writes `bytes` after whatever break is pending.
    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else { return }
        startWord()
        for byte in bytes { put(byte) }
    }

    /// Writes the pending break before text that follows it.
    private mutating func startWord() {
        if length > 0 {
            switch pending {
            case .none: break
            case .space: put(0x20)
            case .line: put(0x0A)
            case .paragraph:
                put(0x0A)
                put(0x0A)
            }
        }
        pending = .none
        lineBreaks = 0
        atItemStart = false
    }

    /// What an element does to the text around it.
    private enum Layout {
        case lineBreak, listItem, list, preformatted, cell, row, image, block, inline

        init(_ traits: ElementTraits) {
            if traits.contains(.lineBreak) {
                self = .lineBreak
            } else if traits.contains(.listItem) {
                self = .listItem
            } else if traits.contains(.list) {
                self = .list
            } else if traits.contains(.preformatted) {
                self = .preformatted
            } else if traits.contains(.cell) {
                self = .cell
            } else if traits.contains(.row) {
                self = .row
            } else if traits.contains(.image) {
                self = .image
            } else {
                self = traits.contains(.block) ? .block : .inline
            }
        }
    }

    /// Writes the subtree under `root` in one pass over its run of indices.
    ///
    /// Elements are finished as the pass leaves them. Nodes are read in place: a copy retains and
    /// releases every string and array it holds.
    private mutating func write(_ tree: HTMLTree, _ root: Int) {
        // Elements entered whose end still has to be written, innermost last.
        var open: [(index: Int, layout: Layout)] = []
        let end = tree.subtreeEnd(of: root)
        var index = root
        while index < end {
            while let last = open.last, tree.subtreeEnd(of: last.index) <= index {
                leave(last.layout)
                open.removeLast()
            }
            if index != root, tree.nodes[index].isRemoved {
                index = tree.subtreeEnd(of: index)
                continue
            }
            switch tree.nodes[index].kind {
            case .root:
                break
            case .text:
                tree.withText(of: index) { writeText($0) }
            case .element:
                let layout = Layout(tree.nodes[index].traits)
                switch layout {
                case .lineBreak, .image:
                    if layout == .lineBreak {
                        lineBreaks += 1
                        request(lineBreaks >= 2 && listDepth == 0 ? .paragraph : .line)
                    }
                    index = tree.subtreeEnd(of: index)
                    continue
                case .inline:
                    break
                default:
                    enter(layout)
                    open.append((index, layout))
                }
            }
            index += 1
        }
        for element in open.reversed() { leave(element.layout) }
    }

    /// What an element writes before its content.
    private mutating func enter(_ layout: Layout) {
        switch layout {
        case .listItem:
            request(listDepth > 0 ? .line : .paragraph)
            // "- ", indented two spaces a level of nesting, without a string.
            startWord()
            for _ in 0..<max(0, listDepth - 1) {
                put(0x20)
                put(0x20)
            }
            put(UInt8(ascii: "-"))
            request(.space)
            atItemStart = true
        case .list:
            request(listDepth > 0 ? .line : .paragraph)
            listDepth += 1
        case .preformatted:
            request(.paragraph)
            preformatted += 1
        case .cell:
            request(.space)
        case .row:
            request(.line)
        case .block:
            request(listDepth > 0 ? .line : .paragraph)
        case .lineBreak, .image, .inline:
            break
        }
    }

    /// What an element writes after its content.
    private mutating func leave(_ layout: Layout) {
        switch layout {
        case .listItem:
            atItemStart = false
            request(.line)
        case .list:
            listDepth -= 1
            request(listDepth > 0 ? .line : .paragraph)
        case .preformatted:
            preformatted -= 1
            request(.paragraph)
        case .cell:
            request(.space)
        case .row:
            request(.line)
        case .block:
            request(listDepth > 0 ? .line : .paragraph)
        case .lineBreak, .image, .inline:
            break
        }
    }

    private mutating func writeText(_ bytes: UnsafeBufferPointer<UInt8>) {
        if preformatted > 0 {
            emit(bytes)
            return
        }
        // Words are runs of bytes between ASCII white space and no-break
        // spaces, each written after the break pending before it. This loop
        // sees every byte of the article, so it writes through a pointer
        // into room made first: the text itself and a paragraph break.
        makeRoom(bytes.count + 2)
        let start = length
        var pending = self.pending
        var startsWord = false
        let end = output.withUnsafeMutableBufferPointer { out in
            var written = start
            var inWord = false
            var index = 0
            let count = bytes.count
            while index < count {
                var byte = bytes[index]
                // Most bytes are prose: words and the single spaces
                // between them, written as they are.
                if inWord, byte > 0x20, byte != 0xC2 {
                    ByteSearch.copyProse(from: bytes, at: &index, to: out, at: &written)
                    guard index < count else { break }
                    byte = bytes[index]
                }
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
        length = end
        self.pending = pending
        if startsWord {
            lineBreaks = 0
            atItemStart = false
        }
    }
}
