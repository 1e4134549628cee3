/// What a whole page says about itself in its `<head>`.
enum PageMetadata {
    /// The article's title: `og:title`, else `<title>` (without a trailing
    /// " | Site name"), else the first `<h1>`.
    static func title(of tree: HTMLTree) -> String? {
        for index in tree.descendants(of: HTMLTree.root) where tree.nodes[index].name == "meta" {
            let node = tree.nodes[index]
            if node.attribute("property") == "og:title" || node.attribute("name") == "twitter:title",
               let content = node.attribute("content"), !content.isEmpty
            {
                return TextNormalizer.collapse(content)
            }
        }
        if let title = tree.firstElement(named: "title") {
            var text = TextNormalizer.collapse(tree.textContent(of: title))
            for separator in [" | ", " – ", " — ", " - ", " :: "] {
                if let range = text.range(ofLast: separator), text[range.upperBound...].count < text[..<range.lowerBound].count {
                    text = String(text[..<range.lowerBound])
                    break
                }
            }
            if !text.isEmpty { return text }
        }
        if let heading = tree.firstElement(named: "h1") {
            let text = TextNormalizer.collapse(tree.textContent(of: heading))
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The `<base href>` of the page, if any.
    static func baseHref(of tree: HTMLTree) -> String? {
        tree.firstElement(named: "base").flatMap { tree.nodes[$0].attribute("href") }
    }
}

extension String {
    /// The range of the last occurrence of `needle`.
    func range(ofLast needle: String) -> Range<String.Index>? {
        var found: Range<String.Index>?
        var searchStart = startIndex
        while let range = self[searchStart...].firstRange(of: needle) {
            found = range
            searchStart = range.upperBound
        }
        return found
    }
}
