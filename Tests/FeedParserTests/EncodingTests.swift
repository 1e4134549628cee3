import Foundation
import TestSupport
import Testing
@testable import FeedParser

// The fixtures in Fixtures/encoding/ are small feeds written for these tests,
// encoded with Python (`.encode('cp1252')`, `.encode('koi8-r')`, …).

/// The shared sample feeds, in the folder next to the repository.
private let corpusPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("../../../shared/data/feeds").standardizedFileURL.path
private let corpusExists = FileManager.default.fileExists(atPath: corpusPath + "/miniflux")

@Suite struct EncodingTests {
    // MARK: - Unicode

    @Test func utf8DocumentIsReturnedWithoutCopying() throws {
        let bytes = try fixture("utf8.xml")
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document == UTF8Document(bytes: bytes, charset: "utf-8", note: nil))
        #expect(sharesStorage(document.bytes, bytes))
        #expect(text(document).contains("Notes from a café in Zürich"))
    }

    @Test func utf8ByteOrderMarkIsRemoved() throws {
        let document = DocumentEncoding.decode(try fixture("utf8-bom.xml"), httpCharset: nil)
        #expect(document.charset == "utf-8")
        #expect(document.note == nil)
        #expect(text(document).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(text(document).contains("Crème brûlée à la carte"))
    }

    @Test(arguments: [("utf16le-bom.xml", "utf-16le"), ("utf16be-bom.xml", "utf-16be")])
    func utf16WithByteOrderMarkDecodes(file: String, charset: String) throws {
        let document = DocumentEncoding.decode(try fixture(file), httpCharset: nil)
        #expect(document.charset == charset)
        #expect(document.note == nil)
        #expect(text(document).hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"))
        #expect(text(document).contains("Notes, naïve and otherwise 🎉"))
    }

    @Test(arguments: [("utf16le-no-bom.xml", "utf-16le"), ("utf16be-no-bom.xml", "utf-16be")])
    func utf16WithoutByteOrderMarkIsRecognisedByItsZeroBytes(file: String, charset: String) throws {
        let document = DocumentEncoding.decode(try fixture(file), httpCharset: nil)
        #expect(document.charset == charset)
        #expect(document.note == nil)
        #expect(text(document).contains("<title>Café de Flore</title>"))
    }

    @Test func utf32ByteOrderMarkDecodes() {
        let source = "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-32\"?><title>Café 🎉</title>"
        let littleEndian = source.unicodeScalars.flatMap { scalar in
            (0..<4).map { UInt8(truncatingIfNeeded: scalar.value >> (8 * $0)) }
        }
        let document = DocumentEncoding.decode(littleEndian, httpCharset: nil)
        #expect(document.charset == "utf-32le")
        #expect(document.note == nil)
        #expect(text(document) == String(source.dropFirst()))
    }

    @Test func utf16DeclarationOverASCIIBytesIsIgnored() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>".utf8)
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document == UTF8Document(bytes: bytes, charset: "utf-8",
                                         note: "declared UTF-16 but the bytes are not UTF-16; read as UTF-8"))
    }

    // MARK: - Legacy charsets

    @Test func windows1252GivesEuroSignAndSmartQuotes() throws {
        let document = DocumentEncoding.decode(try fixture("windows-1252.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1252")
        #expect(document.note == nil)
        #expect(text(document).contains("<title>Euro € and “smart quotes”</title>"))
        #expect(text(document).contains("Prices – now 5 € — aren’t they…"))
    }

    @Test func iso88591IsReadAsWindows1252() throws {
        let document = DocumentEncoding.decode(try fixture("iso-8859-1.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1252")
        #expect(document.note == nil)
        #expect(text(document).contains("Notes from a café in Zürich"))
        #expect(text(document).contains("Euro € and “smart quotes”"))
    }

    @Test func undefinedWindows1252BytesKeepTheirLatin1Meaning() {
        let document = DocumentEncoding.decode([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x9F, 0xFF], httpCharset: "windows-1252")
        #expect(text(document).unicodeScalars.map(\.value) == [0x20AC, 0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x178, 0xFF])
    }

    @Test func windows1251CyrillicDecodes() throws {
        let document = DocumentEncoding.decode(try fixture("windows-1251.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1251")
        #expect(document.note == nil)
        #expect(text(document).contains("<title>Привет, мир</title>"))
        #expect(text(document).contains("Ёжик, чай, Москва — «Санкт-Петербург»"))
    }

    @Test func koi8rCyrillicDecodes() throws {
        let document = DocumentEncoding.decode(try fixture("koi8-r.xml"), httpCharset: nil)
        #expect(document.charset == "koi8-r")
        #expect(document.note == nil)
        #expect(text(document).contains("<title>Новости дня</title>"))
        #expect(text(document).contains("Ёжик, чай, Москва - Санкт-Петербург"))
    }

    @Test func undefinedWindows1251ByteBecomesReplacementCharacter() {
        // 0x98 is the one byte windows-1251 leaves undefined.
        let bytes = Array("<?xml version='1.0' encoding='cp1251'?><t>".utf8) + [0xCF, 0xF0, 0x98] + Array("</t>".utf8)
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document.charset == "windows-1251")
        #expect(text(document).contains("<t>Пр\u{FFFD}</t>"))
        #expect(document.note == "1 byte is not windows-1251; replaced with U+FFFD")
    }

    @Test func multiByteCharsetsAreTranscodedByLibXML2() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><t>".utf8) + [0x82, 0xA0, 0x82, 0xA2] + Array("</t>".utf8)
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document.charset == "shift_jis")
        #expect(document.note == nil)
        #expect(text(document).contains("<t>あい</t>"))
    }

    @Test func asciiDocumentUnderASingleByteDeclarationIsNotCopied() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"/>".utf8)
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document == UTF8Document(bytes: bytes, charset: "windows-1252", note: nil))
        #expect(sharesStorage(document.bytes, bytes))
    }

    // MARK: - Declarations that lie

    @Test func iso88591DeclarationOverUTF8BytesIsReadAsUTF8() throws {
        let bytes = try fixture("iso-8859-1-declared-over-utf8.xml")
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document.charset == "utf-8")
        #expect(document.note == "declared ISO-8859-1 but the bytes are UTF-8; read as UTF-8")
        #expect(sharesStorage(document.bytes, bytes))
        #expect(text(document).contains("Crème brûlée – “gut”"))
    }

    @Test func utf8DeclarationOverLatin1BytesIsReadAsWindows1252() throws {
        let document = DocumentEncoding.decode(try fixture("utf8-declared-over-latin1.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1252")
        #expect(document.note == "declared utf-8 but the bytes are not UTF-8 (0xE9 at byte 94); read as windows-1252")
        #expect(text(document).contains("Crème brûlée à Zürich"))
    }

    @Test func unknownDeclarationOverUTF8IsReadAsUTF8() throws {
        let document = DocumentEncoding.decode(try fixture("invalid-declared-over-utf8.xml"), httpCharset: nil)
        #expect(document.charset == "utf-8")
        #expect(document.note == "declared charset \"invalid\", which libxml2 does not know; read as UTF-8")
        #expect(text(document).contains("Crème brûlée à Zürich"))
    }

    @Test func unknownDeclarationOverLatin1IsReadAsWindows1252() throws {
        let document = DocumentEncoding.decode(try fixture("invalid-declared-over-latin1.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1252")
        #expect(document.note == "declared charset \"invalid\", which libxml2 does not know; read as windows-1252")
        #expect(text(document).contains("Crème brûlée à Zürich"))
    }

    @Test func undeclaredLatin1IsReadAsWindows1252() throws {
        let document = DocumentEncoding.decode(try fixture("undeclared-latin1.xml"), httpCharset: nil)
        #expect(document.charset == "windows-1252")
        #expect(document.note == "no charset declared and the bytes are not UTF-8 (0xE9 at byte 46); read as windows-1252")
        #expect(text(document).contains("Notes from a café in Zürich"))
    }

    // MARK: - HTTP charset

    @Test func httpCharsetOverridesTheDeclaration() throws {
        // A Russian site whose template still says ISO-8859-1.
        let bytes = try fixture("windows-1251-declared-iso-8859-1.xml")
        let document = DocumentEncoding.decode(bytes, httpCharset: "\"Windows-1251\"")
        #expect(document.charset == "windows-1251")
        #expect(document.note == nil)
        #expect(text(document).contains("<title>Привет, мир</title>"))
        // Without the header the declaration is all there is.
        #expect(DocumentEncoding.decode(bytes, httpCharset: nil).charset == "windows-1252")
    }

    @Test func utf8HTTPCharsetOverCyrillicBytesLetsTheDeclarationDecide() throws {
        let document = DocumentEncoding.decode(try fixture("windows-1251.xml"), httpCharset: "utf-8")
        #expect(document.charset == "windows-1251")
        #expect(document.note == "the HTTP header declared utf-8 but the bytes are not UTF-8 (0xCD at byte 89);"
                + " read as windows-1251 as the XML declaration says")
        #expect(text(document).contains("<title>Привет, мир</title>"))
    }

    @Test func latin1HTTPCharsetOverUTF8BytesIsReadAsUTF8() throws {
        let bytes = try fixture("utf8.xml")
        let document = DocumentEncoding.decode(bytes, httpCharset: "ISO-8859-1")
        #expect(document == UTF8Document(bytes: bytes, charset: "utf-8",
                                         note: "the HTTP header declared ISO-8859-1 but the bytes are UTF-8; read as UTF-8"))
    }

    @Test func byteOrderMarkOverridesTheHTTPCharset() throws {
        let utf16 = DocumentEncoding.decode(try fixture("utf16le-bom.xml"), httpCharset: "ISO-8859-1")
        #expect(utf16.charset == "utf-16le")
        #expect(utf16.note == "the HTTP header declared ISO-8859-1 but the document starts with"
                + " a UTF-16LE byte order mark; read as UTF-16LE")
        #expect(text(utf16).contains("Notes, naïve and otherwise 🎉"))

        let utf8 = DocumentEncoding.decode(try fixture("utf8-bom.xml"), httpCharset: "windows-1251")
        #expect(utf8.charset == "utf-8")
        #expect(text(utf8).contains("Crème brûlée à la carte"))
    }

    // MARK: - The XML declaration

    @Test(arguments: [
        ("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><rss/>", "KOI8-R"),
        ("<?xml version='1.0' encoding='iso-8859-1' standalone='yes'?>", "iso-8859-1"),
        ("\u{FEFF}\n  <?xml version = \"1.0\"\n encoding = \"UTF-8\" ?>", "UTF-8"),
        ("<?xml version=\"1.0\"?><rss encoding=\"koi8-r\"/>", nil),
        ("<?xml version=\"1.0\" encoding=\"\"?>", nil),
        ("<?xml version=\"1.0\" encoding=\"windows-1251", nil),
        ("<?xml-stylesheet href=\"feed.xsl\" encoding=\"koi8-r\"?>", nil),
        ("<rss version=\"2.0\">", nil),
        (String(repeating: " ", count: 1000) + "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>", nil),
        ("", nil),
    ] as [(String, String?)])
    func declaredCharsetReadsTheXMLDeclaration(document: String, charset: String?) {
        #expect(DocumentEncoding.declaredCharset(Array(document.utf8)) == charset)
    }

    // MARK: - Robustness

    @Test func hostileInputNeverCrashesAndAlwaysGivesUTF8() {
        let inputs: [[UInt8]] = [
            [], [0x3C], [0x00], [0xEF], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xEF, 0xBB, 0xBF, 0xE9],
            [0xFF, 0xFE], [0xFF, 0xFE, 0x3C], [0xFE, 0xFF, 0xD8, 0x00], [0xFF, 0xFE, 0x00, 0xD8, 0x3C, 0x00],
            [0xFF, 0xFE, 0x00, 0xDC], [0xFF, 0xFE, 0x00, 0x00, 0x3C], [0x00, 0x00, 0xFE, 0xFF, 0x00, 0x11, 0x00, 0x00],
            [0x3C, 0x00, 0x00, 0x00, 0x00, 0xD8, 0x00, 0x00], [0x00, 0x3C, 0x00], [0x3C, 0x00, 0x3F],
            [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80],
            Array("<?xml version=\"1.0\" encoding=\"".utf8),
            Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><t>".utf8) + [0x82],
            Array("<?xml version=\"1.0\" encoding=\"UTF-32\"?>\u{E9}".utf8),
        ]
        let charsets: [String?] = [nil, "", "  ", "utf-16", "utf-32be", "koi8-r", "shift_jis", "iso-2022-jp", "no such charset",
                                   "\u{E9}t\u{E9}", String(repeating: "x", count: 100), "utf-8", "windows-1251"]
        for input in inputs {
            for charset in charsets {
                let document = DocumentEncoding.decode(input, httpCharset: charset)
                #expect(String(validating: document.bytes, as: UTF8.self) != nil, "\(input) with \(charset ?? "nil")")
            }
        }
    }

    @Test func randomBytesAlwaysDecodeToUTF8() {
        var generator = SplitMix64(seed: 1252)
        let charsets: [String?] = [nil, "utf-8", "utf-16le", "windows-1251", "koi8-r", "gb18030", "euc-jp", "invalid"]
        for _ in 0..<2_000 {
            let input = randomBytes(count: Int.random(in: 0...48, using: &generator), using: &generator)
            let charset = charsets.randomElement(using: &generator)!
            let document = DocumentEncoding.decode(input, httpCharset: charset)
            #expect(String(validating: document.bytes, as: UTF8.self) != nil, "\(input) with \(charset ?? "nil")")
        }
    }

    @Test func utf8ScanAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 8)
        for _ in 0..<20_000 {
            let input = randomBytes(count: Int.random(in: 0...80, using: &generator), using: &generator)
            let scan = input.withUnsafeBufferPointer(DocumentEncoding.scanUTF8)
            let valid = String(validating: input, as: UTF8.self) != nil
            #expect(scan.isValid == valid, "\(input)")
            #expect(scan.isASCII == input.allSatisfy { $0 < 0x80 }, "\(input)")
            if let offset = scan.firstInvalidOffset {
                #expect(String(validating: input[..<offset], as: UTF8.self) != nil, "\(input)")
            }
        }
    }

    // MARK: - Real feeds

    @Test(.enabled(if: corpusExists, Comment(rawValue: "\(corpusPath) not found: corpus test skipped")),
          arguments: CorpusSample.all)
    func corpusSamplesDecode(sample: CorpusSample) throws {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: corpusPath + "/miniflux/" + sample.file)))
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(document.charset == sample.charset)
        #expect((document.note != nil) == sample.hasNote, "\(document.note ?? "no note")")
        for expected in sample.expected {
            #expect(text(document).contains(expected))
        }
        #expect(String(validating: document.bytes, as: UTF8.self) != nil)
    }
}

