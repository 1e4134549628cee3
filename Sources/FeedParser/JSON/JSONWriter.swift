/// Writes JSON into a byte buffer with keys in the order they are written,
/// which the spool and `feedspool parse` contracts rely on. Hand-written
/// because it runs for every entry of every feed, and `JSONEncoder` neither
/// keeps key order nor comes close in speed.
public struct JSONWriter: Sendable {
    /// The JSON written so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// Makes an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (`{`), as a value or an array element.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string, or `null` for nil.
    public mutating func string(_ value: String?) {
        separate()
        guard var value else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        value.withUTF8 { appendQuoted($0) }
    }

    /// Writes a string given as valid UTF-8.
    public mutating func string(utf8 value: [UInt8]) {
        separate()
        value.withUnsafeBufferPointer { appendQuoted($0) }
    }

    /// Writes an integer, or `null` for nil.
    public mutating func number(_ value: Int64?) {
        separate()
        guard let value else {
            bytes.append(contentsOf: "null".utf8)
            return
        }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes a line break between values, to keep large documents readable
    /// line by line; JSON ignores it.
    public mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Ends a line of JSON Lines output: a line break, after which the next
    /// value starts a new document rather than following a comma.
    public mutating func endLine() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    /// Empties the writer, keeping its capacity, once its bytes are written
    /// out: one writer serves a whole stream of JSON Lines.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Appends `text` in quotes, escaping what JSON requires (quote,
    /// backslash, control characters) plus U+2028 and U+2029, which break
    /// JavaScript consumers. Runs of plain bytes are found eight at a time
    /// and copied in one go, and from a window of eight that holds a byte to
    /// look at the loop goes straight to that byte: it sees every byte of
    /// every article, and prose is full of curly quotes (lead byte 0xE2).
    private mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var index = 0
        let count = text.count
        let raw = UnsafeRawPointer(text.baseAddress)
        while index < count {
            if let raw, index + 8 <= count {
                let attention = Self.attentionMask(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                guard attention != 0 else {
                    index += 8
                    continue
                }
                // The lowest flagged byte is exact (later ones may not be).
                index += attention.trailingZeroBitCount >> 3
            }
            let byte = text[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index += 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard index + 2 < count, text[index + 1] == 0x80,
                      text[index + 2] == 0xA8 || text[index + 2] == 0xA9
                else {
                    index += 1
                    continue
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            // Two-byte escapes byte by byte: appending a string's UTF-8 view
            // costs more than the rest of the loop, and HTML is full of quotes.
            switch byte {
            case UInt8(ascii: "\""): appendEscape(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): appendEscape(UInt8(ascii: "\\"))
            case 0x0A: appendEscape(UInt8(ascii: "n"))
            case 0x0D: appendEscape(UInt8(ascii: "r"))
            case 0x09: appendEscape(UInt8(ascii: "t"))
            case 0xE2:
                bytes.append(contentsOf: (text[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                index += 2
            default:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
            index += 1
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<count]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a backslash and `letter`.
    private mutating func appendEscape(_ letter: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(letter)
    }

    /// The high bit of each of eight bytes (little-endian) that may be a
    /// control character, `"`, `\\` or 0xE2 (the lead byte of U+2028/2029),
    /// by the classic bit tricks for "has a zero byte" and "has a byte less
    /// than n": zero when there is none, and the lowest bit set is exact.
    @inline(__always)
    private static func attentionMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0xE2))
    }
}
