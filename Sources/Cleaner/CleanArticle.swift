/// What the cleaner made of one article: clean HTML, clean text, and what it
/// took out.
public struct CleanArticle: Sendable, Equatable {
    /// The article's title, when the input carries one (a page's title, the
    /// first line of plain text); nil for feed fragments.
    public var title: String?
    /// Plain text: paragraphs separated by one blank line, list items as
    /// "- ", headings on their own line.
    public var text: String {
        get { String(decoding: textUTF8, as: UTF8.self) }
        set { textUTF8 = Array(newValue.utf8) }
    }
    /// Sanitised HTML: allow-listed tags and attributes, absolute URLs.
    public var html: String {
        get { String(decoding: htmlUTF8, as: UTF8.self) }
        set { htmlUTF8 = Array(newValue.utf8) }
    }
    /// `text` as UTF-8, as the cleaner wrote it: writing it out from here
    /// spares making and checking a string of every article.
    public var textUTF8: [UInt8]
    /// `html` as UTF-8, as the cleaner wrote it.
    public var htmlUTF8: [UInt8]
    /// An attribution the text carried ("Original Source: news.sky.com"),
    /// removed from the text and kept here.
    public var source: String?
    /// What was stripped, and why, for audit.
    public var removed: [Removal]

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

/// One thing the cleaner removed.
public struct Removal: Sendable, Equatable {
    /// What it was and why it went (`comment form (class "comment-respond")`,
    /// `tail: "Leave a Reply"`).
    public var what: String
    /// How many characters of text went with it.
    public var chars: Int

    /// Makes a record.
    public init(what: String, chars: Int) {
        self.what = what
        self.chars = chars
    }
}