/// A sample feed from /work/shared/data/feeds/miniflux, and what it must
/// decode to, decided by reading its bytes.
struct CorpusSample: Sendable, CustomTestStringConvertible {
    var file: String
    var charset: String
    var hasNote: Bool
    var expected: [String]

    var testDescription: String { file }

    static let all: [CorpusSample] = [
        // Valid UTF-8 declared "invalid", "ISO-8859-1" and "windows-1252".
        CorpusSample(file: "encoding-invalid-prolog.xml", charset: "utf-8", hasNote: true, expected: ["테스트 피드", "Café"]),
        CorpusSample(file: "encoding-utf8-incorrect-prolog.xml", charset: "utf-8", hasNote: true, expected: ["테스트 피드", "Café"]),
        CorpusSample(file: "encoding-windows-1252-incorrect-prolog.xml", charset: "utf-8", hasNote: true, expected: ["Euro €"]),
        CorpusSample(file: "encoding-utf8.xml", charset: "utf-8", hasNote: false, expected: ["테스트 피드", "Café"]),
        CorpusSample(file: "encoding-windows-1252.xml", charset: "windows-1252", hasNote: false, expected: ["Euro €"]),
        CorpusSample(file: "encoding-iso-8859-1.xml", charset: "windows-1252", hasNote: false, expected: ["Café", "Présentation"]),
        CorpusSample(file: "encoding-koi8r.xml", charset: "koi8-r", hasNote: false,
                     expected: ["Пример RSS ленты", "Привет мир! Ёжик, чай, Москва, Санкт-Петербург."]),
        CorpusSample(file: "xml-koi8r.xml", charset: "koi8-r", hasNote: false, expected: ["Тестовая лента в кодировке KOI8-R"]),
        CorpusSample(file: "xml-iso88591.xml", charset: "windows-1252", hasNote: false, expected: ["Anaïs", "Jürgen"]),
        // Declared utf-8, but the bytes are ISO-8859-1.
        CorpusSample(file: "xml-iso88591_utf8_mismatch.xml", charset: "windows-1252", hasNote: true, expected: ["Anaïs", "Jürgen"]),
        CorpusSample(file: "parser-encoding_ISO-8859-1.xml", charset: "windows-1252", hasNote: false,
                     expected: ["Viele Spieler wünschen sich eine PC-Version"]),
        CorpusSample(file: "parser-encoding_WINDOWS-1251.xml", charset: "windows-1251", hasNote: false,
                     expected: ["Новый цитатник Рунета", "есть у кого жаба программер"]),
        // No declaration at all, ISO-8859-1 bytes.
        CorpusSample(file: "parser-no_encoding_ISO-8859-1.xml", charset: "windows-1252", hasNote: true,
                     expected: ["nombre d'études montrent"]),
        CorpusSample(file: "parser-urdu_UTF8.xml", charset: "utf-8", hasNote: false,
                     expected: ["پاکستان کے لیے امریکی امداد کی بہار و خزاں"]),
    ]
}

