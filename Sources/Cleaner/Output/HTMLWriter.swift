/// Writes the live part of a sanitised tree as HTML: allow-listed elements
/// with their remaining attributes, other elements' content without their
/// tags, text escaped. Builds UTF-8 bytes: it runs for every article.
enum HTMLWriter {
    /// The HTML of the live nodes under `root`.
    static func html(of tree: HTMLTree, under root: Int = HTMLTree.root) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        let hasContent = contentMap(tree)
        write(tree, root, hasContent, into: &output)
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }
        guard let first = output.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = output.lastIndex(where: { !isSpace($0) })!
        return String(decoding: output[first...last], as: UTF8.self)
    }

    /// Elements written only when something visible is left inside them:
    /// passes that remove a tracker or an ad should not leave `<p></p>`.
    static let droppedWhenEmpty: Set<String> = [
        "p", "div", "span", "a", "li", "ul", "ol", "blockquote", "figure", "figcaption", "section",
        "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "b", "i", "small",
    ]

    /// For every node, whether its live subtree holds text that is not white
    /// space or a void or media element (computed bottom-up: children come
    /// after their parent).
    private static func contentMap(_ tree: HTMLTree) -> [Bool] {
        var hasContent = [Bool](repeating: false, count: tree.nodes.count)
        for index in stride(from: tree.nodes.count - 1, through: 0, by: -1) {
            guard !tree.nodes[index].isRemoved else { continue }
            switch tree.nodes[index].kind {
            case .text:
                hasContent[index] = tree.nodes[index].text.utf8.contains { $0 > 0x20 }
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

    private static func write(_ tree: HTMLTree, _ index: Int, _ hasContent: [Bool], into output: inout [UInt8]) {
        // The node is read in place: a copy retains and releases every
        // string and array it holds.
        switch tree.nodes[index].kind {
        case .text:
            appendEscaped(tree.nodes[index].text, quote: false, to: &output)
        case .root:
            for child in tree.nodes[index].children where !tree.nodes[child].isRemoved {
                write(tree, child, hasContent, into: &output)
            }
        case .element:
            let traits = tree.nodes[index].traits
            if !hasContent[index], traits.contains(.droppedWhenEmpty) { return }
            let keepsTag = traits.contains(.allowed)
            if keepsTag {
                output.append(UInt8(ascii: "<"))
                output.append(contentsOf: tree.nodes[index].name.utf8)
                for attribute in tree.nodes[index].attributes {
                    output.append(0x20)
                    output.append(contentsOf: attribute.name.utf8)
                    output.append(contentsOf: "=\"".utf8)
                    appendEscaped(attribute.value, quote: true, to: &output)
                    output.append(UInt8(ascii: "\""))
                }
                output.append(UInt8(ascii: ">"))
                if traits.contains(.void) { return }
            }
            for child in tree.nodes[index].children where !tree.nodes[child].isRemoved {
                write(tree, child, hasContent, into: &output)
            }
            if keepsTag {
                output.append(contentsOf: "</".utf8)
                output.append(contentsOf: tree.nodes[index].name.utf8)
                output.append(UInt8(ascii: ">"))
            }
        }
    }

    /// Appends `text` with `&`, `<`, `>` (and `"` in attributes) escaped.
    static func appendEscaped(_ text: String, quote: Bool, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quote: replacement = "&quot;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
    }
}
