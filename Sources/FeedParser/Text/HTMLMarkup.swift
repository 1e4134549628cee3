/// Escaping and element facts for writing HTML.
enum HTMLMarkup {
    /// Whether the element named by these UTF-8 bytes is one that HTML writes without an end tag.
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

    /// Appends `bytes` escaped for HTML text (`&`, `<`, `>`), or for an attribute value.
    /// With `inAttribute`, for a double-quoted attribute value (also `"`).
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: ByteBuffer,
                              inAttribute: Bool) {
        guard let start = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(start)
        var runStart = 0
        var index = 0
        while index < bytes.count {
            // Eight bytes at a time, skipping to the first that may need escaping.
            if index &+ 8 <= bytes.count {
                let flags = markupFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index &+= flags.trailingZeroBitCount &>> 3
                if flags == 0 { continue }
            }
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
            default:
                index += 1
                continue
            }
            buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            buffer.append(replacement)
            index += 1
            runStart = index
        }
        buffer.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// The high bit of each of eight bytes (little-endian) that is `&`, `<`, `>` or `"`.
    /// Found by the "has a zero byte" bit trick; the lowest flag always marks
    /// the first such byte (borrows only set flags above it).
    @inline(__always)
    private static func markupFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & 0x8080_8080_8080_8080 }
        return zeroBytes(word ^ (ones &* 0x26)) | zeroBytes(word ^ (ones &* 0x3C))
            | zeroBytes(word ^ (ones &* 0x3E)) | zeroBytes(word ^ (ones &* 0x22))
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
