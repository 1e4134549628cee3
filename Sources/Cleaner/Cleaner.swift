#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// An article parsed and not yet cleaned; see `Cleaner.parse(_:)`.
public struct ParsedArticle: Sendable {
    let tree: HTMLTree
    let title: String?
    let kind: InputKind
}

/// Cleans articles: removes boilerplate, sanitises the HTML, and renders clean HTML and text.
///
/// Boilerplate is comment sections, share bars, related posts,
/// newsletter prompts, tracking and the like.
///
/// The passes, in order: parse (HTML fragment, whole page or plain text);
/// for pages, main-content extraction; the feed's template blocks; tracking
/// pixels and tracker links; boilerplate elements named by class, id or
/// role; the allow-list; boundary text at the head and tail; output.
/// Whole elements and whole edge blocks are removed, never sentences from the
/// middle of the body: over-stripping is the worst failure.
public struct Cleaner: Sendable {
    /// The largest share of the article's text an element removed as boilerplate may hold.
    ///
    /// An element that holds more is more likely the article itself under an unlucky class name.
    static let maximumBoilerplateShare = 0.5
    /// How much text must precede an element named as a comment thread for it to go whatever its size.
    static let minimumArticleBeforeComments = 200

    /// Makes a cleaner.
    /// The largest page or article worth cleaning: a long page with its
    /// markup is a few megabytes, and cleaning takes several times the
    /// page in memory. `feedspool clean` refuses larger files, and `fulltext`
    /// fetches no larger page.
    public static let maximumPageBytes = 16 << 20

    public init() {}

    /// Cleans one article.
    /// - Parameters:
    ///   - input: An HTML fragment (a feed entry's content), a whole page,
    ///     or plain text; the kind is detected.
    ///   - baseURL: The article's URL, against which relative links resolve.
    ///   - template: Blocks the feed repeats in most entries, to drop.
    public func clean(_ input: String, baseURL: String? = nil, template: FeedTemplate? = nil) -> CleanArticle {
        // The tree is this call's own: the passes prune it in place, where
        // going through a `ParsedArticle` would copy every node first.
        let (parsedTree, title, kind) = Self.tree(for: input)
        var tree = consume parsedTree
        return clean(&tree, title: title, kind: kind, baseURL: baseURL, template: template)
    }

    /// Cleans one article given as UTF-8 bytes, without making a string of the input first.
    ///
    /// It cleans as `clean(_:baseURL:template:)` cleans a string.
    /// - Parameters:
    ///   - input: Valid UTF-8, such as `TextDecoding.utf8(from:)` returns.
    ///   - baseURL: The article's URL, against which relative links resolve.
    ///   - template: Blocks the feed repeats in most entries, to drop.
    ///   - writesHTML: False to leave `htmlUTF8` empty, for a caller that
    ///     prints only the text: the text is the same either way.
    public func clean(utf8 input: [UInt8], baseURL: String? = nil, template: FeedTemplate? = nil,
                      writesHTML: Bool = true) -> CleanArticle {
        let (parsedTree, title, kind) = Self.tree(forUTF8: input)
        var tree = consume parsedTree
        return clean(&tree, title: title, kind: kind, baseURL: baseURL, template: template, writesHTML: writesHTML)
    }

    /// Parses an article for `clean(_:baseURL:template:)` and `FeedTemplate(learningFrom:)`.
    ///
    /// A feed's entries are thus parsed once for both learning the template and cleaning.
    public func parse(_ input: String) -> ParsedArticle {
        let (tree, title, kind) = Self.tree(for: input)
        return ParsedArticle(tree: tree, title: title, kind: kind)
    }

    /// Cleans an article parsed by `parse(_:)`. The article is consumed:
    /// when the caller keeps no other copy, its tree is pruned in place
    /// rather than copied node by node.
    public func clean(_ parsed: consuming ParsedArticle, baseURL: String? = nil, template: FeedTemplate? = nil)
        -> CleanArticle
    {
        let (title, kind) = (parsed.title, parsed.kind)
        var tree = (consume parsed).tree
        return clean(&tree, title: title, kind: kind, baseURL: baseURL, template: template)
    }

