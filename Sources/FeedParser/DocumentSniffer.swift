/// Tells what kind of document a UTF-8 byte buffer holds, from its first bytes, before any parser is chosen.
enum DocumentSniffer {
    /// The kinds of document feedspool tells apart.
    enum Kind: Equatable {
        case empty, binary, plainText, json, html
        /// XML starting at `offset`, leading white space skipped.
        /// libxml2 rejects an XML declaration that does not come first.
        case xml(offset: Int)
    }

    /// The kind of `bytes`.
    static func kind(of bytes: UnsafeBufferPointer<UInt8>) -> Kind {
        guard let start = bytes.firstIndex(where: { !$0.isFeedWhitespace }) else { return .empty }
        let head = UnsafeBufferPointer(rebasing: bytes[start..<min(bytes.count, start + 1024)])
        if head.contains(where: { $0 < 0x20 && !$0.isFeedWhitespace }) { return .binary }
        switch head[0] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return .json
        case UInt8(ascii: "<"):
            return looksLikeHTML(head) ? .html : .xml(offset: start)
        default:
            return .plainText
        }
    }

    /// Whether the first element or doctype of the document is `html`.
    /// Any XML declaration, comments and processing instructions before it are skipped.
    private static func looksLikeHTML(_ head: UnsafeBufferPointer<UInt8>) -> Bool {
        let text = String(decoding: head, as: UTF8.self).lowercased()
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
                let terminator = rest.hasPrefix("<?") ? "?>" : "-->"
                guard let end = rest.firstRange(of: terminator) else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            if rest.hasPrefix("<!doctype") {
                return rest.dropFirst(9).drop(while: { $0.isWhitespace }).hasPrefix("html")
            }
            return rest.hasPrefix("<html") || rest.hasPrefix("<head") || rest.hasPrefix("<body")
        }
    }
}
