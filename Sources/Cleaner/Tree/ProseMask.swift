/// An HTML document with each run of prose replaced by one placeholder character, for libxml2.
///
/// libxml2's HTML parser (2.9.14) copies text and attribute values one character
/// at a time, at about 80 instructions a byte, which was a quarter of the
/// cost of cleaning a feed entry. The markup it parses is the document's
/// own; the tree builder puts each run back where its placeholder comes out.
///
/// A run is what libxml2 would pass on unchanged as one piece of text or
/// one attribute value: valid UTF-8 with no control character but tab and
/// line feed, and no `<` or `&`. In text, a run goes from the first byte
/// that is not white space up to the next `<` or `&`; leading white space
/// stays, so every decision libxml2 makes about text (white space only or
/// not, an implied `<p>`) sees what it would see without the mask. In a
/// tag, a run is a whole quoted value. Tags are stepped over as libxml2
/// reads them (a quote after `=` opens a value, which may hold `>`),
/// comments whole; at anything less usual (`<script>`, `<!x`, `<?`, `</ `)
/// masking stops and the rest is left as it is.
///
/// The placeholders are U+E000 for text and U+E001 for attribute values
/// (private-use characters): a document that holds either, or a character
/// reference that could make one, is not masked. Should libxml2 still read
/// the document differently, a placeholder is dropped or comes out where
/// its kind does not belong, and the builder parses the document again
/// unmasked.
struct ProseMask {
    /// The document libxml2 parses.
    let document: [UInt8]
    /// Where the runs are in the original document, in document order.
    let runs: [Range<Int>]

    /// The last byte of a placeholder, after EE 80.
    ///
    /// U+E000 stands for a run of text, U+E001 for an attribute value.
    static let textPlaceholder: UInt8 = 0x80
    static let valuePlaceholder: UInt8 = 0x81
    /// Shorter runs are left as they are: a placeholder saves little there.
    private static let shortestRun = 8

    /// The mask of `html`, or nil when nothing in it is worth masking or it cannot be masked safely.
    init?(_ html: UnsafeBufferPointer<UInt8>) {
        guard html.count >= Self.shortestRun, !Self.holdsPlaceholder(html) else { return nil }
        var runs: [Range<Int>] = []
        var safe = true
        // A run is longer than its placeholder: the mask is never longer
        // than the document.
        document = [UInt8](unsafeUninitializedCapacity: html.count) { output, count in
            var scanner = Scanner(html: html, output: output)
            // The scan reads the character references up to where it stops.
            let end = scanner.scan()
            safe = scanner.safe && !Self.mayReferToPlaceholder(UnsafeBufferPointer(rebasing: html[end...]))
            scanner.copy(upTo: html.count)
            runs = scanner.runs
            count = scanner.written
        }
        guard safe, !runs.isEmpty else { return nil }
        self.runs = runs
    }