    private func clean(_ tree: inout HTMLTree, title: String?, kind: InputKind, baseURL: String?,
                       template: FeedTemplate?, writesHTML: Bool = true) -> CleanArticle {
        var removals: [Removal] = []
        var title = title
        var base = baseURL.flatMap { URL(string: $0) }
        var root = HTMLTree.root
        if kind == .page {
            title = PageMetadata.title(of: tree)
            // Only a web URL may become the base; a `javascript:` one is ignored.
            if let href = PageMetadata.baseHref(of: tree),
               let pageBase = URL(string: href, relativeTo: base)?.absoluteURL, Sanitizer.isWebBase(pageBase)
            {
                base = pageBase
            }
            dropNonContent(&tree)
            root = ContentExtractor.mainContent(of: &tree, removals: &removals)
        }
        if let template, !template.isEmpty {
            TemplatePass.apply(to: &tree, under: root, template: template, removals: &removals)
        }
        removeTracking(&tree, under: root, removals: &removals)
        removeBoilerplateElements(&tree, under: root, removals: &removals)
        Sanitizer.sanitize(&tree, base: base, removals: &removals)
        let source = BoundaryPass.apply(to: &tree, under: root, removals: &removals)
        return CleanArticle(
            title: title,
            textUTF8: TextWriter.text(of: tree, under: root),
            htmlUTF8: writesHTML ? HTMLWriter.html(of: tree, under: root) : [],
            source: source,
            removed: removals)
    }

    /// Sanitises an article without removing boilerplate (`clean=no` in `feeds.conf`).
    ///
    /// The allow-list, URL resolution and tracking removal still
    /// apply, since they are what makes the HTML safe to show.
    public func sanitize(_ input: String, baseURL: String? = nil) -> CleanArticle {
        let (parsedTree, title, _) = Self.tree(for: input)
        var tree = consume parsedTree
        return sanitize(&tree, title: title, baseURL: baseURL)
    }

    /// Sanitises an article parsed by `parse(_:)`; see `sanitize(_:baseURL:)`.
    /// The article is consumed, as by `clean(_:baseURL:template:)`.
    public func sanitize(_ parsed: consuming ParsedArticle, baseURL: String? = nil) -> CleanArticle {
        let title = parsed.title
        var tree = (consume parsed).tree
        return sanitize(&tree, title: title, baseURL: baseURL)
    }

    private func sanitize(_ tree: inout HTMLTree, title: String?, baseURL: String?) -> CleanArticle {
        var removals: [Removal] = []
        removeTracking(&tree, under: HTMLTree.root, removals: &removals)
        Sanitizer.sanitize(&tree, base: baseURL.flatMap { URL(string: $0) }, removals: &removals)
        return CleanArticle(title: title, textUTF8: TextWriter.text(of: tree), htmlUTF8: HTMLWriter.html(of: tree),
                            source: nil, removed: removals)
    }

    /// The tree of `input`, its title when plain text carries one, and its kind.
    static func tree(for input: String) -> (tree: HTMLTree, title: String?, kind: InputKind) {
        let kind = InputKind.of(input)
        if kind == .plainText {
            let (tree, title) = PlainTextInput.tree(from: input)
            return (tree, title, kind)
        }
        return (htmlTree(Array(input.utf8)), nil, kind)
    }

    /// The tree, title and kind of `input` (valid UTF-8), as `tree(for:)` makes them from a string.
    static func tree(forUTF8 input: [UInt8]) -> (tree: HTMLTree, title: String?, kind: InputKind) {
        let kind = input.withUnsafeBufferPointer { InputKind.of($0) }
        if kind == .plainText {
            let (tree, title) = PlainTextInput.tree(from: String(decoding: input, as: UTF8.self))
            return (tree, title, kind)
        }
        return (htmlTree(input), nil, kind)
    }

    /// The tree of HTML (UTF-8), script and style elements cut out first.
    private static func htmlTree(_ html: [UInt8]) -> HTMLTree {
        RawTextStripper.strip(html).withUnsafeBufferPointer { HTMLTreeBuilder.parse($0) }
    }

    // MARK: - Passes

    /// Drops a page's head, scripts and styles before content is scored.
    private func dropNonContent(_ tree: inout HTMLTree) {
        for index in tree.descendants(of: HTMLTree.root) where tree.nodes[index].kind == .element {
            if tree.nodes[index].traits.contains(.dropped) { tree.remove(index) }
        }
    }