// MARK: - Helpers

private func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/encoding"))
    return Array(try Data(contentsOf: url))
}

private func text(_ document: UTF8Document) -> String {
    String(decoding: document.bytes, as: UTF8.self)
}

/// Whether two arrays share one buffer, that is, nothing was copied.
private func sharesStorage(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
}

/// Bytes that exercise UTF-8 edge cases: mostly ASCII and XML punctuation,
/// boundary lead and continuation bytes, zero bytes, and whole sequences.
private func randomBytes(count: Int, using generator: inout SplitMix64) -> [UInt8] {
    let singles: [UInt8] = [0x00, 0x3C, 0x3F, 0x61, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                            0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFE, 0xFF]
    let sequences: [[UInt8]] = [[0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x8E, 0x89], [0xED, 0x9F, 0xBF],
                                [0xEE, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE],
                                Array("<?xml version=\"1.0\" encoding=\"".utf8), Array("abcdefghijklmnop".utf8)]
    var bytes: [UInt8] = []
    while bytes.count < count {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0..<4: bytes.append(UInt8.random(in: 0x20..<0x7F, using: &generator))
        case 4..<7: bytes += sequences.randomElement(using: &generator)!
        case 7..<9: bytes.append(singles.randomElement(using: &generator)!)
        default: bytes.append(UInt8.random(in: 0...255, using: &generator))
        }
    }
    return bytes
}

