/// Escaping and element facts for writing HTML.
enum HTMLMarkup {
    /// Whether the element named by these UTF-8 bytes is one that HTML
    /// writes without an end tag.
    static func isVoidElement(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        // The longest void element name has six letters.
        guard name.count <= 6 else { return false }
        return voidElements.contains { element in
            element.count == name.count
                && zip(element, name).allSatisfy { $0 == $1 | (($1 >= 0x41 && $1 <= 0x5A) ? 0x20 : 0) }
        }
    }

    private static let voidElements: [[UInt8]] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "param", "source", "track", "wbr",
    ].map { Array($0.utf8) }

    /// Appends `bytes` escaped for HTML text (`&`, `<`, `>`) or, with
    /// `inAttribute`, for a double-quoted attribute value (also `"`).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: ByteBuffer,
                              inAttribute: Bool) {
        var runStart = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
            default: continue
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(replacement)
            runStart = index + 1
        }
        buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// `text` escaped for HTML text.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let buffer = ByteBuffer(capacity: bytes.count + 16)
            appendEscaped(bytes, to: buffer, inAttribute: false)
            return String(decoding: buffer.bytes, as: UTF8.self)
        }
    }
}
