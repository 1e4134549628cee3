/// Writes the live part of a sanitised tree as HTML: allow-listed elements
/// with their remaining attributes, other elements' content without their
/// tags, text escaped.
enum HTMLWriter {
    private static let voidElements: Set<String> = ["br", "hr", "img", "wbr", "col", "source"]

    /// The HTML of the live nodes under `root`.
    static func html(of tree: HTMLTree, under root: Int = HTMLTree.root) -> String {
        var output = ""
        write(tree, root, into: &output)
        return output.trimmingCharacters(in: " \n\t\r")
    }

    private static func write(_ tree: HTMLTree, _ index: Int, into output: inout String) {
        let node = tree.nodes[index]
        switch node.kind {
        case .text:
            output += escape(node.text, quote: false)
        case .root:
            for child in node.children where !tree.nodes[child].isRemoved { write(tree, child, into: &output) }
        case .element:
            let keepsTag = Sanitizer.allowedElements[node.name] != nil
            if keepsTag {
                output += "<" + node.name
                for attribute in node.attributes {
                    output += " " + attribute.name + "=\"" + escape(attribute.value, quote: true) + "\""
                }
                output += ">"
                if voidElements.contains(node.name) { return }
            }
            for child in node.children where !tree.nodes[child].isRemoved { write(tree, child, into: &output) }
            if keepsTag { output += "</" + node.name + ">" }
        }
    }

    /// `text` with `&`, `<`, `>` (and `"` in attributes) escaped.
    static func escape(_ text: String, quote: Bool) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || (quote && $0 == "\"") }) else {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where quote: result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
