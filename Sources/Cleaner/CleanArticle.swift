/// What the cleaner made of one article: clean HTML, clean text, and what it
/// took out.
public struct CleanArticle: Sendable, Equatable {
    /// The article's title, when the input carries one (a page's title, the
    /// first line of plain text); nil for feed fragments.
    public var title: String?
    /// Plain text: paragraphs separated by one blank line, list items as
    /// "- ", headings on their own line.
    public var text: String
    /// Sanitised HTML: allow-listed tags and attributes, absolute URLs.
    public var html: String
    /// An attribution the text carried ("Original Source: news.sky.com"),
    /// removed from the text and kept here.
    public var source: String?
    /// What was stripped, and why, for audit.
    public var removed: [Removal]

    /// Makes a result.
    public init(title: String?, text: String, html: String, source: String?, removed: [Removal]) {
        self.title = title
        self.text = text
        self.html = html
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