/// EBCDIC documents, recognised by `<?xm` in EBCDIC and read in the code page
/// their declaration names.
@Suite struct EBCDICTests {
    @Test func ibm500DocumentIsReadInItsOwnCodePage() throws {
        let feed = try Fixture.feed("encoding/ibm500-ebcdic.xml")
        #expect(feed.title == "Bücher & Ébauches")
        // `!` and `[` are where IBM500 has them, not where IBM037 does.
        #expect(feed.entries[0].title == "Der Öffner, ¡hola! [1]")
    }

    @Test func undeclaredOrUnknownPageIsReadAsIBM037() {
        let text = "<?xml version=\"1.0\"?><rss><channel><title>Ø</title></channel></rss>"
        let utf8 = Array(text.utf8)
        // IBM037 for the ASCII range and Ø (0x80).
        let table: [Character: UInt8] = [
            "<": 0x4C, "?": 0x6F, "x": 0xA7, "m": 0x94, "l": 0x93, " ": 0x40, "v": 0xA5, "e": 0x85,
            "r": 0x99, "s": 0xA2, "i": 0x89, "o": 0x96, "n": 0x95, "=": 0x7E, "\"": 0x7F, "1": 0xF1,
            ".": 0x4B, "0": 0xF0, ">": 0x6E, "c": 0x83, "h": 0x88, "a": 0x81, "t": 0xA3, "/": 0x61,
            "Ø": 0x80,
        ]
        let ebcdic = text.map { table[$0]! }
        #expect(ebcdic.count == String(decoding: utf8, as: UTF8.self).count)
        let document = DocumentEncoding.decode(ebcdic, httpCharset: nil)
        #expect(String(decoding: document.bytes, as: UTF8.self) == text)
    }
}

/// Mac code pages by the labels Python and feeds use for them.
@Suite struct MacCharsetTests {
    @Test(arguments: ["maciceland", "maclatin2", "x-mac-ce"])
    func macLabelsReadByte0x80AsAWithDiaeresis(label: String) {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"\(label)\"?><rss><channel><title>".utf8)
            + [0x80] + Array("</title></channel></rss>".utf8)
        let document = DocumentEncoding.decode(bytes, httpCharset: nil)
        #expect(String(decoding: document.bytes, as: UTF8.self).contains("<title>Ä</title>"))
    }
}
