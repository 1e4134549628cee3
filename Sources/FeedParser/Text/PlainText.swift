/// Turns the short HTML-or-text strings of feeds (titles, names, subtitles) into plain text on one line.
/// Works on UTF-8 bytes: it runs for several strings of every entry.
enum PlainText {
    /// A title as plain text: tags dropped and entities decoded when it carries any, white space collapsed.
    ///
    /// Feeds often escape titles twice.
    static func title(_ text: String) -> String {
        var copy = text
        let hasMarkup = copy.withUTF8 { bytes in
            bytes.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }
        }
        if hasMarkup {
            return fromHTML(text)
        }
        return collapsingWhitespace(text)
    }

    /// HTML as plain text on one line.
    ///
    /// Tags and comments dropped, entities decoded, every run of white space one space, trimmed.
    static func fromHTML(_ html: String) -> String {
        var html = html
        return html.withUTF8 { bytes in
            var output = OneLineText(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<"), index + 1 < bytes.count, startsTag(bytes[index + 1]) {
                    if breaksText(bytes, tagAt: index) { output.appendSpace() }
                    let tagStart = index
                    index = endOfTag(bytes, from: index)
                    // A script or style holds code, not text: skip to its end tag.
                    if let name = rawTextElementName(bytes, tagAt: tagStart) {
                        index = endOfRawText(bytes, named: name, from: index)
                    }
                    continue
                }
                if byte == UInt8(ascii: "&"), let (scalar, next) = decodeEntity(bytes, at: index) {
                    output.append(scalar)
                    index = next
                    continue
                }
                output.append(byte)
                index += 1
            }
            return output.string
        }
    }

    /// Text with its character references decoded but any `<…>` kept, white space collapsed.
    /// `&amp;` becomes `&`, for feeds that escape twice.
    static func decodingEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return collapsingWhitespace(text) }
        var text = text
        return text.withUTF8 { bytes in
            var output = OneLineText(capacity: bytes.count)
            var index = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "&"), let (scalar, next) = decodeEntity(bytes, at: index) {
                    output.append(scalar)
                    index = next
                } else {
                    output.append(bytes[index])
                    index += 1
                }
            }
            return output.string
        }
    }

    /// Runs of white space (including no-break spaces) as one space, trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        var copy = text
        let collapsed: String? = copy.withUTF8 { bytes in
            if isCollapsed(bytes) { return nil }
            var output = OneLineText(capacity: bytes.count)
            for byte in bytes { output.append(byte) }
            return output.string
        }
        return collapsed ?? text
    }

    /// Whether `bytes` already has no leading, trailing, doubled or special white space.
    /// Then the string can be returned as it is.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first != 0x20, bytes.last != 0x20 else { return bytes.isEmpty }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte < 0x20 || byte == 0xC2 || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return true
    }

    /// Elements that separate words.
    ///
    /// A `<p>` or `<br>` between two words is a space, an `<em>` is not.
    private static let textBreakingElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    ]

    /// Whether the tag at `start` (`<p`, `</div`) names a text-breaking element.
    private static func breaksText(_ bytes: UnsafeBufferPointer<UInt8>, tagAt start: Int) -> Bool {
        var index = start + 1
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
        let nameStart = index
        while index < bytes.count, index - nameStart < 12 {
            let byte = bytes[index] | 0x20
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9"))
            else { break }
            index += 1
        }
        guard index > nameStart else { return false }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]), as: UTF8.self)
        return textBreakingElements.contains(name.lowercased())
    }

    /// `script` or `style` when the tag at `start` opens one, else nil.
    private static func rawTextElementName(_ bytes: UnsafeBufferPointer<UInt8>, tagAt start: Int) -> StaticString? {
        for name: StaticString in ["script", "style"] {
            let count = name.utf8CodeUnitCount
            guard start + 1 + count < bytes.count else { continue }
            let matches = (0..<count).allSatisfy { bytes[start + 1 + $0] | 0x20 == name.utf8Start[$0] }
            let after = bytes[start + 1 + count]
            if matches, after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after.isFeedWhitespace {
                return name
            }
        }
        return nil
    }

    /// The index after the end tag `</name…>` at or after `start`, or the end.
    private static func endOfRawText(_ bytes: UnsafeBufferPointer<UInt8>, named name: StaticString, from start: Int) -> Int {
        let count = name.utf8CodeUnitCount
        var index = start
        while index + 2 + count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
               (0..<count).allSatisfy({ bytes[index + 2 + $0] | 0x20 == name.utf8Start[$0] })
            {
                return endOfTag(bytes, from: index)
            }
            index += 1
        }
        return bytes.count
    }

    private static func startsTag(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return false
        }
    }

    /// The index after the `>` closing the tag or comment at `start`.
    private static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        let isComment = start + 3 < bytes.count && bytes[start + 1] == UInt8(ascii: "!")
            && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-")
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ">") {
                if !isComment || (index >= start + 5 && bytes[index - 1] == UInt8(ascii: "-")
                    && bytes[index - 2] == UInt8(ascii: "-"))
                {
                    return index + 1
                }
            }
            index += 1
        }
        return bytes.count
    }

    /// Decodes the character reference at `start` and returns the index after it.
    /// References such as `&amp;`, `&#8217;`, `&#x2019;`, `&nbsp;`; nil when
    /// it is no reference, so the `&` stays as written.
    static func decodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 32, bytes[end] != UInt8(ascii: ";") {
            switch bytes[end] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"):
                end += 1
            default:
                return nil
            }
        }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > start + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<end]), as: UTF8.self)
        let next = end + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            return (Unicode.Scalar(windows1252Fixup(value)) ?? "\u{FFFD}", next)
        }
        switch name {
        case "amp": return ("&", next)
        case "lt": return ("<", next)
        case "gt": return (">", next)
        case "quot": return ("\"", next)
        case "apos": return ("'", next)
        default:
            guard let scalar = HTMLEntities.scalar(named: name) else { return nil }
            return (scalar, next)
        }
    }

    /// Numeric references to C1 controls mean the Windows-1252 character.
    /// Browsers read them so (`&#146;` is a right single quote).
    private static func windows1252Fixup(_ value: UInt32) -> UInt32 {
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
            0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
            0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return (0x80...0x9F).contains(value) ? table[Int(value - 0x80)] : value
    }
}

/// UTF-8 text being written on one line.
///
/// Every run of white space becomes one space, none leading or trailing.
private struct OneLineText {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    /// The second byte of a no-break space (C2 A0) is pending.
    private var sawC2 = false

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func appendSpace() {
        pendingSpace = !bytes.isEmpty
    }

    mutating func append(_ byte: UInt8) {
        if sawC2 {
            sawC2 = false
            if byte == 0xA0 {
                appendSpace()
                return
            }
            appendVisible(0xC2)
        }
        switch byte {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20:
            appendSpace()
        case 0xC2:
            sawC2 = true
        case 0x00..<0x20:
            break
        default:
            appendVisible(byte)
        }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if scalar == "\u{A0}" || (scalar.isASCII && scalar.properties.isWhitespace) {
            appendSpace()
            return
        }
        UTF8.encode(scalar) { appendVisible($0) }
    }

    private mutating func appendVisible(_ byte: UInt8) {
        if pendingSpace {
            bytes.append(0x20)
            pendingSpace = false
        }
        bytes.append(byte)
    }
}
