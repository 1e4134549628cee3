#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The text of one feed field being read, element by element, from the SAX events between its start and end tags.
struct FieldCapture {
    /// The fields whose text the parser keeps.
    enum Field: Equatable {
        case title, fallbackTitle, link, guid, rssAuthor, authorName, authorEmail, sourceAuthorName
        case podcastPerson
        case published, created, updated, dcDate, category, keywords, language
        case summary, content, itunesSummary
        /// How often the feed asks to be fetched: RSS `ttl`, `sy:updatePeriod`, `sy:updateFrequency`.
        case ttl, updatePeriod, updateFrequency

        /// Whether the field is prose a person wrote (a title, a name, a summary).
        /// `Mojibake` may repair prose; identifiers, URLs, dates and language
        /// codes are kept exactly as written.
        var isProse: Bool {
            switch self {
            case .link, .guid, .authorEmail, .published, .created, .updated, .dcDate, .language,
                 .ttl, .updatePeriod, .updateFrequency:
                return false
            default:
                return true
            }
        }
    }

    /// How the field's characters are to be read.
    enum Mode: Equatable {
        /// Plain text; any tags inside are dropped.
        case text
        /// HTML carried as text (RSS `description`, Atom `type="html"`):
        /// the decoded characters are the markup.
        case html
        /// Inline XHTML (Atom `type="xhtml"`).
        ///
        /// Child elements are re-serialised as HTML and character data is escaped.
        case xhtml
    }

    /// The most bytes kept for one field; beyond it the field is cut short.
    /// libxml2 already caps a single text node at 10 MB.
    static let maximumBytes = 16 << 20

    let field: Field
    let mode: Mode
    /// How many re-serialised elements are open inside the field.
    var depth = 0
    /// Whether the `<div>` wrapping XHTML content was already skipped.
    var sawWrapper = false
    /// Whether the characters are base64, decoded by `text()`.
    /// They are in an Atom text construct of a binary type, or Atom 0.3's `mode="base64"`.
    var isBase64 = false
    /// The bytes read so far, in the builder's one text buffer.
    ///
    /// Every capture of a document reuses it (only one field is captured at a time).
    private let buffer: ByteBuffer

    /// Starts a capture that writes into `buffer`, emptying it.
    init(field: Field, mode: Mode, buffer: ByteBuffer) {
        self.field = field
        self.mode = mode
        self.buffer = buffer
        buffer.removeAll()
    }

    /// Whether the field reached `maximumBytes` and lost its end.
    private(set) var isTruncated = false

    private func hasRoom(for count: Int) -> Bool {
        buffer.count + count <= Self.maximumBytes
    }

    @inline(__always)
    mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        var bytes = bytes
        if !hasRoom(for: bytes.count) {
            guard !isTruncated else { return }
            isTruncated = true
            // Keep what fits, ending before a UTF-8 continuation byte.
            var room = min(bytes.count, max(0, Self.maximumBytes - buffer.count))
            while room > 0, room < bytes.count, bytes[room] & 0xC0 == 0x80 { room -= 1 }
            bytes = UnsafeBufferPointer(rebasing: bytes[0..<room])
        }
        if mode == .xhtml {
            HTMLMarkup.appendEscaped(bytes, to: buffer, inAttribute: false)
        } else {
            buffer.append(bytes)
        }
    }

    mutating func appendStartTag(_ name: UnsafeBufferPointer<UInt8>, attributes: XMLAttributes, isVoid: Bool) {
        guard hasRoom(for: name.count + 2) else { return }
        buffer.append(UInt8(ascii: "<"))
        buffer.append(name)
        for attribute in attributes.list {
            buffer.append(UInt8(ascii: " "))
            var name = attribute.rawName
            while name.pointee != 0 {
                buffer.append(name.pointee)
                name += 1
            }
            buffer.append("=\"")
            attribute.withDecodedValue { HTMLMarkup.appendEscaped($0, to: buffer, inAttribute: true) }
            buffer.append(UInt8(ascii: "\""))
        }
        buffer.append(UInt8(ascii: ">"))
        if !isVoid { depth += 1 }
    }

    mutating func appendEndTag(_ name: UnsafeBufferPointer<UInt8>) {
        depth -= 1
        guard hasRoom(for: name.count + 3) else { return }
        buffer.append("</")
        buffer.append(name)
        buffer.append(UInt8(ascii: ">"))
    }

    /// The captured characters, trimmed; nil when empty. Trimming happens on
    /// the bytes so the string is made once.
    func text() -> String? {
        let bytes = buffer.bytes
        guard let first = bytes.firstIndex(where: { !$0.isFeedWhitespace }),
              let last = bytes.lastIndex(where: { !$0.isFeedWhitespace })
        else { return nil }
        let text = String(utf8Text: UnsafeBufferPointer(rebasing: bytes[first...last]))
        return isBase64 ? Self.decodingBase64(text) : text
    }

    /// The text base64 encodes, trimmed; nil when it is not base64 of UTF-8 text (an image says nothing as text).
    private static func decodingBase64(_ text: String) -> String? {
        guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters),
              let decoded = String(validating: data, as: UTF8.self)
        else { return nil }
        return decoded.trimmedOrNil
    }

    /// The captured field as HTML, trimmed; nil when empty. Plain text is
    /// escaped so that every summary and content is HTML.
    func html() -> String? {
        guard let text = text() else { return nil }
        return mode == .text ? HTMLMarkup.escape(text) : text
    }
}
