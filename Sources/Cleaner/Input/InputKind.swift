/// The three shapes of input the cleaner accepts, told apart by a look at
/// the first bytes.
enum InputKind: Equatable {
    /// A whole web page: main content is extracted first.
    case page
    /// A piece of HTML, as feeds carry in `content` and `summary`.
    case fragment
    /// Text without markup, paragraphs separated by blank lines.
    case plainText

    /// The kind of `input`: a page when it opens with a doctype or `<html>`
    /// or has a `<body>`; a fragment when it has any tag or character
    /// reference; plain text otherwise.
    static func of(_ input: String) -> InputKind {
        let head = String(decoding: input.utf8.prefix(4096), as: UTF8.self).lowercased()
        let start = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || head.contains("<body")
            || head.contains("<head>") || head.contains("<head ")
        {
            return .page
        }
        return hasMarkup(input) ? .fragment : .plainText
    }

    /// Whether `text` has a tag (`<p`, `</`, `<!--`) or a character
    /// reference (`&amp;`, `&#8217;`).
    private static func hasMarkup(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 1 < bytes.count {
            let next = bytes[index + 1]
            let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            if bytes[index] == UInt8(ascii: "<"),
               isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
            {
                return true
            }
            if bytes[index] == UInt8(ascii: "&"), isLetter || next == UInt8(ascii: "#") {
                var end = index + 1
                while end < bytes.count, end - index < 32, bytes[end] != UInt8(ascii: ";"),
                      bytes[end] != UInt8(ascii: " ")
                {
                    end += 1
                }
                if end < bytes.count, bytes[end] == UInt8(ascii: ";") { return true }
            }
            index += 1
        }
        return false
    }
}