    /// Which placeholder `bytes` hold at `index`: the last byte of its UTF-8, or nil.
    static func placeholder(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt8? {
        guard index + 2 < bytes.count, bytes[index] == 0xEE, bytes[index + 1] == 0x80,
              bytes[index + 2] == textPlaceholder || bytes[index + 2] == valuePlaceholder
        else { return nil }
        return bytes[index + 2]
    }

    /// Whether `html` holds a placeholder character.
    private static func holdsPlaceholder(_ html: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let at = ByteSearch.firstIndex(of: 0xEE, in: html, from: index) {
            if placeholder(in: html, at: at) != nil { return true }
            index = at + 1
        }
        return false
    }

    /// Whether `html` holds a character reference that could stand for a placeholder.
    ///
    /// For example `&#57344;` or `&#xE001;`, with any leading zeros.
    private static func mayReferToPlaceholder(_ html: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while let at = ByteSearch.firstIndex(of: UInt8(ascii: "&"), in: html, from: index) {
            if refersToPlaceholder(html, at: at) { return true }
            index = at + 1
        }
        return false
    }

    /// Whether the `&` at `index` starts a numeric character reference to a placeholder.
    private static func refersToPlaceholder(_ html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index + 1 < html.count && html[index + 1] == UInt8(ascii: "#")
            && (0xE000...0xE001).contains(characterReference(html, at: index + 2))
    }

    /// The value of the numeric character reference whose digits start at `start` (after `&#`).
    ///
    /// Capped past the largest code point.
    private static func characterReference(_ html: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var index = start
        var radix = 10
        if index < html.count, html[index] | 0x20 == UInt8(ascii: "x") {
            radix = 16
            index += 1
        }
        var value = 0
        while index < html.count, value <= 0x10FFFF {
            let byte = html[index]
            let digit: Int
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = Int(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = Int(byte - UInt8(ascii: "A")) + 10
            default: return value
            }
            value = value * radix + digit
            index += 1
        }
        return value
    }

    /// One pass over a document, writing its mask.
    private struct Scanner {
        let html: UnsafeBufferPointer<UInt8>
        let output: UnsafeMutableBufferPointer<UInt8>
        var runs: [Range<Int>] = []
        /// How much of `html` is accounted for in `output`, and how much of `output` is written.
        var copied = 0
        var written = 0
        /// No character reference read so far could stand for a placeholder.
        var safe = true

        init(html: UnsafeBufferPointer<UInt8>, output: UnsafeMutableBufferPointer<UInt8>) {
            self.html = html
            self.output = output
            // About a run for every 80 bytes of a feed entry.
            runs.reserveCapacity(html.count / 64 + 4)
        }

        /// Copies the document from where the last run ended up to `end`.
        mutating func copy(upTo end: Int) {
            guard end > copied else { return }
            (output.baseAddress! + written).initialize(from: html.baseAddress! + copied, count: end - copied)
            written += end - copied
            copied = end
        }

        /// Writes the placeholder whose last byte is `kind` for the run `range`.
        ///
        /// It goes after what comes before the run.
        mutating func replace(_ range: Range<Int>, with kind: UInt8) {
            copy(upTo: range.lowerBound)
            let at = output.baseAddress! + written
            at.initialize(to: 0xEE)
            (at + 1).initialize(to: 0x80)
            (at + 2).initialize(to: kind)
            written += 3
            runs.append(range)
            copied = range.upperBound
        }

        /// Masks the runs up to the end or to the first markup it does not step over.
        ///
        /// Returns where it stopped.
        mutating func scan() -> Int {
            let count = html.count
            // libxml2 skips a byte order mark before it reads anything.
            var index = count >= 3 && html[0] == 0xEF && html[1] == 0xBB && html[2] == 0xBF ? 3 : 0
            while index < count {
                let markup = nextMarkup(from: index)
                if markup > index { mask(index..<markup) }
                guard markup < count else { return count }
                if html[markup] == UInt8(ascii: "&") {
                    if ProseMask.refersToPlaceholder(html, at: markup) { safe = false }
                    index = referenceEnd(from: markup + 1)
                    continue
                }
                guard let next = markupEnd(at: markup) else { return markup }
                index = next
            }
            return count
        }

        /// The first `<` or `&` from `start` on, or the end.
        private func nextMarkup(from start: Int) -> Int {
            ByteSearch.firstIndex(of: UInt8(ascii: "<"), UInt8(ascii: "&"), in: html, from: start) ?? html.count
        }

        /// Just past a reference's name or number (`&amp;`, `&#8217;`), which stay for libxml2 to read.
        ///
        /// The name or number is every ASCII letter, digit and `#;_:.-`.
        private func referenceEnd(from start: Int) -> Int {
            var index = start
            while index < html.count {
                switch html[index] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                     UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "#"), UInt8(ascii: ";"), UInt8(ascii: "_"),
                     UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "-"):
                    index += 1
                default:
                    return index
                }
            }
            return index
        }

        /// Just past the markup that starts with the `<` at `open`; nil to stop masking there.
        private mutating func markupEnd(at open: Int) -> Int? {
            guard open + 1 < html.count else { return nil }
            let next = html[open + 1]
            if isLetter(next) {
                var nameEnd = open + 1
                while nameEnd < html.count, isLetter(html[nameEnd]) || html[nameEnd] >= UInt8(ascii: "0") && html[nameEnd] <= UInt8(ascii: "9") {
                    nameEnd += 1
                }
                // Their content is not text to libxml2.
                if named(open + 1..<nameEnd, "script") || named(open + 1..<nameEnd, "style") { return nil }
                // libxml2 drops a misplaced `<html>`, `<head>` or `<body>` with
                // its attributes (a `<body>` after an `<iframe>` in the head
                // is one): their values stay, or a placeholder would go too.
                let isDocumentTag = named(open + 1..<nameEnd, "html") || named(open + 1..<nameEnd, "head")
                    || named(open + 1..<nameEnd, "body")
                return startTagEnd(from: nameEnd, masksValues: !isDocumentTag)
            }
            if next == UInt8(ascii: "/") {
                guard open + 2 < html.count, isLetter(html[open + 2]) else { return nil }
                return ByteSearch.firstIndex(of: UInt8(ascii: ">"), in: html, from: open + 2).map { $0 + 1 }
            }
            if next == UInt8(ascii: "!") {
                if open + 3 < html.count, html[open + 2] == UInt8(ascii: "-"), html[open + 3] == UInt8(ascii: "-") {
                    return commentEnd(from: open + 4)
                }
                if named(open + 2..<min(open + 9, html.count), "doctype") {
                    return ByteSearch.firstIndex(of: UInt8(ascii: ">"), in: html, from: open + 9).map { $0 + 1 }
                }
                return nil
            }
            if next == UInt8(ascii: "?") { return nil }
            // A `<` before anything else is text to libxml2 too.
            return open + 1
        }

        /// Just past the `>` that ends a start tag, masking the quoted attribute values if asked.
        ///
        /// Quoted values may hold `>`, so they are stepped over.
        private mutating func startTagEnd(from start: Int, masksValues: Bool) -> Int? {
            var index = start
            while let at = nextInTag(from: index) {
                let byte = html[at]
                if byte == UInt8(ascii: ">") {
                    // libxml2 reads the character references in values.
                    if ProseMask.mayReferToPlaceholder(UnsafeBufferPointer(rebasing: html[start..<at])) { safe = false }
                    return at + 1
                }
                index = at + 1
                // Only a value's quote, after `=`, opens one.
                var before = at - 1
                while before > start, isBlank(html[before]) { before -= 1 }
                guard html[before] == UInt8(ascii: "=") else { continue }
                guard let close = ByteSearch.firstIndex(of: byte, in: html, from: at + 1) else { return nil }
                let value = at + 1..<close
                if masksValues, value.count >= ProseMask.shortestRun,
                   ByteSearch.firstIndex(of: UInt8(ascii: "&"), UInt8(ascii: "<"), in: UnsafeBufferPointer(rebasing: html[value]),
                                         from: 0) == nil,
                   ProseMask.isPlainText(UnsafeBufferPointer(rebasing: html[value]))
                {
                    replace(value, with: ProseMask.valuePlaceholder)
                }
                index = close + 1
            }
            return nil
        }

        /// The first `>`, `"` or `'` from `start` on: what a tag's end or a quoted value starts with.
        private func nextInTag(from start: Int) -> Int? {
            ByteSearch.firstIndex(of: UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), in: html, from: start)
        }

        /// Just past the `-->` that closes a comment whose text starts at `start`.
        private func commentEnd(from start: Int) -> Int? {
            var index = start
            while let dash = ByteSearch.firstIndex(of: UInt8(ascii: "-"), in: html, from: index) {
                if dash + 2 < html.count, html[dash + 1] == UInt8(ascii: "-"), html[dash + 2] == UInt8(ascii: ">") {
                    return dash + 3
                }
                index = dash + 1
            }
            return nil
        }

        /// Replaces the prose of the text `range` with the placeholder, when that is safe and worth it.
        ///
        /// It is when there is enough prose and libxml2 would pass it on unchanged.
        private mutating func mask(_ range: Range<Int>) {
            var start = range.lowerBound
            while start < range.upperBound, isBlank(html[start]) { start += 1 }
            guard range.upperBound - start >= ProseMask.shortestRun,
                  ProseMask.isPlainText(UnsafeBufferPointer(rebasing: html[start..<range.upperBound]))
            else { return }
            replace(start..<range.upperBound, with: ProseMask.textPlaceholder)
        }

        private func isLetter(_ byte: UInt8) -> Bool {
            byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
        }

        private func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// Whether the bytes of `range` spell `name` (lowercase ASCII) in any case.
        private func named(_ range: Range<Int>, _ name: StaticString) -> Bool {
            guard range.count == name.utf8CodeUnitCount else { return false }
            let letters = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            return zip(range, letters).allSatisfy { html[$0] | 0x20 == $1 }
        }
    }

    /// Whether `bytes` are text libxml2 passes on byte for byte.
    ///
    /// Valid UTF-8 with no control character but tab and line feed (it
    /// would drop the others, or carriage returns might be read
    /// differently) and neither U+FFFE nor U+FFFF, which it drops too.
    static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while index < count {
            if let raw, index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, !ByteSearch.hasByteBelow(word, 0x20) {
                    index += 8
                    continue
                }
            }
            let lead = bytes[index]
            if lead < 0x80 {
                guard lead >= 0x20 || lead == 0x09 || lead == 0x0A else { return false }
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xED: (length, high) = (3, 0x9F)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF4: (length, high) = (4, 0x8F)
            case 0xF1...0xF3: length = 4
            default: return false
            }
            guard index + length <= count, bytes[index + 1] >= low, bytes[index + 1] <= high else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
            if lead == 0xEF, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
            index += length
        }
        return true
    }
}