    private func removeTracking(_ tree: inout HTMLTree, under root: Int, removals: inout [Removal]) {
        for index in tree.descendants(of: root) where tree.nodes[index].kind == .element {
            let traits = tree.nodes[index].traits
            if traits.contains(.image), let reason = Tracking.imageReason(tree.nodes[index]) {
                tree.remove(index)
                removals.append(Removal(what: reason, chars: 0))
            } else if traits.contains(.link), let href = tree.nodes[index].attribute("href"), Tracking.isTracker(href) {
                if TextNormalizer.isBlank(tree.textContent(of: index)) {
                    tree.remove(index)
                    removals.append(Removal(what: "tracker link", chars: 0))
                } else {
                    // A tracker link inside a sentence keeps its words.
                    tree.nodes[index].name = "span"
                    tree.nodes[index].traits = .of("span")
                    tree.nodes[index].attributes = []
                    removals.append(Removal(what: "tracker link target (kept its text)", chars: 0))
                }
            }
        }
    }

    private func removeBoilerplateElements(_ tree: inout HTMLTree, under root: Int, removals: inout [Removal]) {
        // The text measures of the tree as it stands before the pass, taken
        // at the first element named as boilerplate: most articles have none.
        var measures: TextMeasures?
        for index in tree.descendants(of: root) where index != root && tree.nodes[index].kind == .element {
            guard !tree.isDetached(index) else { continue }
            if removeEmbedPlaceholder(&tree, at: index, removals: &removals) { continue }
            guard let reason = BoilerplateElements.reason(for: tree.nodes[index])
                ?? PaywallNotice.callToActionReason(for: index, in: tree) else { continue }
            if measures == nil { measures = TextMeasures(of: tree) }
            let lengths = measures!.lengths, textBefore = measures!.textBefore
            let share = Double(lengths[index]) / Double(max(1, lengths[root]))
            // A comment thread can outgrow its article: the share guard
            // gives way when a real article precedes it.
            let isLateCommentThread = BoilerplateElements.isCommentSection(reason)
                && textBefore[index] - textBefore[root] >= Self.minimumArticleBeforeComments
            guard share <= Self.maximumBoilerplateShare || isLateCommentThread else { continue }
            removals.append(Removal(what: reason, chars: lengths[index], text: tree.removalText(of: index)))
            tree.remove(index)
            // The label a theme puts above a related-posts box goes with it.
            if reason.hasPrefix("related posts"), let label = RelatedLinks.label(before: index, in: tree) {
                removals.append(Removal(what: "related posts label", chars: tree.textContent(of: label).count,
                                        text: tree.removalText(of: label)))
                tree.remove(label)
            }
        }
    }

    /// Removes a media element's fallback, or an embedded post's placeholder; whether `index` went.
    ///
    /// See `EmbedPlaceholders`.
    private func removeEmbedPlaceholder(_ tree: inout HTMLTree, at index: Int, removals: inout [Removal]) -> Bool {
        let traits = tree.nodes[index].traits
        if traits.contains(.showsWithoutText) {
            // Images and line breaks hold nothing: only media elements have a fallback.
            guard !traits.contains(.void) else { return false }
            for child in EmbedPlaceholders.fallback(of: index, in: tree) {
                removals.append(Removal(what: "media fallback (<\(tree.nodes[index].name)>)",
                                        chars: tree.textContent(of: child).count, text: tree.removalText(of: child)))
                tree.remove(child)
            }
            return false
        }
        guard EmbedPlaceholders.isPostPlaceholder(index, in: tree) else { return false }
        removals.append(Removal(what: "embedded post placeholder", chars: tree.textContent(of: index).count,
                                text: tree.removalText(of: index)))
        tree.remove(index)
        return true
    }

    /// How much live text each node's subtree holds, and how much comes before the node.
    ///
    /// Counted in UTF-8 bytes; "before" is in document order.
    private struct TextMeasures {
        let lengths: [Int]
        let textBefore: [Int]

        init(of tree: HTMLTree) {
            lengths = ContentExtractor.subtreeTextLengths(tree)
            var textBefore = [Int](repeating: 0, count: tree.nodes.count + 1)
            for index in tree.nodes.indices {
                let isText = tree.nodes[index].kind == .text && !tree.nodes[index].isRemoved
                textBefore[index + 1] = textBefore[index] + (isText ? tree.textLength(of: index) : 0)
            }
            self.textBefore = textBefore
        }
    }
}
