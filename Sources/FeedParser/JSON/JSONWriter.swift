/// Writes JSON into a byte buffer with keys in the order they are written.
/// The spool and `feedspool parse` contracts rely on that order. Hand-written
/// because it runs for every entry of every feed, and `JSONEncoder` neither
/// keeps key order nor comes close in speed.
public struct JSONWriter: Sendable {
    /// The JSON written so far, shared between copies of the writer until one of them writes (see `writable`).
    private var storage: ByteBuffer
    private var needsComma = false

    /// The JSON written so far, as UTF-8.
    public var bytes: [UInt8] { storage.array }

    /// How many bytes are written so far.
    public var byteCount: Int { storage.count }

    /// Makes an empty writer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        storage = ByteBuffer(capacity: capacity)
    }

    /// The buffer to write into, copied first if another writer shares it.
    private var writable: ByteBuffer {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// Opens an object (`{`), as a value or an array element.
    public mutating func beginObject() {
        separate()
        writable.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object.
    public mutating func endObject() {
        writable.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array (`[`).
    public mutating func beginArray() {
        separate()
        writable.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array.
    public mutating func endArray() {
        writable.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key; the next call writes its value.
    public mutating func key(_ name: StaticString) {
        separate()
        let buffer = writable
        buffer.append(UInt8(ascii: "\""))
        buffer.append(name)
        buffer.append("\":")
        needsComma = false
    }

    /// Writes a string, or `null` for nil.
    public mutating func string(_ value: String?) {
        separate()
        guard var value else {
            writable.append("null")
            return
        }
        let buffer = writable
        value.withUTF8 { Self.appendQuoted($0, to: buffer) }
    }

    /// Writes a string given as valid UTF-8.
    public mutating func string(utf8 value: [UInt8]) {
        separate()
        let buffer = writable
        value.withUnsafeBufferPointer { Self.appendQuoted($0, to: buffer) }
    }

    /// Writes an integer, or `null` for nil.
    public mutating func number(_ value: Int64?) {
        separate()
        guard let value else {
            writable.append("null")
            return
        }
        var digits = String(value)
        let buffer = writable
        digits.withUTF8 { buffer.append($0) }
    }

    /// Writes an array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// Writes a line break between values, to keep large documents readable line by line; JSON ignores it.
    public mutating func newline() {
        writable.append(UInt8(ascii: "\n"))
    }

    /// Ends a line of JSON Lines output with a line break.
    ///
    /// After it, the next value starts a new document rather than following a comma.
    public mutating func endLine() {
        writable.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    /// Empties the writer, keeping its memory, once its bytes are written out:
    /// one writer serves a whole stream of JSON Lines.
    public mutating func removeAll() {
        writable.removeAll()
        needsComma = false
    }

    private mutating func separate() {
        if needsComma { writable.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Appends `text` in quotes, escaping what JSON requires plus U+2028 and U+2029.
    /// JSON requires the quote, backslash and control characters escaped;
    /// U+2028 and U+2029 break JavaScript consumers. Runs of plain bytes are
    /// found eight at a time and copied in one go: this loop sees every byte
    /// of every article. The output is written straight into the buffer,
    /// sized for the worst case (every byte a six-byte `\u00XX`).
    private static func appendQuoted(_ text: UnsafeBufferPointer<UInt8>, to buffer: ByteBuffer) {
        let count = text.count
        guard let source = text.baseAddress else {
            buffer.append("\"\"")
            return
        }
        buffer.appendUninitialized(maximum: count * 6 + 2) { output in
            var written = 0
            @inline(__always) func put(_ byte: UInt8) {
                output[written] = byte
                written += 1
            }
            @inline(__always) func copyRun(from start: Int, to end: Int) {
                (output + written).initialize(from: source + start, count: end - start)
                written += end - start
            }
            put(UInt8(ascii: "\""))
            var runStart = 0
            var index = 0
            let raw = UnsafeRawPointer(source)
            while index < count {
                // Sixteen plain bytes at a time, the common case…
                if index &+ 16 <= count,
                   attentionFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    | attentionFlags(raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)) == 0
                {
                    index &+= 16
                    continue
                }
                // …then eight, finding the first byte that needs a look.
                if index &+ 8 <= count {
                    let flags = attentionFlags(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    // The lowest flag is exact: skip to the first byte that may need escaping.
                    index &+= flags.trailingZeroBitCount &>> 3
                    if flags == 0 { continue }
                }
                let byte = source[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                    index += 1
                    continue
                }
                if byte == 0xE2 {
                    // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                    guard index + 2 < count, source[index + 1] == 0x80,
                          source[index + 2] == 0xA8 || source[index + 2] == 0xA9
                    else {
                        index += 1
                        continue
                    }
                }
                copyRun(from: runStart, to: index)
                put(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): put(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0xE2:
                    for digit in (source[index + 2] == 0xA8 ? "u2028" : "u2029").utf8 { put(digit) }
                    index += 2
                default:
                    for digit in "u00".utf8 { put(digit) }
                    put(hexDigit(byte >> 4))
                    put(hexDigit(byte & 0x0F))
                }
                index += 1
                runStart = index
            }
            copyRun(from: runStart, to: count)
            put(UInt8(ascii: "\""))
            return written
        }
    }

    /// The lowercase hexadecimal digit for `value` (0 to 15).
    @inline(__always)
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }

    /// The high bit of each of eight bytes (little-endian) that must be escaped.
    /// Those are a control character, `"`, `\\` or 0xE2 (the lead byte of
    /// U+2028/2029), found with the classic bit tricks for "has a zero byte"
    /// and "has a byte less than n". Borrows can set flags above a flagged
    /// byte, never below, so the lowest flag always marks the first such byte.
    @inline(__always)
    private static func attentionFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ value: UInt64) -> UInt64 { (value &- ones) & ~value & highs }
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C))
            | zeroBytes(word ^ (ones &* 0xE2))
    }
}
