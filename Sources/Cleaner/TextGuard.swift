extension Cleaner {
    /// The `rule` of the record saying an entry was delivered less cleaned.
    ///
    /// That happens when cleaning it left no text.
    public static let fallbackRule = "fallback"

    /// `article`, the cleaned form of `input`, or a less aggressive clean when that left no text.
    ///
    /// When cleaning left no text of an input that has some, `input` is cleaned without the feed's
    /// template, else sanitised only, with a record in `removed` saying so. The last guard before
    /// an article is delivered: an entry with text never arrives with an empty text.
    /// - Parameters:
    ///   - article: What `clean(_:baseURL:template:)` made of `input`.
    ///   - input: The entry's HTML (or text) as the feed gave it.
    ///   - baseURL: The article's URL, as given to the clean.
    ///   - template: The template the clean was given.
    public func keepingText(_ article: CleanArticle, of input: String, baseURL: String?,
                            template: FeedTemplate?) -> CleanArticle {
        guard !article.hasText, !Self.isOnlyACommentsLink(input), !Self.isOnlyAggregatorMetadata(article) else {
            return article
        }
        if let template, !template.isEmpty {
            var untemplated = clean(input, baseURL: baseURL)
            if untemplated.hasText {
                untemplated.removed.append(Removal(
                    what: "cleaning with the feed template left no text, so the entry was cleaned without it",
                    chars: 0, rule: Self.fallbackRule))
                return untemplated
            }
            if Self.isOnlyAggregatorMetadata(untemplated) { return untemplated }
        }
        var sanitized = sanitize(input, baseURL: baseURL)
        guard sanitized.hasText else { return article }
        sanitized.removed.append(Removal(what: "cleaning left no text, so the entry was only sanitised",
                                         chars: 0, rule: Self.fallbackRule))
        return sanitized
    }

    /// Whether all the text cleaning removed was a news aggregator's lines about the entry.
    ///
    /// Hacker News's "Article URL: … Points: 87 # Comments: 64" and Reddit's "submitted by /u/alice
    /// to r/pics [link] [comments]" are all that the entry of a link post holds: it has no text of
    /// its own, and those links are the entry's link and its comments.
    static func isOnlyAggregatorMetadata(_ article: CleanArticle) -> Bool {
        let blocks = article.removed.filter { $0.chars > 0 }
        return !blocks.isEmpty && blocks.allSatisfy { record in
            AggregatorLines.kinds.contains(where: { record.what.hasSuffix(": \($0)") })
        }
    }

    /// Whether the entry's only text is one link to its comments, as a news aggregator's feed sends every entry.
    ///
    /// Such an entry is `<a href="…item?id=…">Comments</a>`: the entry has no text of its own, and
    /// its comments link is the feed's `<comments>` element too.
    static func isOnlyACommentsLink(_ input: String) -> Bool {
        guard input.utf8.count <= 1000 else { return false }
        let blocks = BlockSegmenter.blocks(of: tree(for: input).tree)
        guard blocks.count == 1, let block = blocks.first, block.length <= 48, block.linkTextLength == block.length
        else { return false }
        let key = block.key
        return CommentPrompts.isLabel(key) || BoundaryText.isCommentCount(key)
    }
}
