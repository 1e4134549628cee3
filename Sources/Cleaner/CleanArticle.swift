/// What the cleaner made of one article: clean HTML, clean text, and what it took out.
public struct CleanArticle: Sendable, Equatable {
    /// The article's title, when the input carries one; nil for feed fragments.
    ///
    /// A page's title, or the first line of plain text.
    public var title: String?
    /// The article as plain text.
    ///
    /// Paragraphs are separated by one blank line, list items start
    /// with "- ", headings stand on their own line.
    public var text: String {
        get { String(decoding: textUTF8, as: UTF8.self) }
        set { textUTF8 = Array(newValue.utf8) }
    }
    /// Sanitised HTML: allow-listed tags and attributes, absolute URLs.
    public var html: String {
        get { String(decoding: htmlUTF8, as: UTF8.self) }
        set { htmlUTF8 = Array(newValue.utf8) }
    }
    /// `text` as UTF-8, as the cleaner wrote it.
    ///
    /// Writing it out from here spares making and checking a string of every article.
    public var textUTF8: [UInt8]
    /// `html` as UTF-8, as the cleaner wrote it.
    public var htmlUTF8: [UInt8]
    /// An attribution the text carried, removed from the text and kept here.
    ///
    /// For example "Original Source: news.sky.com".
    public var source: String?
    /// What was stripped, and why, for audit.
    public var removed: [Removal]

    /// Whether the text has anything but white space.
    public var hasText: Bool {
        textUTF8.withUnsafeBufferPointer { TextNormalizer.firstNonSpace(in: $0) != nil }
    }

    /// Makes a result.
    public init(title: String?, text: String, html: String, source: String?, removed: [Removal]) {
        self.init(title: title, textUTF8: Array(text.utf8), htmlUTF8: Array(html.utf8), source: source,
                  removed: removed)
    }

    /// Makes a result from text and HTML in valid UTF-8.
    public init(title: String?, textUTF8: [UInt8], htmlUTF8: [UInt8], source: String?, removed: [Removal]) {
        self.title = title
        self.textUTF8 = textUTF8
        self.htmlUTF8 = htmlUTF8
        self.source = source
        self.removed = removed
    }
}

/// One thing the cleaner removed: which rule took it, why, and how much text went.
///
/// It also keeps the start of that text, for `feedspool clean --explain` and the spool's `removed`.
public struct Removal: Sendable, Equatable {
    /// How much of the removed text a record keeps, in characters.
    ///
    /// Enough to recognise a block, not a second copy of a comment thread.
    public static let maximumTextLength = 200

    /// The rule that removed it, a stable short identifier for scripts.
    ///
    /// For example `feed-template`, `comment-form`, `boundary-tail`, `tracking-pixel`.
    public var rule: String
    /// What it was and why it went.
    ///
    /// For example `comment form (class "comment-respond")`, `tail: "Leave a Reply"`.
    public var what: String
    /// How many characters of text went with it.
    public var chars: Int
    /// The removed text, white space collapsed, cut after `maximumTextLength` characters.
    ///
    /// A cut text ends in "…". Empty when it had none or the rule kept none.
    public var text: String

    /// Makes a record.
    /// - Parameters:
    ///   - what: What it was and why it went.
    ///   - chars: How many characters of text went with it.
    ///   - rule: The rule's identifier; nil derives it from `what` (see
    ///     `rule(describedBy:)`), so passes that only describe still name one.
    ///   - text: The removed text; only its start is kept.
    public init(what: String, chars: Int, rule: String? = nil, text: String = "") {
        self.rule = rule ?? Self.rule(describedBy: what)
        self.what = what
        self.chars = chars
        self.text = Self.excerpt(text)
    }

    /// The rule identifier a description implies.
    ///
    /// Its words before the first `(`, `:` or quote, lowercase, joined by `-`;
    /// the boundary pass's `head:`, `tail:` and `trailer:` become
    /// `boundary-head`, `boundary-tail` and `boundary-trailer`. `comment form
    /// (class "x")` is `comment-form`, `<script> element` is `script-element`.
    static func rule(describedBy what: String) -> String {
        if let rule = asciiRule(describedBy: what) { return rule }
        var rule = ""
        var pendingDash = false
        for scalar in what.unicodeScalars {
            if scalar == "(" || scalar == ":" || scalar == "\"" || scalar == "“" { break }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingDash, !rule.isEmpty { rule.append("-") }
                pendingDash = false
                rule.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            } else {
                pendingDash = true
            }
        }
        if ["head", "tail", "trailer"].contains(rule) { return "boundary-" + rule }
        return rule.isEmpty ? "other" : rule
    }

    /// `rule(describedBy:)` read as bytes; nil past a byte outside ASCII.
    ///
    /// Unicode scalar properties cost a lookup each; nil when a byte outside
    /// ASCII comes before the description's words end.
    private static func asciiRule(describedBy what: String) -> String? {
        var rule: [UInt8] = []
        var pendingDash = false
        for byte in what.utf8 {
            if byte >= 0x80 { return nil }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "\"") { break }
            let lower = byte | 0x20
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
                if pendingDash, !rule.isEmpty { rule.append(UInt8(ascii: "-")) }
                pendingDash = false
                rule.append(byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? byte : lower)
            } else {
                pendingDash = true
            }
        }
        let text = String(decoding: rule, as: UTF8.self)
        if ["head", "tail", "trailer"].contains(text) { return "boundary-" + text }
        return text.isEmpty ? "other" : text
    }

    /// `text` with white space collapsed, cut after `maximumTextLength` characters.
    static func excerpt(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        // Collapsing reads every byte: only the part that can be kept is read.
        let collapsed = TextNormalizer.collapse(String(text.prefix(maximumTextLength * 4)))
        guard collapsed.count > maximumTextLength else { return collapsed }
        return String(collapsed.prefix(maximumTextLength)) + "…"
    }
}

extension HTMLTree {
    /// The start of the text under `index`, enough for `Removal.text`, a space between blocks.
    ///
    /// Text nodes are read only until it is full.
    func removalText(of index: Int) -> String {
        var bytes: [UInt8] = []
        let limit = Removal.maximumTextLength * 4
        var node = index
        let end = subtreeEnd(of: index)
        while node < end, bytes.count < limit {
            if node != index, nodes[node].isRemoved {
                node = subtreeEnd(of: node)
                continue
            }
            if nodes[node].kind == .text {
                withText(of: node) { bytes.append(contentsOf: $0) }
            } else if nodes[node].traits.contains(.block) || nodes[node].traits.contains(.lineBreak) {
                // Blocks and line breaks part words, as they do on screen.
                bytes.append(0x20)
            }
            node += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
