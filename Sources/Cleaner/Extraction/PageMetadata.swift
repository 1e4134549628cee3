/// What a whole page says about itself in its `<head>`.
///
/// It reads the nodes whether or not a pass removed them, so content
/// extraction can still ask for the title after the head has been dropped.
enum PageMetadata {
    /// The article's title: `og:title`, else `<title>`, else the first `<h1>`.
    ///
    /// A `<title>` loses a trailing " | Site name".
    static func title(of tree: HTMLTree) -> String? {
        var titleElement: Int?
        var heading: Int?
        for index in tree.nodes.indices where tree.nodes[index].kind == .element {
            let node = tree.nodes[index]
            switch node.name {
            case "meta":
                if node.attribute("property") == "og:title" || node.attribute("name") == "twitter:title",
                   let content = node.attribute("content"), !content.isEmpty
                {
                    return TextNormalizer.collapse(content)
                }
            case "title":
                if titleElement == nil { titleElement = index }
            case "h1":
                if heading == nil { heading = index }
            default:
                break
            }
        }
        if let titleElement {
            var text = TextNormalizer.collapse(allText(of: titleElement, in: tree))
            for separator in [" | ", " – ", " — ", " - ", " :: "] {
                if let range = text.range(ofLast: separator), text[range.upperBound...].count < text[..<range.lowerBound].count {
                    text = String(text[..<range.lowerBound])
                    break
                }
            }
            if !text.isEmpty { return text }
        }
        if let heading {
            let text = TextNormalizer.collapse(allText(of: heading, in: tree))
            if !text.isEmpty { return text }
        }
        return nil
    }

    /// The text under `index`, removed or not.
    private static func allText(of index: Int, in tree: HTMLTree) -> String {
        var text = ""
        for current in index..<tree.subtreeEnd(of: index) where tree.nodes[current].kind == .text {
            text += tree.text(of: current)
        }
        return text
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
