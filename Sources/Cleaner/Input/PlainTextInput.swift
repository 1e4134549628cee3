/// Turns text without markup into a tree of paragraphs, finding its title.
enum PlainTextInput {
    /// The longest first line taken for a title.
    static let maximumTitleLength = 200

    /// The longest line length above which a text without blank lines writes a paragraph a line.
    ///
    /// Hard-wrapped prose has short lines.
    static let paragraphLineLength = 200

    /// The paragraphs of `text` as `<p>` elements, and its title.
    ///
    /// Paragraphs are separated by blank lines; line breaks inside a paragraph become `<br>`. The
    /// title is the opening line when it is short and single, does not end like a sentence, and is
    /// set apart by a blank line and followed by more. A text with no blank line and a line longer
    /// than `paragraphLineLength` has a paragraph a line.
    static func tree(from text: String) -> (tree: HTMLTree, title: String?) {
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        // `\.isNewline` also splits "\r\n", which Swift reads as one Character.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        if paragraphs.count == 1, paragraphs[0].contains(where: { $0.count > paragraphLineLength }) {
            paragraphs = paragraphs[0].map { [$0] }
        }

        var title: String?
        if paragraphs.count >= 2, paragraphs[0].count == 1, let line = paragraphs.first?.first,
           line.count <= maximumTitleLength, !(line.last.map { ".!?:;,".contains($0) } ?? true)
        {
            title = String(line)
            paragraphs.removeFirst()
        }

        var tree = HTMLTree()
        for lines in paragraphs {
            let paragraph = tree.appendElement("p", attributes: [], to: HTMLTree.root)
            for (index, line) in lines.enumerated() {
                if index > 0 { tree.appendElement("br", attributes: [], to: paragraph) }
                tree.appendText(String(line), to: paragraph)
            }
        }
        return (tree, title)
    }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and carriage returns.
    func trimmingSpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
