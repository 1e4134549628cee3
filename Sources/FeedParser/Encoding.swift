import CLibXML2

/// The feed document as UTF-8, and what it was decoded from.
struct UTF8Document: Sendable, Equatable {
    /// The document as UTF-8 without a byte order mark. Always valid UTF-8
    /// (bytes that decode to nothing become U+FFFD), so libxml2 can be told
    /// to ignore the document's own encoding declaration.
    var bytes: [UInt8]
    /// The canonical name of the character set the bytes were read as (`utf-8`, `windows-1252`, `koi8-r`, `utf-16le`):
    /// the one actually used, which is not always the one declared.
    var charset: String
    /// One line when a declaration lied or bytes had to be replaced; nil when the bytes were what they claimed.
    /// It says what was done instead (`declared ISO-8859-1 but the bytes are
    /// UTF-8; read as UTF-8`).
    var note: String?
}

/// Turns the raw bytes of a feed into UTF-8 before libxml2 parses them.
/// It treats the charsets feeds declare the way browsers and Miniflux do.
///
/// The character set is chosen in this order:
/// 1. A byte order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE) wins over every
///    declaration and is removed. Without one, zero bytes among the first
///    four (`<\0?\0`, `\0<\0?`, `<\0\0\0`) mean UTF-16 or UTF-32: XML in an
///    ASCII-compatible charset never contains a zero byte. `<?xm` in EBCDIC
///    means an EBCDIC code page (`EBCDICDocument`).
/// 2. Else the charset of the HTTP `Content-Type`, then the `encoding` of the
///    XML declaration, then UTF-8, XML's default.
///
/// A declaration that lies is survived rather than obeyed:
/// - A single-byte charset (ISO-8859-x, windows-125x, KOI8-x, US-ASCII) over
///   bytes that are valid UTF-8 and not all ASCII: read as UTF-8. Text in
///   those charsets is practically never valid UTF-8 by accident, while
///   servers and templates that say ISO-8859-1 over UTF-8 are common.
/// - UTF-8, a label no one knows (`encoding="invalid"`), or UTF-16/32 without
///   the bytes to match, over bytes that are not valid UTF-8: the next
///   declaration in the order above gets its turn (a server saying UTF-8
///   about a windows-1251 feed that says windows-1251), and when none is
///   left, windows-1252, the charset of most unlabelled legacy text.
/// - ISO-8859-1 and US-ASCII are read as windows-1252, as browsers do, so
///   bytes 0x80–0x9F give € and smart quotes rather than C1 controls. The five
///   bytes windows-1252 leaves undefined keep their ISO-8859-1 meaning.
///
/// windows-1252, UTF-16 and UTF-32 are decoded here; other charsets are
/// transcoded by libxml2 (iconv), with undefined bytes replaced by U+FFFD.
/// Valid UTF-8 without a byte order mark, the common case, is checked at
/// memory speed and returned without a copy.
enum DocumentEncoding {
    /// Decodes a feed document to UTF-8 by the rules above. Never fails: the
    /// worst input gives windows-1252 text or U+FFFD, and a note.
    /// - Parameter httpCharset: the `charset` parameter of the response's
    ///   `Content-Type`, or nil when there was none (or no HTTP).
    static func decode(_ bytes: [UInt8], httpCharset: String?) -> UTF8Document {
        var claims: [Claim] = []
        if let label = httpCharset.flatMap(cleanLabel) { claims.append(Claim(label: label, fromHTTP: true)) }
        if let (form, bomLength) = unicodeForm(of: bytes) {
            return decode(bytes, form: form, bomLength: bomLength, httpClaims: claims)
        }
        if EBCDICDocument.isEBCDIC(bytes), let document = EBCDICDocument.decode(bytes) {
            return document
        }
        if let label = declaredCharset(bytes) { claims.append(Claim(label: label, fromHTTP: false)) }

        let scan = bytes.withUnsafeBufferPointer(scanUTF8)
        var rejection: String?  // why the first claim that did not fit was rejected
        for claim in claims {
            let charset = Charset(label: claim.label)
            switch charset {
            case .utf8 where scan.isValid:
                return UTF8Document(bytes: bytes, charset: "utf-8", note: rejection.map { "\($0); read as UTF-8" })
            case .utf8:
                rejection = rejection ?? "\(claim) but the bytes are not UTF-8\(scan.invalidDetail(bytes))"
            case .utf16, .utf32:
                rejection = rejection ?? "\(claim) but the bytes are not \(charset.displayName)"
            case .windows1252, .singleByte:
                if scan.isValid && !scan.isASCII {
                    return UTF8Document(bytes: bytes, charset: "utf-8", note: "\(claim) but the bytes are UTF-8; read as UTF-8")
                }
                let note = rejection.map { "\($0); read as \(charset.displayName) as \(claim.source) says" }
                if scan.isASCII { return UTF8Document(bytes: bytes, charset: charset.name, note: note) }
                if case .windows1252 = charset {
                    return UTF8Document(bytes: decodeWindows1252(bytes), charset: charset.name, note: note)
                }
                if let document = transcode(bytes, charset: charset, claim: claim, scan: scan, note: note) { return document }
                rejection = rejection ?? "\(claim.unknown), which iconv does not know"
            case .multiByte:
                let note = rejection.map { "\($0); read as \(charset.displayName) as \(claim.source) says" }
                if let document = transcode(bytes, charset: charset, claim: claim, scan: scan, note: note) { return document }
                rejection = rejection ?? "\(claim.unknown), which libxml2 does not know"
            }
        }
        if scan.isValid {
            return UTF8Document(bytes: bytes, charset: "utf-8", note: rejection.map { "\($0); read as UTF-8" })
        }
        let reason = rejection ?? "no charset declared and the bytes are not UTF-8\(scan.invalidDetail(bytes))"
        return UTF8Document(bytes: decodeWindows1252(bytes), charset: "windows-1252", note: "\(reason); read as windows-1252")
    }

