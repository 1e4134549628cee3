/// Writes the live part of a sanitised tree as HTML.
///
/// Allow-listed elements keep their tags and remaining attributes, other elements only their
/// content; text is escaped. Builds UTF-8 bytes: it runs for every article.
enum HTMLWriter {
    /// The HTML of the live nodes under `root`, as UTF-8.
    static func html(of tree: HTMLTree, under root: Int = HTMLTree.root) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(tree, root, contentMap(tree), into: &output)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = output.firstIndex(where: { !isSpace($0) }) else { return [] }
        let last = output.lastIndex(where: { !isSpace($0) })!
        output.removeSubrange((last + 1)...)
        output.removeSubrange(..<first)
        return output
    }

    /// Elements written only when something visible is left inside them:
    /// passes that remove a tracker or an ad should not leave `<p></p>`.
    static let droppedWhenEmpty: Set<String> = [
        "p", "div", "span", "a", "li", "ul", "ol", "blockquote", "figure", "figcaption", "section",
        "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "small",
    ]

    /// For every node, whether its live subtree holds non-blank text or a void or media element.
    ///
    /// Computed bottom-up: children come after their parent.
    private static func contentMap(_ tree: HTMLTree) -> [Bool] {
        var hasContent = [Bool](repeating: false, count: tree.nodes.count)
        for index in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            guard !tree.nodes[index].isRemoved else { continue }
            switch tree.nodes[index].kind {
            case .text:
                hasContent[index] = tree.withText(of: index) { $0.contains { $0 > 0x20 } }
            case .element:
                if tree.nodes[index].traits.contains(.showsWithoutText) { hasContent[index] = true }
            case .root:
                break
            }
            let parent = tree.nodes[index].parent
            if hasContent[index], parent >= 0 { hasContent[parent] = true }
        }
        return hasContent
    }

    /// Writes the subtree under `root` in one pass over its run of indices.
    ///
    /// Elements are closed as the pass leaves them. Nodes are read in place: a copy retains and
    /// releases every string and array it holds.
    private static func write(_ tree: HTMLTree, _ root: Int, _ hasContent: [Bool], into output: inout [UInt8]) {
        // Written start tags still to close, innermost last.
        var open: [Int] = []
        let end = tree.subtreeEnd(of: root)
        var index = root
        while index < end {
            while let last = open.last, tree.subtreeEnd(of: last) <= index {
                writeEndTag(tree.nodes[last].name, into: &output)
                open.removeLast()
            }
            // The root is written even when removed, as the page's main
            // content it stands for.
            guard index == root || !tree.nodes[index].isRemoved else {
                index = tree.subtreeEnd(of: index)
                continue
            }
            switch tree.nodes[index].kind {
            case .text:
                tree.withText(of: index) { appendEscaped($0, quote: false, to: &output) }
            case .root:
                break
            case .element:
                let traits = tree.nodes[index].traits
                if !hasContent[index], traits.contains(.droppedWhenEmpty) {
                    index = tree.subtreeEnd(of: index)
                    continue
                }
                if traits.contains(.allowed) {
                    writeStartTag(tree, index, into: &output)
                    if traits.contains(.void) {
                        index = tree.subtreeEnd(of: index)
                        continue
                    }
                    open.append(index)
                }
            }
            index += 1
        }
        for element in open.reversed() { writeEndTag(tree.nodes[element].name, into: &output) }
    }

    private static func writeStartTag(_ tree: HTMLTree, _ index: Int, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        tree.nodes[index].name.withBytes { output.append(contentsOf: $0) }
        for attribute in tree.nodes[index].attributes {
            output.append(0x20)
            attribute.name.withBytes { output.append(contentsOf: $0) }
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "\""))
            appendEscaped(attribute.value, quote: true, to: &output)
            output.append(UInt8(ascii: "\""))
        }
        output.append(UInt8(ascii: ">"))
    }

    private static func writeEndTag(_ name: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "<"))
        output.append(UInt8(ascii: "/"))
        name.withBytes { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: ">"))
    }

    /// Appends `text` with `&`, `<`, `>` (and `"` in attributes) escaped.
    static func appendEscaped(_ text: String, quote: Bool, to output: inout [UInt8]) {
        text.withBytes { appendEscaped($0, quote: quote, to: &output) }
    }

    /// Appends UTF-8 `bytes` with `&`, `<`, `>` (and `"` in attributes) escaped.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, quote: Bool, to output: inout [UInt8]) {
        // The characters to escape, as bits of a mask indexed by byte value
        // (all are below 64): one test a byte, and most text has none.
        let specials: UInt64 = 1 << 0x26 | 1 << 0x3C | 1 << 0x3E | (quote ? 1 << 0x22 : 0)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time while none needs escaping.
            if index + 8 <= bytes.count, let base = bytes.baseAddress {
                let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if !(ByteSearch.hasByte(word, UInt8(ascii: "&")) || ByteSearch.hasByte(word, UInt8(ascii: "<"))
                    || ByteSearch.hasByte(word, UInt8(ascii: ">")) || (quote && ByteSearch.hasByte(word, UInt8(ascii: "\""))))
                {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            guard byte < 64, specials & (1 << UInt64(byte)) != 0 else { continue }
            let at = index - 1
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            default: replacement = "&quot;"
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<at]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            runStart = at + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
}
