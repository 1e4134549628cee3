/// The three shapes of input the cleaner accepts, told apart by a look at the first bytes.
enum InputKind: Equatable {
    /// A whole web page: main content is extracted first.
    case page
    /// A piece of HTML, as feeds carry in `content` and `summary`.
    case fragment
    /// Text without markup, paragraphs separated by blank lines.
    case plainText

    /// The kind of `input`: a page, a fragment or plain text.
    ///
    /// A page when it opens with a doctype or `<html>` or has a `<body>`; a fragment when it has
    /// any tag or character reference; plain text otherwise.
    static func of(_ input: String) -> InputKind {
        var input = input
        return input.withUTF8 { of($0) }
    }

    /// The kind of `bytes` (UTF-8), by the rules of `of(_:)` for strings.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> InputKind {
        let head = UnsafeBufferPointer(rebasing: bytes[0..<min(bytes.count, 4096)])
        var start = 0
        while start < head.count, head[start] == 0x20 || (0x09...0x0D).contains(head[start]) { start += 1 }
        if start + 3 <= head.count, head[start] == 0xEF, head[start + 1] == 0xBB, head[start + 2] == 0xBF {
            start += 3
        }
        let opening = UnsafeBufferPointer(rebasing: head[start...])
        if startsWith(opening, "<!doctype html") || startsWith(opening, "<html")
            || containsBodyOrHead(head)
        {
            return .page
        }
        return hasMarkup(bytes) ? .fragment : .plainText
    }

    /// Whether `bytes` starts with the lowercase ASCII `prefix`, ignoring case.
    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
        for offset in 0..<prefix.utf8CodeUnitCount where bytes[offset] | 0x20 != prefix.utf8Start[offset] | 0x20 {
            return false
        }
        return true
    }

    /// Whether `bytes` contains `<body`, `<head>` or `<head `, ignoring case.
    ///
    /// One pass over the bytes, since most inputs have none.
    private static func containsBodyOrHead(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while let open = ByteSearch.firstIndex(of: UInt8(ascii: "<"), in: bytes, from: start) {
            let rest = UnsafeBufferPointer(rebasing: bytes[open...])
            // Most tags start with neither letter.
            let letter = rest.count > 1 ? rest[1] | 0x20 : 0
            if letter == UInt8(ascii: "b") || letter == UInt8(ascii: "h"),
               startsWith(rest, "<body") || startsWith(rest, "<head>") || startsWith(rest, "<head ")
            {
                return true
            }
            start = open + 1
        }
        return false
    }

    /// Whether `text` has a tag (`<p`, `</`, `<!--`) or a character reference (`&amp;`, `&#8217;`).
    private static func hasMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