    /// The `encoding` of the XML declaration as written, or nil.
    /// For example `KOI8-R` in `<?xml version="1.0" encoding="KOI8-R"?>`. Nil
    /// when the document has no declaration, no `encoding` in it within its
    /// first KiB, or one that is empty or not printable ASCII. A UTF-8 byte
    /// order mark and white space before the declaration are tolerated.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let end = min(bytes.count, 1024)
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func skipSpace() { while i < end, isXMLSpace(bytes[i]) { i += 1 } }
        skipSpace()
        guard bytes[i..<end].starts(with: Array("<?xml".utf8)), i + 5 < end, isXMLSpace(bytes[i + 5]) else { return nil }
        i += 5
        // Pseudo-attributes: name, `=`, quoted value; until `?>`.
        while true {
            skipSpace()
            let nameStart = i
            while i < end, bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: "?"), !isXMLSpace(bytes[i]) { i += 1 }
            let name = bytes[nameStart..<i]
            skipSpace()
            guard !name.isEmpty, i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
            i += 1
            skipSpace()
            guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < end, bytes[i] != quote { i += 1 }
            guard i < end else { return nil }
            if name.elementsEqual("encoding".utf8) {
                return cleanLabel(String(decoding: bytes[valueStart..<i], as: UTF8.self))
            }
            i += 1
        }
    }

    // MARK: - Declarations

    /// A charset a document was said to be in, and who said it.
    private struct Claim: CustomStringConvertible {
        var label: String
        var fromHTTP: Bool

        /// Who said it, for notes: "the HTTP header", "the XML declaration".
        var source: String { fromHTTP ? "the HTTP header" : "the XML declaration" }
        /// The claim as the start of a note: `declared ISO-8859-1`.
        var description: String { (fromHTTP ? "the HTTP header declared " : "declared ") + label }
        /// The claim of a label no one knows: `declared charset "invalid"`.
        var unknown: String { (fromHTTP ? "the HTTP header declared" : "declared") + " charset \"\(label)\"" }
    }

    /// A charset label (`ISO-8859-1`, `cp1251`, `utf8`) resolved to how feedspool reads it.
    private enum Charset {
        case utf8
        /// UTF-16; `bigEndian` is nil when the label leaves it open.
        case utf16(bigEndian: Bool?)
        case utf32(bigEndian: Bool?)
        /// windows-1252 and the labels browsers read as it (ISO-8859-1, US-ASCII).
        case windows1252
        /// Another charset of one byte per character, by its iconv name.
        case singleByte(String)
        /// Any other label, left for libxml2 and iconv to recognise (Shift_JIS, GB18030, EUC-KR …).
        case multiByte(String)

        init(label: String) {
            let key = String(decoding: label.utf8.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                default: nil
                }
            }, as: UTF8.self)
            switch key {
            case "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8": self = .utf8
            case "utf16", "ucs2", "unicode", "iso10646ucs2", "csunicode": self = .utf16(bigEndian: nil)
            case "utf16le", "ucs2le": self = .utf16(bigEndian: false)
            case "utf16be", "ucs2be": self = .utf16(bigEndian: true)
            case "utf32", "ucs4", "iso10646ucs4": self = .utf32(bigEndian: nil)
            case "utf32le", "ucs4le": self = .utf32(bigEndian: false)
            case "utf32be", "ucs4be": self = .utf32(bigEndian: true)
            case "windows1252", "cp1252", "xcp1252", "iso88591", "iso885911987", "latin1", "l1", "isoir100",
                 "csisolatin1", "cp819", "ibm819", "ascii", "usascii", "us", "iso646us", "csascii",
                 "ansix341968", "isoir6", "ibm367", "cp367":
                self = .windows1252
            case "windows1250", "windows1251", "windows1253", "windows1254", "windows1255", "windows1256",
                 "windows1257", "windows1258", "windows874":
                self = .singleByte("windows-" + key.dropFirst(7))
            case "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp874":
                self = .singleByte("windows-" + key.dropFirst(2))
            case "xcp1250", "xcp1251", "xcp1253", "xcp1254", "xcp1255", "xcp1256", "xcp1257", "xcp1258":
                self = .singleByte("windows-" + key.dropFirst(3))
            case "koi8r", "koi8", "cskoi8r": self = .singleByte("koi8-r")
            case "koi8u": self = .singleByte("koi8-u")
            case "koi8ru": self = .singleByte("koi8-ru")
            case "ibm866", "cp866", "866", "csibm866": self = .singleByte("ibm866")
            case "macintosh", "mac", "macroman", "xmacroman", "csmacintosh": self = .singleByte("macintosh")
            case "xmaccyrillic", "maccyrillic", "xmacukrainian": self = .singleByte("mac-cyrillic")
            case "maciceland", "macis", "xmacicelandic": self = .singleByte("mac-is")
            case "maclatin2", "maccentraleurope", "xmacce", "xmaccentraleurroman": self = .singleByte("mac-centraleurope")
            case "tis620": self = .singleByte("tis-620")
            case "latin2": self = .singleByte("iso-8859-2")
            case "latin3": self = .singleByte("iso-8859-3")
            case "latin4": self = .singleByte("iso-8859-4")
            case "latin5": self = .singleByte("iso-8859-9")
            case "latin6": self = .singleByte("iso-8859-10")
            case "latin9": self = .singleByte("iso-8859-15")
            default:
                if key.hasPrefix("iso8859"), let part = Int(key.dropFirst(7)), (2...16).contains(part), part != 12 {
                    self = .singleByte("iso-8859-\(part)")
                } else {
                    self = .multiByte(label.lowercased())
                }
            }
        }

        /// The canonical name `UTF8Document.charset` reports.
        var name: String {
            switch self {
            case .utf8: "utf-8"
            case .utf16(let bigEndian): bigEndian.map { $0 ? "utf-16be" : "utf-16le" } ?? "utf-16"
            case .utf32(let bigEndian): bigEndian.map { $0 ? "utf-32be" : "utf-32le" } ?? "utf-32"
            case .windows1252: "windows-1252"
            case .singleByte(let name), .multiByte(let name): name
            }
        }

        /// The name as notes print it: `UTF-8`, `KOI8-R`, `windows-1251`.
        var displayName: String { name.hasPrefix("windows-") ? name : name.uppercased() }
    }

    /// A label with surrounding white space and quotes removed, or nil when nothing sensible is left.
    /// Servers send `charset="utf-8"`. Nothing sensible: empty, over 40 bytes,
    /// or not printable ASCII.
    private static func cleanLabel(_ label: String) -> String? {
        let trimmed = label.utf8.drop { isXMLSpace($0) || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }
            .reversed().drop { isXMLSpace($0) || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }.reversed()
        guard (1...40).contains(trimmed.count), trimmed.allSatisfy({ (0x21...0x7E).contains($0) }) else { return nil }
        return String(decoding: trimmed, as: UTF8.self)
    }

    private static func isXMLSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    // MARK: - Unicode encoding forms

    /// The Unicode encoding forms a document's first bytes can prove.
    private enum UnicodeForm {
        case utf8, utf16LE, utf16BE, utf32LE, utf32BE

        var charset: Charset {
            switch self {
            case .utf8: .utf8
            case .utf16LE: .utf16(bigEndian: false)
            case .utf16BE: .utf16(bigEndian: true)
            case .utf32LE: .utf32(bigEndian: false)
            case .utf32BE: .utf32(bigEndian: true)
            }
        }

        /// Whether a declared charset agrees with this form.
        func agrees(with declared: Charset) -> Bool {
            switch (self, declared) {
            case (.utf8, .utf8): true
            case (.utf16LE, .utf16(let bigEndian)): bigEndian != true
            case (.utf16BE, .utf16(let bigEndian)): bigEndian != false
            case (.utf32LE, .utf32(let bigEndian)): bigEndian != true
            case (.utf32BE, .utf32(let bigEndian)): bigEndian != false
            default: false
            }
        }
    }

    /// The form a byte order mark or zero bytes among the first four prove.
    /// Also the length of the byte order mark (0 when there is none).
    private static func unicodeForm(of bytes: [UInt8]) -> (UnicodeForm, bomLength: Int)? {
        let head = bytes.prefix(4) + [UInt8](repeating: 0xAA, count: max(0, 4 - bytes.count))
        switch (head[0], head[1], head[2], head[3]) {
        case (0xEF, 0xBB, 0xBF, _): return (.utf8, 3)
        case (0xFF, 0xFE, 0, 0): return (.utf32LE, 4)
        case (0, 0, 0xFE, 0xFF): return (.utf32BE, 4)
        case (0xFF, 0xFE, _, _): return (.utf16LE, 2)
        case (0xFE, 0xFF, _, _): return (.utf16BE, 2)
        case (let a, 0, 0, 0) where a != 0 && bytes.count >= 4: return (.utf32LE, 0)
        case (0, 0, 0, let d) where d != 0 && bytes.count >= 4: return (.utf32BE, 0)
        case (let a, 0, let c, 0) where a != 0 && c != 0 && bytes.count >= 4: return (.utf16LE, 0)
        case (0, let b, 0, let d) where b != 0 && d != 0 && bytes.count >= 4: return (.utf16BE, 0)
        default: return nil
        }
    }

    /// Decodes a document whose form its first bytes prove; a declaration that says otherwise is noted, not obeyed.
    private static func decode(_ bytes: [UInt8], form: UnicodeForm, bomLength: Int, httpClaims: [Claim]) -> UTF8Document {
        var notes: [String] = []
        var output: [UInt8]
        var replaced = 0
        switch form {
        case .utf8:
            output = Array(bytes[bomLength...])
            if !output.withUnsafeBufferPointer(scanUTF8).isValid {
                // Replace like the standard library does: one U+FFFD per maximal invalid subpart.
                output = Array(String(decoding: output, as: UTF8.self).utf8)
                notes.append("the bytes after the UTF-8 byte order mark are not all UTF-8; replaced those with U+FFFD")
            }
        case .utf16LE, .utf16BE:
            (output, replaced) = decodeUTF16(bytes.dropFirst(bomLength), bigEndian: form == .utf16BE)
        case .utf32LE, .utf32BE:
            (output, replaced) = decodeUTF32(bytes.dropFirst(bomLength), bigEndian: form == .utf32BE)
        }
        if replaced > 0 {
            let units = replaced == 1 ? "1 code unit is" : "\(replaced) code units are"
            notes.append("\(units) not valid \(form.charset.displayName); replaced with U+FFFD")
        }
        let claim = httpClaims.first ?? declaredCharset(output).map { Claim(label: $0, fromHTTP: false) }
        if let claim, !form.agrees(with: Charset(label: claim.label)) {
            let evidence = bomLength > 0 ? "a \(form.charset.displayName) byte order mark" : "\(form.charset.displayName) text"
            notes.insert("\(claim) but the document starts with \(evidence); read as \(form.charset.displayName)", at: 0)
        }
        return UTF8Document(bytes: output, charset: form.charset.name, note: notes.isEmpty ? nil : notes.joined(separator: "; "))
    }

    /// UTF-16 to UTF-8; lone surrogates and an odd last byte become U+FFFD.
    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> ([UInt8], replaced: Int) {
        var replaced = 0
        let output = bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count / 2 * 3 + 3) { buffer, count in
                let out = buffer.baseAddress!
                func unit(_ i: Int) -> UInt32 {
                    bigEndian ? UInt32(input[i]) << 8 | UInt32(input[i + 1]) : UInt32(input[i + 1]) << 8 | UInt32(input[i])
                }
                var i = 0
                while i + 1 < input.count {
                    var scalar = unit(i)
                    i += 2
                    if scalar & 0xF800 == 0xD800 {
                        if scalar < 0xDC00, i + 1 < input.count, unit(i) & 0xFC00 == 0xDC00 {
                            scalar = 0x10000 + (scalar - 0xD800) << 10 + (unit(i) - 0xDC00)
                            i += 2
                        } else {
                            scalar = 0xFFFD
                            replaced += 1
                        }
                    }
                    count += writeUTF8(scalar, to: out + count)
                }
                if i < input.count {
                    count += writeUTF8(0xFFFD, to: out + count)
                    replaced += 1
                }
            }
        }
        return (output, replaced)
    }

    /// UTF-32 to UTF-8; surrogates, values past U+10FFFF and a cut-off last unit become U+FFFD.
    private static func decodeUTF32(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> ([UInt8], replaced: Int) {
        var replaced = 0
        let output = bytes.withUnsafeBufferPointer { input in
            [UInt8](unsafeUninitializedCapacity: input.count + 3) { buffer, count in
                let out = buffer.baseAddress!
                var i = 0
                while i + 3 < input.count {
                    let (a, b, c, d) = (UInt32(input[i]), UInt32(input[i + 1]), UInt32(input[i + 2]), UInt32(input[i + 3]))
                    var scalar = bigEndian ? a << 24 | b << 16 | c << 8 | d : d << 24 | c << 16 | b << 8 | a
                    i += 4
                    if scalar > 0x10FFFF || scalar & 0xFFFFF800 == 0xD800 {
                        scalar = 0xFFFD
                        replaced += 1
                    }
                    count += writeUTF8(scalar, to: out + count)
                }
                if i < input.count {
                    count += writeUTF8(0xFFFD, to: out + count)
                    replaced += 1
                }
            }
        }
        return (output, replaced)
    }

    /// Writes a Unicode scalar as UTF-8 and returns how many bytes it took.
    @inline(__always)
    private static func writeUTF8(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
        switch scalar {
        case ..<0x80:
            out[0] = UInt8(scalar)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | scalar >> 6)
            out[1] = UInt8(0x80 | scalar & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | scalar >> 12)
            out[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[2] = UInt8(0x80 | scalar & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | scalar >> 18)
            out[1] = UInt8(0x80 | scalar >> 12 & 0x3F)
            out[2] = UInt8(0x80 | scalar >> 6 & 0x3F)
            out[3] = UInt8(0x80 | scalar & 0x3F)
            return 4
        }
    }

    // MARK: - UTF-8 validation

    /// What one pass over a buffer found out about it as UTF-8.
    struct UTF8Scan: Equatable {
        /// Where the first byte that is not part of a well-formed UTF-8 sequence is, or nil when all are.
        /// A truncated sequence counts as not well-formed.
        var firstInvalidOffset: Int?
        /// Whether every byte is below 0x80.
        var isASCII: Bool

        var isValid: Bool { firstInvalidOffset == nil }

        /// ` (0xE9 at byte 96)` for notes, naming the first invalid byte.
        func invalidDetail(_ bytes: [UInt8]) -> String {
            guard let offset = firstInvalidOffset else { return "" }
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            return " (0x\(hex.count < 2 ? "0" : "")\(hex) at byte \(offset))"
        }
    }

    /// Checks UTF-8 by Unicode's table of well-formed sequences (no overlongs, surrogates or values past U+10FFFF).
    /// ASCII, most of any feed's markup, is skipped 32 and 8 bytes at a time.
    static func scanUTF8(_ input: UnsafeBufferPointer<UInt8>) -> UTF8Scan {
        guard let base = input.baseAddress else { return UTF8Scan(firstInvalidOffset: nil, isASCII: true) }
        let raw = UnsafeRawPointer(base)
        let count = input.count
        let high: UInt64 = 0x8080_8080_8080_8080
        var isASCII = true
        var i = 0
        while i < count {
            while i &+ 32 <= count {
                let a = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let b = raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
                let c = raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
                let d = raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
                if (a | b | c | d) & high != 0 { break }
                i &+= 32
            }
            while i &+ 8 <= count {
                let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & high
                if bits != 0 {
                    i &+= bits.trailingZeroBitCount &>> 3
                    break
                }
                i &+= 8
            }
            // Byte by byte through non-ASCII sequences, back to the fast path
            // after the next ASCII byte.
            while i < count {
                let lead = base[i]
                if lead < 0x80 {
                    i &+= 1
                    break
                }
                isASCII = false
                if lead < 0xE0 {
                    guard lead >= 0xC2, i &+ 1 < count, base[i &+ 1] & 0xC0 == 0x80 else {
                        return UTF8Scan(firstInvalidOffset: i, isASCII: false)
                    }
                    i &+= 2
                } else if lead < 0xF0 {
                    let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80, high: UInt8 = lead == 0xED ? 0x9F : 0xBF
                    guard i &+ 2 < count, (low...high).contains(base[i &+ 1]), base[i &+ 2] & 0xC0 == 0x80 else {
                        return UTF8Scan(firstInvalidOffset: i, isASCII: false)
                    }
                    i &+= 3
                } else {
                    let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80, high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
                    guard lead <= 0xF4, i &+ 3 < count, (low...high).contains(base[i &+ 1]),
                          base[i &+ 2] & 0xC0 == 0x80, base[i &+ 3] & 0xC0 == 0x80 else {
                        return UTF8Scan(firstInvalidOffset: i, isASCII: false)
                    }
                    i &+= 4
                }
            }
        }
        return UTF8Scan(firstInvalidOffset: nil, isASCII: isASCII)
    }

    // MARK: - Legacy charsets

    /// What windows-1252 gives bytes 0x80–0x9F.
    /// The five it leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their
    /// ISO-8859-1 meaning, as in browsers. Every other byte is its own code point.
    private static let windows1252C1: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// windows-1252 to UTF-8, natively: iconv refuses the undefined bytes.
    private static func decodeWindows1252(_ bytes: [UInt8]) -> [UInt8] {
        let table = windows1252C1
        return bytes.withUnsafeBufferPointer { input in
            let highBytes = input.reduce(0) { $0 &+ Int($1 >> 7) }
            return [UInt8](unsafeUninitializedCapacity: input.count + 2 * highBytes) { buffer, count in
                guard let out = buffer.baseAddress else { return }
                for byte in input {
                    if byte < 0x80 {
                        out[count] = byte
                        count &+= 1
                    } else {
                        let scalar = (0x80..<0xA0).contains(byte) ? UInt32(table[Int(byte) - 0x80]) : UInt32(byte)
                        count &+= writeUTF8(scalar, to: out + count)
                    }
                }
            }
        }
    }

    /// Transcodes with libxml2 (iconv), or returns nil when it does not know the charset.
    /// Undefined bytes become U+FFFD; if there were any and the bytes are valid
    /// UTF-8 after all, the document is read as UTF-8.
    private static func transcode(_ bytes: [UInt8], charset: Charset, claim: Claim, scan: UTF8Scan,
                                  note: String?) -> UTF8Document? {
        guard !bytes.isEmpty else { return UTF8Document(bytes: [], charset: charset.name, note: note) }
        // libxml2 sizes its buffers with `int`, and UTF-8 may take three times the bytes.
        guard bytes.count <= Int(Int32.max) / 4 else { return nil }
        _ = LibXML2.ready
        var replaced: Int32 = 0
        let buffer = bytes.withUnsafeBufferPointer { input in
            input.withMemoryRebound(to: CChar.self) { chars in
                fs_xml_transcode_to_utf8_lossy(charset.name, chars.baseAddress, Int32(chars.count), &replaced)
            }
        }
        guard let buffer else { return nil }
        defer { xmlBufferFree(buffer) }
        if replaced > 0 && scan.isValid {
            return UTF8Document(bytes: bytes, charset: "utf-8", note: "\(claim) but the bytes are UTF-8; read as UTF-8")
        }
        let output = Array(UnsafeRawBufferPointer(start: fs_xml_buffer_bytes(buffer), count: Int(xmlBufferLength(buffer))))
        let replacedNote = replaced == 0 ? nil
            : "\(replaced == 1 ? "1 byte is" : "\(replaced) bytes are") not \(charset.displayName); replaced with U+FFFD"
        let combined = [note, replacedNote].compactMap { $0 }
        return UTF8Document(bytes: output, charset: charset.name, note: combined.isEmpty ? nil : combined.joined(separator: "; "))
    }
}

/// Text of unknown encoding as a Swift string, for callers outside the parser.
/// For example the `clean` command reading an HTML file.
public enum TextDecoding {
    /// `bytes` decoded by the rules of `DocumentEncoding`, as a string.
    /// The rules: BOM, `charset`, XML declaration, UTF-8, windows-1252.
    public static func string(from bytes: [UInt8], charset: String? = nil) -> String {
        String(decoding: DocumentEncoding.decode(bytes, httpCharset: charset).bytes, as: UTF8.self)
    }

    /// `bytes` decoded by the same rules as `string(from:charset:)`, as valid UTF-8:
    /// the same array when it already is.
    public static func utf8(from bytes: [UInt8], charset: String? = nil) -> [UInt8] {
        DocumentEncoding.decode(bytes, httpCharset: charset).bytes
    }
}
